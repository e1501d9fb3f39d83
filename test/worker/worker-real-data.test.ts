// The Worker on a D1 loaded from the real built database (through sbb db export-sql) answers exactly as the Node server does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_ROUTES, ROUTES } from '../../src/http/route-catalog.js';
import { loadMigrations } from '../../src/node/data-files.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';
import { builtDb, runCli, tempDir } from '../support/temp-db.js';
import { bundleWorker, d1Of, executeSqlFile, workerOnD1 } from '../support/worker-on-d1.js';

const LANCASHIRE = 'E10000017';

describe('Worker on D1 and Node on better-sqlite3, over the real data', () => {
  const t = tempDir('sbb-worker-real-');
  let db: Awaited<ReturnType<typeof builtDb>>;
  let mf: Miniflare;
  let node: RunningServer;
  let nodeStore: Store;
  let councilCodes: string[] = [];

  beforeAll(async () => {
    db = await builtDb();
    const file = join(t.dir, 'sbb.sql');
    const exported = await runCli('db', 'export-sql', '--db', db.path, '--out', file);
    expect(exported.code, exported.stderr).toBe(0);
    mf = workerOnD1(bundleWorker(t.dir));
    const d1 = await d1Of(mf);
    await migrate(createD1Driver(d1), loadMigrations());
    await executeSqlFile(d1, readFileSync(file, 'utf8'));
    nodeStore = createStore(createBetterSqliteDriver(db.path, { readonly: true }));
    node = await startServer(nodeStore, 0, '127.0.0.1');
    councilCodes = (await nodeStore.driver.all<{ code: string }>('SELECT code FROM councils ORDER BY code')).map((r) => r.code);
  }, 120_000);

  afterAll(async () => {
    await node?.close();
    await nodeStore?.driver.close();
    await mf?.dispose();
    db?.cleanup();
    t.cleanup();
  });

  async function both(path: string) {
    const [w, n] = await Promise.all([mf.dispatchFetch(`http://worker.test${path}`), fetch(node.url + path)]);
    return { w, n };
  }

  const paths = [
    '/-/health',
    '/-/version',
    '/api/councils',
    `/api/councils/${LANCASHIRE}`,
    '/api/councils/888.json',
    `/api/compare/${LANCASHIRE}?samples=100`,
    `/api/compare/${LANCASHIRE}?group=region&weights=equity-first&samples=50&seed=3`,
    `/api/gaps/${LANCASHIRE}`,
    '/api/scores?group=region',
    '/api/scores?group=sn2025',
  ];

  it.each(paths)('GET %s gives the same status and JSON', async (path) => {
    const { w, n } = await both(path);
    expect(n.status).toBe(200);
    expect(w.status).toBe(n.status);
    expect(await w.json()).toEqual(await n.json());
  });

  it.each(['/api/councils.csv', `/api/compare/${LANCASHIRE}.csv`, '/api/scores.csv?group=region', '/', '/coverage'])('GET %s gives the same text', async (path) => {
    const { w, n } = await both(path);
    expect(w.status).toBe(n.status);
    expect(w.headers.get('content-type')).toBe(n.headers.get('content-type'));
    expect(await w.text()).toBe(await n.text());
  });

  it('gives the same detail for every one of the 153 councils', async () => {
    expect(councilCodes).toHaveLength(153);
    for (const code of councilCodes) {
      const { w, n } = await both(`/api/councils/${code}`);
      expect(await w.json(), code).toEqual(await n.json());
    }
  });

  it('gives the same comparison and gaps for every eighth council', async () => {
    for (const code of councilCodes.filter((_, i) => i % 8 === 0)) {
      for (const path of [`/api/compare/${code}?samples=20&seed=1`, `/api/gaps/${code}?group=sn2021`]) {
        const { w, n } = await both(path);
        expect(w.status, path).toBe(n.status);
        expect(await w.json(), path).toEqual(await n.json());
      }
    }
  });

  /** Every JSON and CSV route in the API catalogue (the Open Referral UK feed's too), at its example. */
  const catalogue = [...ROUTES, ...FEED_ROUTES].filter((r) => r.example && r.formats.some((f) => f === 'json' || f === 'csv')).flatMap((r) => {
    const [path, query] = r.example.split('?') as [string, string | undefined];
    const q = query ? `?${query}` : '';
    return r.formats.includes('csv') && !path.endsWith('.json') ? [r.example, `${path}.csv${q}`] : [r.example];
  });

  it.each(catalogue)('GET %s (from the route catalogue) gives the same status, ETag and body', async (path) => {
    const { w, n } = await both(path);
    expect(n.status, path).toBe(200);
    expect(w.status).toBe(n.status);
    expect(w.headers.get('etag')).toBe(n.headers.get('etag'));
    expect(await w.text()).toBe(await n.text());
  });

  it('serves the same Open Referral UK 3.0 feed: every services page, and every service fully nested', async () => {
    const ids: string[] = [];
    for (let page = 1, last = false; !last; page++) {
      const { w, n } = await both(`/openreferral/v3/services?per_page=100&page=${page}`);
      const text = await n.text();
      expect(await w.text(), `page ${page}`).toBe(text);
      const body = JSON.parse(text) as { last_page: boolean; contents: Array<{ id: string }> };
      ids.push(...body.contents.map((s) => s.id));
      last = body.last_page;
    }
    expect(ids.length).toBeGreaterThan(400);
    for (const id of ids) {
      const { w, n } = await both(`/openreferral/v3/services/${id}`);
      expect(await w.text(), id).toBe(await n.text());
    }
  }, 120_000);

  it.each([
    '/api/offers?_size=7&_facet=type&_facet=statutory_categories&_facet=council_code',
    '/api/offers?council=888&_sort_desc=confidence&_size=2',
    '/api/offers?category=educational_leisure&_size=5&_sort=council',
    '/api/councils?_size=20&_sort=region&_facet=region_name',
    '/api/sources?_size=15&_facet=kind',
    '/api/inspections?_size=10&_sort=council',
    '/api/councils.csv?type=unitary&_size=30',
  ])('GET %s gives the same pages all the way through its _next cursor', async (start) => {
    let path: string | null = start;
    let pages = 0;
    while (path && pages < 200) {
      const { w, n } = await both(path);
      expect(n.status, path).toBe(200);
      expect(w.status, path).toBe(n.status);
      if (path.includes('.csv')) {
        expect(w.headers.get('link'), path).toBe(n.headers.get('link'));
        expect(await w.text(), path).toBe(await n.text());
        path = /^<([^>]+)>; rel="next"$/.exec(n.headers.get('link') ?? '')?.[1] ?? null;
      } else {
        const body = (await n.json()) as { meta?: { next_url?: string | null } };
        expect(await w.json(), path).toEqual(body);
        path = body.meta?.next_url ?? null;
      }
      pages++;
    }
    expect(path).toBeNull();
    expect(pages).toBeGreaterThan(1);
  });

  it('serves real offers and facts with their sources through the Worker', async () => {
    const res = await mf.dispatchFetch(`http://worker.test/api/councils/${LANCASHIRE}`);
    const body = (await res.json()) as { data: { council: { name: string; offer_count: number }; offers: Array<{ source: { url: string } }> } };
    expect(body.data.council.name).toBe('Lancashire');
    expect(body.data.council.offer_count).toBeGreaterThan(0);
    expect(body.data.offers[0]!.source.url).toMatch(/^https?:\/\//);
  });
});
