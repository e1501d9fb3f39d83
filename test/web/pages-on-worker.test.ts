// The pages on the Worker (wrangler's own bundle of src/worker.ts on Miniflare with D1) as on Node: the council page,
// the search and its redirects, the comparison with its chart and errors, the HTML 404 and the accessibility statement,
// and the history as JSON. Invented councils only (Exampleshire); scraped text stays escaped.
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
  await store.classification.recordVersions('all', null, new Date('2026-11-22T12:00:00Z'));
}

describe('the pages on the Worker', () => {
  const s = workerAndNode('sbb-worker-pages-', load);
  const html = { headers: { Accept: 'text/html' } };
  const both = async (path: string, init: RequestInit = html) =>
    Promise.all([s.mf.dispatchFetch(`http://worker.test${path}`, init as never) as unknown as Promise<Response>, fetch(s.node.url + path, init)]);

  it.each(['/accessibility', '/nope', '/councils?q=Examplshire', '/councils', '/compare?council=&peers=992', `/compare?council=${EXAMPLESHIRE}&equity=9`])('GET %s gives the same page', async (path) => {
    const [w, n] = await both(path);
    expect(w.status, path).toBe(n.status);
    expect(w.headers.get('content-type')).toMatch(/^text\/html/);
    expect(w.headers.get('content-security-policy')).toBe(n.headers.get('content-security-policy'));
    expect(await w.text()).toBe(await n.text());
  });

  it('serves the council page, escaped, and redirects any key to the GSS code', async () => {
    const [w, n] = await both(`/councils/${EXAMPLESHIRE}`);
    expect(w.status).toBe(200);
    const page = await w.text();
    expect(page).toContain('<h1>Exampleshire</h1>');
    expect(page).toContain('Saturday Splash Club (synthetic)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('id="history"');
    // The same page but for the pack link: Workers build no packs.
    const strip = (s: string) => s.replace(/<li>(<a href="[^"]*">(Preview its workshop pack|Its workshop pack)<\/a>)<\/li>/, '');
    expect(strip(page)).toBe(strip(await n.text()));
    for (const key of ['991', 'exampleshire', 'E10999900']) {
      const r = (await s.mf.dispatchFetch(`http://worker.test/councils/${key}`, { redirect: 'manual' })) as unknown as Response;
      expect(r.status, key).toBe(301);
      expect(r.headers.get('location'), key).toMatch(new RegExp(`/councils/${EXAMPLESHIRE}$`));
    }
    const search = (await s.mf.dispatchFetch('http://worker.test/councils?q=exampleshire', { redirect: 'manual' })) as unknown as Response;
    expect(search.status).toBe(303);
  });

  it('serves the comparison with its chart, tracking parameters ignored', async () => {
    const [w] = await both(`/compare?council=${EXAMPLESHIRE}&utm_source=newsletter`);
    expect(w.status).toBe(200);
    const page = await w.text();
    expect(page).toContain('id="results"');
    expect(page).toContain('id="own-offer"');
    expect(page).toContain('id="measures"');
  });

  it('serves the history as the same JSON, and JSON 404s under /api/ even to a browser', async () => {
    const [w, n] = await both(`/api/councils/${EXAMPLESHIRE}/history`, {});
    expect(w.status).toBe(200);
    const body = (await w.json()) as { data: { changes: Array<{ offer: string; read: string }> } };
    expect(body).toEqual(await n.json());
    expect(body.data.changes[0]).toMatchObject({ offer: 'Saturday Splash Club (synthetic)', change: 'appeared' });
    const [w404] = await both('/api/nope');
    expect(w404.status).toBe(404);
    expect(w404.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
