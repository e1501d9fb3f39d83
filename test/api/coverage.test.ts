// GET /api/coverage on a real server over the database built from data/: England's totals first, every council
// with its entry points, records, offers, evidence coverage (the scoring engine's, as /api/scores gives it), newest
// dates and rank; as CSV with England's row first; with an ETag and 304; listed once in the catalogue.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/http/route-catalog.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb({ readonly: true });
const get = (path: string, init?: RequestInit) => fetch(served.url + path, init);
const json = async (path: string) => (await (await get(path)).json()) as { ok: boolean; data: any; meta: Record<string, any> };

describe('GET /api/coverage', () => {
  it("gives England's totals and then all 153 councils, in the success envelope", async () => {
    const body = await json('/api/coverage');
    expect(body.ok).toBe(true);
    expect(body.meta).toMatchObject({ count: 153, group: 'sn2025' });
    const { england, councils } = body.data;
    expect(councils).toHaveLength(153);
    expect(england.councils).toBe(153);
    const count = (f: (c: any) => boolean) => councils.filter(f).length;
    expect(england.with_entry_point).toBe(count((c) => c.entry_points.total > 0));
    expect(england.with_record).toBe(count((c) => c.records > 0));
    expect(england.with_three_offers).toBe(count((c) => c.offers >= 3));
    expect(england.rankable).toBe(count((c) => c.rankable));
    expect(england.offers).toBe(councils.reduce((a: number, c: any) => a + c.offers, 0));
    expect(england.records).toBe(england.offers + england.facts);
    expect(england.with_record).toBeGreaterThan(20);
  });

  it('agrees with the store and the scoring engine: offers as /api/offers counts them, coverage and rank as /api/scores gives them', async () => {
    const [coverage, scores, offers, lancashireOffers] = await Promise.all([json('/api/coverage'), json('/api/scores'), json('/api/offers?_size=1'), json('/api/offers?council=E10000017&_size=1')]);
    const byCode = new Map<string, any>(scores.data.scores.map((s: any) => [s.code, s]));
    for (const c of coverage.data.councils) {
      const s = byCode.get(c.code);
      expect(c.evidence_coverage, c.name).toBe(s.coverage);
      expect(c.rank, c.name).toBe(s.rank);
      expect(c.rankable, c.name).toBe(s.rank !== null);
    }
    expect(coverage.data.england.offers).toBe(offers.meta.total);
    const lancashire = coverage.data.councils.find((c: any) => c.code === 'E10000017');
    expect(lancashire.offers).toBe(lancashireOffers.meta.total);
  });

  it('shows a council with nothing found as zero counts and no dates', async () => {
    const { councils } = (await json('/api/coverage')).data;
    const empty = councils.find((c: any) => c.records === 0);
    expect(empty).toMatchObject({ records: 0, offers: 0, facts: 0, newest_published: null, newest_retrieved: null, rankable: false });
    const withRecords = councils.find((c: any) => c.records > 0);
    expect(withRecords.newest_retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("comes as CSV with England's row first", async () => {
    const res = await get('/api/coverage.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(154);
    expect(rows[0]).toMatchObject({ code: 'E92000001', name: 'England', councils: '153' });
    const sum = (col: string) => rows.slice(1).reduce((a, r) => a + Number(r[col]), 0);
    for (const col of ['with_entry_point', 'with_record', 'with_three_offers', 'rankable', 'records', 'offers']) expect(Number(rows[0]![col]), col).toBe(sum(col));
    const json200 = await json('/api/coverage.json');
    expect(json200.data.england.rankable).toBe(Number(rows[0]!.rankable));
  });

  it('carries an ETag and answers a matching If-None-Match with 304', async () => {
    const first = await get('/api/coverage');
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    const again = await get('/api/coverage', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('is registered once, with JSON and CSV, so the catalogue and OpenAPI list it', async () => {
    expect(ROUTES.filter((r) => r.path === '/api/coverage')).toEqual([expect.objectContaining({ method: 'GET', formats: ['json', 'csv'], example: '/api/coverage' })]);
    const doc = await json('/api/openapi.json');
    expect(Object.keys((doc as any).paths)).toContain('/api/coverage');
  });
});
