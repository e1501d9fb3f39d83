// The Open Referral UK 3.0 feed answers the same bytes on the Worker (wrangler's bundle on Miniflare's D1) as on the
// Node server: the same ids, the same pages and nesting, the same errors, the same ETags, open to every origin.
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { orukId } from '../../src/services/oruk-v3-ids.js';
import { migrate } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import { OFFERS } from '../support/oruk-v3-offers.js';
import { pageProblems, problemsOf } from '../support/oruk-v3-schemas.js';
import { syntheticBundle, taxonomy } from '../support/synthetic-reference.js';
import { workerAndNode } from '../support/worker-and-node.js';

async function load(store: Store) {
  await migrate(store.driver, loadMigrations());
  await store.loadReference(syntheticBundle(), taxonomy);
  await store.importRecords(OFFERS, { files: ['synthetic'] }, new Date('2026-11-22T12:00:00Z'));
  await store.setMeta({ built_at: '2026-11-22T12:00:00.000Z', data_fingerprint: 'synthetic' });
}

const BASE = '/openreferral/v3';

describe('the ORUK 3.0 feed on the Worker and on Node', () => {
  const s = workerAndNode('sbb-oruk-worker-', load);
  const both = async (path: string, init?: RequestInit) => {
    const w = await s.mf.dispatchFetch(`http://worker.test${path}`, init as never);
    const n = await fetch(s.node.url + path, init);
    return { w: { status: w.status, headers: w.headers, text: await w.text() }, n: { status: n.status, headers: n.headers, text: await n.text() } };
  };

  const service = orukId('service', OFFERS[0]!.id);
  const weekend = orukId('taxonomy_term', 'time_slots:weekend');
  const tiers = orukId('taxonomy', 'access_tiers');
  const paths = [
    `${BASE}/`,
    BASE,
    `${BASE}/services`,
    `${BASE}/services?per_page=2&page=2`,
    `${BASE}/services?per_page=2&page=3`,
    `${BASE}/services?search=overnight%20willow`,
    `${BASE}/services?taxonomy_term_id=${weekend}&minimum_age=5`,
    `${BASE}/services?taxonomy_id=${tiers}&maximum_age=18&modified_after=2026-01-01`,
    `${BASE}/services/${service}`,
    ...OFFERS.slice(1).map((o) => `${BASE}/services/${orukId('service', o.id)}`),
    `${BASE}/taxonomies`,
    `${BASE}/taxonomies/${tiers}`,
    `${BASE}/taxonomy_terms?per_page=7&page=2`,
    `${BASE}/taxonomy_terms/${weekend}`,
    `${BASE}/services?per_page=0`,
    `${BASE}/services?day=Monday`,
    `${BASE}/services/${orukId('service', 'nobody')}`,
  ];

  it.each(paths)('GET %s: the same status, bytes and ETag, open to every origin', async (path) => {
    const { w, n } = await both(path);
    expect(w.status).toBe(n.status);
    expect(w.text).toBe(n.text);
    expect(w.headers.get('access-control-allow-origin')).toBe('*');
    expect(n.headers.get('access-control-allow-origin')).toBe('*');
    if (n.status === 200) expect(w.headers.get('etag')).toBe(n.headers.get('etag'));
  });

  it('answers what the schemas allow on the Worker too', async () => {
    const list = JSON.parse((await both(`${BASE}/services?per_page=3`)).w.text);
    expect(pageProblems('service.json', list, true)).toEqual([]);
    expect(list.total_items).toBe(OFFERS.length);
    for (const o of OFFERS) expect(problemsOf('service.json', JSON.parse((await both(`${BASE}/services/${orukId('service', o.id)}`)).w.text)), o.id).toEqual([]);
    expect(problemsOf('root', JSON.parse((await both(`${BASE}/`)).w.text))).toEqual([]);
  });

  it('answers a CORS preflight for reads', async () => {
    const { w, n } = await both(`${BASE}/services`, { method: 'OPTIONS' });
    expect([w.status, n.status]).toEqual([204, 204]);
    expect(w.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });
});
