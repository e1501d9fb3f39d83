// The API's conventions, route by route, on a real server over the database built from data/: one envelope,
// validated parameters, listings with cursors and facets, ETags and 304s, CORS for reads, the OpenAPI document.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/http/route-catalog.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb();
const get = (path: string, init?: RequestInit) => fetch(served.url + path, init);
type Body = { ok: boolean; data?: any; meta?: Record<string, any>; status?: number; error?: string; errors?: Array<{ field?: string; message: string }> };
const json = async (path: string, init?: RequestInit) => {
  const res = await get(path, init);
  return { res, body: (await res.json()) as Body };
};


const exampleOf = async (path: string) => {
  if (path) return path;
  const runs = await json('/api/runs?_size=1');
  return `/api/runs/${runs.body.data[0].id}`;
};

const jsonRoutes = ROUTES.filter((r) => r.method === 'GET' && r.formats.includes('json'));

describe('every route', () => {
  it.each(jsonRoutes.map((r) => [r.path, r]))('%s answers in the success envelope', async (_p, r) => {
    const { res, body } = await json(await exampleOf(r.example));
    expect(res.status).toBe(200);
    if (r.path === '/api/openapi.json') return void expect(body).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys(body).sort()).toEqual(['data', 'meta', 'ok']);
    expect(body.ok).toBe(true);
  });

  it.each(ROUTES.filter((r) => r.method === 'GET').map((r) => [r.path, r]))('%s refuses an unknown parameter with a 400 error envelope naming it', async (_p, r) => {
    const example = await exampleOf(r.example);
    const { res, body } = await json(`${example}${example.includes('?') ? '&' : '?'}colour=blue`);
    expect(res.status).toBe(400);
    expect(Object.keys(body).sort()).toEqual(['error', 'errors', 'ok', 'status']);
    expect(body).toMatchObject({ ok: false, status: 400 });
    expect(body.errors!.map((e) => e.field)).toContain('colour');
  });

  it('gives the error envelope for unknown routes and methods', async () => {
    for (const [path, init] of [['/api/nothing-here', undefined], ['/api/councils/E10000017', { method: 'DELETE' }]] as const) {
      const { res, body } = await json(path, init);
      expect(res.status).toBe(404);
      expect(body).toMatchObject({ ok: false, status: 404, error: expect.any(String), errors: [] });
    }
  });

  it('/-/version gives the app, method and taxonomy versions', async () => {
    const { body } = await json('/-/version');
    expect(body.data).toMatchObject({ app: expect.any(String), method_version: expect.stringMatching(/^\d{4}\.\d+\.\d+$/), taxonomy_version: expect.stringMatching(/^\d{4}\.\d+\.\d+$/) });
  });
});

