// The change feed (/api/changes as JSON, CSV and Atom): every offer that appeared, changed or disappeared, filtered by
// council, date and kind, dated by when its page was read, the same on Node and on the Worker over D1.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { migrate } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import { EXAMPLESHIRE, syntheticBundle, syntheticOffer, taxonomy } from '../support/synthetic-reference.js';
import { workerAndNode } from '../support/worker-and-node.js';

const HOSTILE = 'Splash & <b>Dash</b> ]]> club\u0001 (synthetic)';

/** Two offers read in January; in November one is dearer and the other is gone (as a scrape would note it). */
async function load(store: Store) {
  await migrate(store.driver, loadMigrations());
  await store.loadReference(syntheticBundle(), taxonomy);
  const club = syntheticOffer({ retrieved: '2026-01-10', published: '2025-04' });
  const dash = syntheticOffer({ id: 'exampleshire-dash', name: HOSTILE, type: 'holiday_play_scheme', retrieved: '2026-01-12', published: null });
  await store.importRecords([club, dash], { files: ['a'] }, new Date('2026-12-01T09:00:00Z'));
  await store.classification.recordVersions('all', null, new Date('2026-12-01T09:00:00Z'));
  const dearer = syntheticOffer({ retrieved: '2026-11-22', published: '2026-09-01', cost: { status: 'charged', charges: [{ amount_gbp: 3, per: 'hour' }] } });
  await store.importRecords([dearer], { files: ['b'] }, new Date('2026-12-03T09:00:00Z'));
  await store.classification.recordVersions('all', null, new Date('2026-12-03T09:00:00Z'));
  await store.driver.run(
    `INSERT INTO offer_versions (offer_id, version, council_code, run_id, recorded_at, change, content_hash, content, retrieved, published)
     SELECT offer_id, version + 1, council_code, NULL, '2026-12-03T10:00:00.000Z', 'disappeared', content_hash, content, '2026-11-23', NULL FROM offer_versions WHERE offer_id = 'exampleshire-dash'`,
    [],
  );
  await store.setMeta({ built_at: '2026-12-03T12:00:00.000Z', data_fingerprint: 'synthetic' });
}

interface Entry {
  id: string;
  offer: string;
  change: string;
  read: string;
  published: string | null;
  recorded_at: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

describe('the change feed', () => {
  const s = workerAndNode('sbb-changes-', load);
  const get = async (path: string) => {
    const res = await fetch(s.node.url + path);
    return { status: res.status, body: (await res.json()) as { data: Entry[]; meta: Record<string, unknown>; error?: string } };
  };

  it('lists what appeared, changed and disappeared, newest first, dated by when each page was read', async () => {
    const { status, body } = await get(`/api/changes?council=${EXAMPLESHIRE}`);
    expect(status).toBe(200);
    expect(body.data.map((e) => [e.offer, e.change, e.read])).toEqual([
      [HOSTILE, 'disappeared', '2026-11-23'],
      ['Saturday Splash Club (synthetic)', 'changed', '2026-11-22'],
      [HOSTILE, 'appeared', '2026-01-12'],
      ['Saturday Splash Club (synthetic)', 'appeared', '2026-01-10'],
    ]);
    const changed = body.data[1]!;
    expect(changed).toMatchObject({ id: 'exampleshire-saturday-club@2', published: '2026-09-01' });
    expect(changed.changes).toEqual([{ field: 'charges', before: [{ amount_gbp: 2, per: 'hour' }], after: [{ amount_gbp: 3, per: 'hour' }] }]);
    // The build that noted a change on 1 December is no date of the offer.
    expect(body.data[3]!.recorded_at.slice(0, 10)).toBe('2026-12-01');
  });

  it('filters by kind, by read date and by offer type, and pages through a cursor', async () => {
    expect((await get('/api/changes?type=changed,disappeared')).body.data.map((e) => e.change)).toEqual(['disappeared', 'changed']);
    expect((await get('/api/changes?since=2026-11-01')).body.data).toHaveLength(2);
    expect((await get('/api/changes?offer_type=holiday_play_scheme')).body.data.map((e) => e.change)).toEqual(['disappeared', 'appeared']);
    const first = await get('/api/changes?_size=3');
    expect(first.body.meta).toMatchObject({ total: 4, next_url: expect.stringContaining('_next=') });
    const rest = await get(first.body.meta.next_url as string);
    expect([...first.body.data, ...rest.body.data].map((e) => e.id)).toEqual((await get('/api/changes?_size=max')).body.data.map((e) => e.id));
  });

  it('names what is wrong with a bad filter, and a council it does not know', async () => {
    const kind = await get('/api/changes?type=moved');
    expect(kind.status).toBe(400);
    expect(kind.body.error).toContain('"type"');
    expect((await get('/api/changes?since=last-week')).status).toBe(400);
    expect((await get('/api/changes?council=Nowhereshire')).status).toBe(404);
  });

  it('gives flat CSV cells: the fields that changed in words, never JSON', async () => {
    const csv = await (await fetch(`${s.node.url}/api/changes.csv?type=changed`)).text();
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toContain('change,read,published');
    expect(row).toContain('charges: £2 per hour -> £3 per hour');
    expect(row).not.toContain('{');
  });

  it('is an Atom feed a reader can take: well formed, hostile names escaped, entries dated by the read', async () => {
    const res = await fetch(`${s.node.url}/api/changes.atom?council=${EXAMPLESHIRE}&_size=3`);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\u0001');
    const $ = cheerio.load(xml, { xml: true });
    expect($('feed > updated').text()).toBe('2026-11-23T00:00:00Z');
    expect($('entry')).toHaveLength(3);
    expect($('entry > title').first().text()).toBe('Exampleshire: Splash & <b>Dash</b> ]]> club (synthetic) disappeared');
    expect($('entry').eq(1).find('updated').text()).toBe('2026-11-22T00:00:00Z');
    expect($('entry').eq(1).find('published').text()).toBe('2026-09-01T00:00:00Z');
    expect($('entry').eq(1).find('summary').text()).toContain('charges: £2 per hour -> £3 per hour');
    expect($('feed > link[rel="next"]').attr('href')).toContain('_next=');
  });

  it('answers the same on the Worker over D1', async () => {
    for (const path of [`/api/changes?council=${EXAMPLESHIRE}`, '/api/changes.csv', '/api/changes?_size=max&type=changed', '/api/changes.atom']) {
      const w = await (await s.mf.dispatchFetch(`http://worker.test${path}`)).text();
      const n = await (await fetch(s.node.url + path)).text();
      expect(w.replaceAll('http://worker.test', 'ORIGIN')).toBe(n.replaceAll(s.node.url, 'ORIGIN'));
    }
  });
});
