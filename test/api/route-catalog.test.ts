// Routes are registered once: the app serves exactly what the catalogue lists (ROUTES for the API, PAGES for the
// HTML pages and assets), every catalogued route answers at its own template, and the OpenAPI document lists ROUTES.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { PAGES, ROUTES, SERVED } from '../../src/http/route-catalog.js';
import type { Store } from '../../src/store/store.js';

const app = createApp({ storeFor: () => ({}) as Store });
/** Routes as Hono holds them, without middleware (method ALL) and the CORS preflight for /api/*. */
const handlers = app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** The routes (not middleware) Hono would run for a request. */
function routed(method: string, path: string): string[] {
  const [matches] = app.router.match(method, path) as unknown as [Array<[[unknown, { method: string; path: string }], unknown]>];
  return matches.map(([[, r]]) => r).filter((r) => r.method !== 'ALL' && !r.path.endsWith('*')).map(key);
}

/** A request path for a catalogued template, its parameters filled with their examples. */
const filled = (r: { path: string; params?: Record<string, { example: string }> }) => r.path.replace(/\{(\w+)\}/g, (_m, name: string) => r.params?.[name]?.example || 'x');

describe('the route catalogue', () => {
  it('lists every route the app serves, and the app serves every route it lists', () => {
    expect(handlers.map(key).sort()).toEqual(SERVED.map(key).sort());
    expect(new Set(SERVED.map(key)).size).toBe(SERVED.length);
  });

  it('names each route once, and each one answers at its own template', () => {
    const all = [...ROUTES, ...PAGES];
    expect(new Set(all.map(key)).size).toBe(all.length);
    for (const r of all) expect(routed(r.method, filled(r)), key(r)).toHaveLength(1);
    for (const r of ROUTES.filter((x) => x.formats.includes('csv') && !x.path.includes('{'))) {
      expect(routed('GET', `${r.path}.csv`), r.path).toHaveLength(1);
      expect(routed('GET', `${r.path}.json`), r.path).toHaveLength(1);
    }
  });

  it('documents ROUTES, and only ROUTES, in the OpenAPI document', () => {
    const doc = openApiDocument(ROUTES) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // Each route that serves CSV is listed again at its .csv path.
    const csv = ROUTES.filter((r) => r.formats.includes('csv')).map((r) => ({ method: r.method, path: `${r.path}.csv` }));
    expect(documented.sort()).toEqual([...ROUTES, ...csv].map(key).sort());
  });

  it('keeps the API under /api and /-/, and the pages out of it', () => {
    for (const r of ROUTES) expect(r.path, r.path).toMatch(/^\/(api|-)\//);
    for (const p of PAGES) expect(p.path, p.path).not.toMatch(/^\/(api|-)\//);
  });
});