describe('listings', () => {
  it('filter offers by council, type, tier, category, age and cost', async () => {
    const all = (await json('/api/offers?_size=1000')).body.data as Array<Record<string, any>>;
    const check = async (query: string, keep: (o: Record<string, any>) => boolean) => {
      const { body } = await json(`/api/offers?_size=1000&${query}`);
      expect(body.data.map((o: { id: string }) => o.id).sort(), query).toEqual(all.filter(keep).map((o) => o.id).sort());
      expect(body.meta!.total, query).toBe(all.filter(keep).length);
      return body.data.length as number;
    };
    expect(await check('council=888', (o) => o.council_code === 'E10000017')).toBe(3);
    expect(await check('type=direct_payment', (o) => o.type === 'direct_payment')).toBeGreaterThan(0);
    expect(await check('tier=unknown', (o) => o.access_tier === null)).toBeGreaterThan(0);
    expect(await check('category=overnight_care', (o) => o.statutory_categories.includes('overnight_care'))).toBeGreaterThan(0);
    expect(await check('age=19', (o) => (o.age_min !== null || o.age_max !== null) && (o.age_min ?? 0) <= 19 && (o.age_max ?? 25) >= 19)).toBeGreaterThan(0);
    expect(await check('cost=free&tier=universal', (o) => o.cost_status === 'free' && o.access_tier === 'universal')).toBeGreaterThanOrEqual(0);
  });

  it('page through every offer with the _next cursor, in order, without repeats', async () => {
    const seen: string[] = [];
    let path: string | null = '/api/offers?_size=7&_sort_desc=retrieved';
    let pages = 0;
    while (path) {
      const { body } = await json(path);
      seen.push(...body.data.map((o: { id: string }) => o.id));
      expect(body.meta!.count).toBeLessThanOrEqual(7);
      path = body.meta!.next_url;
      pages++;
    }
    const total = (await json('/api/offers?_size=1')).body.meta!.total as number;
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it('count facets over the filtered offers', async () => {
    const { body } = await json('/api/offers?council=E10000017&_facet=access_tier&_facet=statutory_categories');
    expect(body.meta!.facets.access_tier).toEqual(expect.arrayContaining([{ value: 'specialist', count: 2 }, { value: 'targeted', count: 1 }]));
    expect(body.meta!.facets.statutory_categories.length).toBeGreaterThan(0);
  });

  it('serve CSV with a Link to the next page', async () => {
    const res = await get('/api/offers.csv?_size=5');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('link')).toMatch(/^<\/api\/offers\.csv\?_size=5&_next=[\w-]+>; rel="next"$/);
    expect(parse(await res.text(), { columns: true })).toHaveLength(5);
  });

  it('list sources with their latest status, runs, inspections and findings', async () => {
    const src = await json('/api/sources?council=E10000017&_facet=kind');
    expect(src.body.data.length).toBeGreaterThan(0);
    expect(src.body.data[0]).toHaveProperty('last_status');
    const runs = await json('/api/runs');
    expect(runs.body.data[0]).toMatchObject({ kind: expect.any(String), status: 'completed' });
    const run = await json(`/api/runs/${runs.body.data[0].id}`);
    expect(run.body.data).toMatchObject({ id: runs.body.data[0].id, sources: expect.any(Array) });
    expect((await json('/api/runs/run_nope')).res.status).toBe(404);
    const insp = await json('/api/inspections?outcome=1');
    expect(insp.body.data.every((i: { outcome_code: number }) => i.outcome_code === 1)).toBe(true);
    // (this database is built without the report PDFs, so it holds no findings: an empty list, not an error)
    const findings = await json('/api/findings?polarity=strength&_size=2');
    expect(findings.body).toMatchObject({ ok: true, data: [], meta: { total: 0, next: null } });
  });

  it('refuse bad values, a forged cursor and both sort directions, naming the parameter', async () => {
    for (const [path, field] of [
      ['/api/offers?tier=gold', 'tier'],
      ['/api/offers?age=26', 'age'],
      ['/api/offers?_size=0', '_size'],
      ['/api/offers?_size=1001', '_size'],
      ['/api/offers?_sort=price', '_sort'],
      ['/api/offers?_sort=name&_sort_desc=name', '_sort_desc'],
      ['/api/offers?_facet=colour', '_facet'],
      ['/api/offers?_next=WyJ4Il0', '_next'],
      [`/api/offers?council=${'x'.repeat(101)}`, 'council'],
      ['/api/offers?type=a&type=b', 'type'],
    ] as const) {
      const { res, body } = await json(path);
      expect(res.status, path).toBe(400);
      expect(body.errors!.map((e) => e.field), path).toContain(field);
    }
  });
});

describe('HTTP caching and CORS', () => {
  it('gives reads an ETag and Cache-Control, and answers a matching If-None-Match with 304', async () => {
    const first = await get('/api/compare/E10000017?samples=50');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await get('/api/compare/E10000017?samples=50', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await get('/api/compare/E10000017?samples=50', { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).toBe(etag);
  });

  it('never caches the system routes', async () => {
    expect((await get('/-/health')).headers.get('cache-control')).toBe('no-store');
  });

  it('opens reads to other origins, and only reads', async () => {
    const pre = await get('/api/offers', { method: 'OPTIONS', headers: { Origin: 'https://dashboard.example', 'Access-Control-Request-Method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('the OpenAPI document', () => {
  it('describes every route with its parameters from the same schemas', async () => {
    const { body } = (await json('/api/openapi.json')) as unknown as { body: { paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; schema: { enum?: string[] } }> }>> } };
    for (const r of ROUTES) expect(body.paths[r.path]?.[r.method.toLowerCase()], r.path).toBeDefined();
    const offers = body.paths['/api/offers']!.get!.parameters;
    expect(offers.map((p) => p.name)).toEqual(expect.arrayContaining(['council', 'type', 'tier', 'category', 'age', 'cost', '_size', '_next', '_sort', '_sort_desc', '_facet']));
    expect(offers.find((p) => p.name === 'tier')!.schema.enum).toEqual(['universal', 'targeted', 'specialist', 'unknown']);
  });
});
