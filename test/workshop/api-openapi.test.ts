// The OpenAPI document lists what the workshop routes really answer: 201 for what creates, 403 where a key is
// needed, 409 where a closed workshop or option refuses, 429 where the rate limits apply.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { ROUTES } from '../../src/http/route-catalog.js';

type Op = { responses: Record<string, { description: string; content?: Record<string, unknown> }> };
const doc = openApiDocument(ROUTES) as { paths: Record<string, Record<string, Op>> };
const statuses = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses).sort();

describe('the workshop routes in the OpenAPI document', () => {
  it('say 201 for creating a workshop and joining one, with the body schema there', () => {
    for (const path of ['/api/workshops', '/api/workshops/{workshop}/participants']) {
      const op = doc.paths[path]!.post!;
      expect(op.responses['201']?.content, path).toHaveProperty('application/json');
      expect(op.responses['200'], path).toBeUndefined();
    }
    expect(statuses('/api/workshops', 'post')).toEqual(['201', '400', '401', '403', '404', '413', '415']);
  });

  it('list 403, 409 and 429 where they are answered', () => {
    expect(statuses('/api/workshops/{workshop}/scores', 'put')).toEqual(['200', '400', '403', '404', '409', '413', '415', '429']);
    expect(statuses('/api/workshops/{workshop}/participants', 'post')).toEqual(['201', '400', '404', '409', '413', '415', '429']);
    expect(statuses('/api/workshops/{workshop}/results', 'get')).toEqual(['200', '304', '400', '403', '404', '429', '501']);
    // Every facilitator route needs the key; the public view of a workshop does not.
    for (const [path, method] of [['/api/workshops/{workshop}/close', 'post'], ['/api/workshops/{workshop}', 'delete'], ['/api/workshops/{workshop}/comments', 'get']] as const)
      expect(statuses(path, method), `${method} ${path}`).toEqual(expect.arrayContaining(['403', '429']));
    expect(statuses('/api/workshops/{workshop}', 'get')).not.toContain('403');
  });
});
