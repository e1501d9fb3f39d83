import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { httpCache, type Digest } from './http-cache.js';

const appWith = (sha1?: Digest) => {
  const app = new Hono<AppEnv>();
  app.use('*', httpCache({ sha1, skip: () => true }));
  app.get('/api/x', (c) => c.json({ hello: 'Exampleshire', n: [1, 2, 3] }));
  return app;
};

describe('ETags', () => {
  it("are the same whether the runtime's SHA-1 runs in line (Node) or through WebCrypto (Workers)", async () => {
    const web = await appWith().request('/api/x');
    const node = await appWith((body) => createHash('sha1').update(body).digest()).request('/api/x');
    expect(web.headers.get('ETag')).toMatch(/^"[0-9a-f]{24}"$/);
    expect(node.headers.get('ETag')).toBe(web.headers.get('ETag'));
  });
});
