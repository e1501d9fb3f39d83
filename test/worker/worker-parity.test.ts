// The Worker bundle (wrangler's own build of src/worker.ts) on a D1 database answers exactly as the Node server does.
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { migrate } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import { EXAMPLESHIRE, syntheticBundle, syntheticFact, syntheticOffer, taxonomy } from '../support/synthetic-reference.js';
import { workerAndNode } from '../support/worker-and-node.js';

async function load(store: Store) {
  await migrate(store.driver, loadMigrations());
  await store.loadReference(syntheticBundle(), taxonomy);
  await store.importRecords([syntheticOffer(), syntheticFact()], { files: ['synthetic'] }, new Date('2026-11-22T12:00:00Z'));
  await store.setMeta({ built_at: '2026-11-22T12:00:00.000Z', data_fingerprint: 'synthetic' });
}

describe('Worker on D1 and Node on better-sqlite3', () => {
  const s = workerAndNode('sbb-worker-', load);

  const paths = [
    '/-/health',
    '/-/version',
    '/api/councils',
    `/api/councils/${EXAMPLESHIRE}`,
    '/api/councils/991.json',
    '/api/councils/E10000000',
    '/api/none',
    `/api/compare/${EXAMPLESHIRE}?samples=200&seed=7`,
    '/api/compare/991?group=custom:992,993&weights=equity-first',
    `/api/compare/${EXAMPLESHIRE}?weights=kindness=1`,
    `/api/gaps/${EXAMPLESHIRE}`,
    '/api/scores?group=region',
    // Whole lists streamed, full-text search (FTS5 on D1, built by its triggers as the rows were loaded), a 404.
    '/api/offers?_size=max&_search=swimming',
    '/api/councils?_search=example&_sort_desc=offer_count&offer_count__gte=0',
    '/api/offers?council=E99999999',
  ];

  it.each(paths)('GET %s gives the same status and JSON', async (path) => {
    const fromWorker = await s.mf.dispatchFetch(`http://worker.test${path}`);
    const fromNode = await fetch(s.node.url + path);
    expect(fromWorker.status).toBe(fromNode.status);
    expect(await fromWorker.json()).toEqual(await fromNode.json());
  });

  it('serves the same CSV, home page and coverage page', async () => {
    for (const path of ['/api/councils.csv', '/', '/coverage', `/api/compare/${EXAMPLESHIRE}.csv`, '/api/scores.csv', '/api/coverage.csv', '/api/offers.csv?_size=max']) {
      const w = await s.mf.dispatchFetch(`http://worker.test${path}`);
      const n = await fetch(s.node.url + path);
      expect(await w.text()).toBe(await n.text());
    }
  });

  it('shows the synthetic offer with its source through the Worker', async () => {
    const res = await s.mf.dispatchFetch(`http://worker.test/api/councils/${EXAMPLESHIRE}`);
    const body = (await res.json()) as { data: { offers: Array<{ name: string; source: { url: string } }> } };
    expect(body.data.offers[0]).toMatchObject({ name: 'Saturday Splash Club (synthetic)', source: { url: 'https://exampleshire.example/short-breaks' } });
    // Found by a word of its description through D1's full-text index.
    const found = (await (await s.mf.dispatchFetch('http://worker.test/api/offers?_search=swim&_size=max')).json()) as { data: Array<{ name: string }> };
    expect(found.data.map((o) => o.name)).toEqual(['Saturday Splash Club (synthetic)']);
  });
});
