// The OpenAPI 3.1 document, generated from the routes as registered, the same zod schemas that validate requests,
// and a response schema per route (response-schemas.ts, built from the domain's schemas). A route that serves CSV is
// listed again under its .csv path.
import { z } from 'zod';
import { APP_VERSION } from '../domain/version.js';
import { RESPONSE_DATA } from './response-schemas.js';
import type { RouteInfo } from './route-registry.js';

type Json = Record<string, unknown>;

const MEDIA: Record<RouteInfo['formats'][number], string> = {
  json: 'application/json',
  csv: 'text/csv',
  zip: 'application/zip',
  pdf: 'application/pdf',
  html: 'text/html',
  atom: 'application/atom+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const envelope = { type: 'object', required: ['ok', 'data', 'meta'], properties: { ok: { const: true }, data: {}, meta: { type: 'object' } } };
const errorBody = {
  type: 'object',
  required: ['ok', 'status', 'error', 'errors'],
  properties: {
    ok: { const: false },
    status: { type: 'integer' },
    error: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['message'] } },
  },
};

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/** The success envelope of a route, its `data` described by the route's response schema. */
function envelopeOf(path: string): Json {
  const data = RESPONSE_DATA[path];
  const dataSchema = data ? (z.toJSONSchema(data, { io: 'output', unrepresentable: 'any' }) as Json) : {};
  delete dataSchema.$schema;
  return { type: 'object', required: ['ok', 'data', 'meta'], properties: { ok: { const: true }, data: dataSchema, meta: { type: 'object' } } };
}

/** The path a route's CSV is served at: `.csv` after the path, or after its last parameter (/api/compare/{code}.csv). */
export const csvPathOf = (path: string) => `${path}.csv`;

function queryParameters(schema: z.ZodTypeAny | undefined): Json[] {
  if (!schema) return [];
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: (js.required ?? []).includes(name), schema: s, ...(name === '_facet' ? { style: 'form', explode: true } : {}) }));
}

export function openApiDocument(routes: readonly RouteInfo[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const parameters = [
      ...Object.entries(r.params ?? {}).map(([name, p]) => ({ name, in: 'path', required: true, description: p.description, schema: { type: 'string' }, ...(p.example ? { example: p.example } : {}) })),
      ...queryParameters(r.query),
    ];
    const json = r.response ?? (r.path === '/api/openapi.json' ? { type: 'object' } : envelopeOf(r.path));
    const content = Object.fromEntries(r.formats.map((f) => [MEDIA[f], f === 'json' ? { schema: json } : { schema: { type: 'string', format: f === 'csv' || f === 'html' ? undefined : 'binary' } }]));
    const op: Json = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}./-]+(\w)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
      parameters,
      responses: {
        [r.created ? '201' : '200']: { description: r.created ? 'Created' : r.formats.includes('csv') ? 'OK (add .csv to the path for CSV, .json for JSON)' : 'OK', content },
        ...(r.method === 'GET' ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } } : {}),
        '400': { description: r.method === 'GET' ? 'A query parameter is unknown, repeated or malformed' : 'The body or a query parameter is malformed (errors name the field)', content: errorContent },
        '404': { description: 'Not found', content: errorContent },
        ...Object.fromEntries(Object.entries(r.errors ?? {}).map(([status, description]) => [status, { description, content: errorContent }])),
      },
      ...(r.auth ? { security: [{ bearer: [] }] } : {}),
    };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = op;
    // The same route as CSV, at its own path: flat cells, one row per item (a whole list with _size=max).
    if (r.formats.includes('csv') && !r.path.includes('{format}')) {
      const responses = op.responses as Record<string, Json>;
      (paths[csvPathOf(r.path)] ??= {})[r.method.toLowerCase()] = {
        ...op,
        summary: `${r.summary} (CSV)`,
        operationId: `${op.operationId as string}Csv`,
        responses: { ...responses, '200': { description: 'OK: CSV with a header row; lists joined with "; ", charges and allowances in columns of their own', content: { 'text/csv': { schema: { type: 'string' } } } } },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'short-breaks-benchmark API',
      version: APP_VERSION,
      description:
        'Short break offers of English councils, their sources, inspection evidence and scores. Every JSON response is an envelope: {ok: true, data, meta} or {ok: false, status, error, errors}. Lists take _size (1-1000, or max for the whole list, streamed), _next (keyset cursor from meta.next), _sort or _sort_desc, _facet, and on offers and councils _search (full text) and column filters such as name__contains= or age__gte=; add .csv to a list or scoring path for CSV (flat cells). An unknown council is a 404 on every route that takes one. Reads carry an ETag and answer 304 to a matching If-None-Match.',
    },
    paths,
    components: { schemas: { Envelope: envelope, Error: errorBody }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
