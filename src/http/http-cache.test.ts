import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { httpCache, type Digest } from './http-cache.js';
import { jsonBytes } from './json-bytes.js';

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

describe('JSON answers made from bytes (the envelope)', () => {
  const app = (make: 'json' | 'bytes', cache: boolean) => {
    const a = new Hono<AppEnv>();
    a.use('*', async (c, next) => {
      c.set('store', { driver: {}, scoringVersion: async () => 'v1' } as never);
      await next();
    });
    a.use('*', httpCache({ sha1: (body) => createHash('sha1').update(body).digest(), skip: () => !cache }));
    a.use('*', async (c, next) => {
      c.header('Vary', 'Accept-Encoding');
      await next();
    });
    const value = { ok: true, data: { name: 'Exampleshire – “short breaks” ✓', n: [1, 2.5, null] }, meta: {} };
    a.get('/api/x', (c) => (make === 'json' ? c.json(value) : jsonBytes(c, value)));
    return a;
  };
  const seen = async (res: Response) => ({ status: res.status, headers: [...res.headers], body: Buffer.from(await res.arrayBuffer()).toString('hex') });

  it('answer exactly as c.json would, headers, ETag and bytes alike, whether the cache keeps them or not', async () => {
    for (const cache of [false, true]) {
      const json = app('json', cache);
      const bytes = app('bytes', cache);
      for (let i = 0; i < 3; i++) expect(await seen(await bytes.request('/api/x'))).toEqual(await seen(await json.request('/api/x')));
      const etag = (await bytes.request('/api/x')).headers.get('ETag')!;
      const again = await bytes.request('/api/x', { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    }
  });
});
