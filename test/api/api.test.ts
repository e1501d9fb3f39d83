// The HTTP API on a real server on 127.0.0.1 over a database built from data/: envelopes, formats, errors.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import type { Store } from '../../src/store/store.js';
import { builtDb } from '../support/temp-db.js';

describe('HTTP API', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  let server: RunningServer;
  const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const json = async (path: string) => {
    const res = await get(path);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { data: any } };
  };

  beforeAll(async () => {
    db = await builtDb();
    store = await openDatabase(db.path);
    server = await startServer(store, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await store.driver.close();
    db.cleanup();
  });

  it('GET /-/health reports ok with what the store holds', async () => {
    const { status, body, headers } = await json('/-/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { status: 'ok', counts: { councils: 153 } } });
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('GET /-/version gives the app and taxonomy versions', async () => {
    const { body } = await json('/-/version');
    expect(body.data).toMatchObject({ app: '0.1.0', taxonomy_version: expect.stringMatching(/^\d{4}\.\d+\.\d+$/) });
  });

  it('GET /api/councils returns all 153 councils in the success envelope, open to other origins', async () => {
    const { status, body, headers } = await json('/api/councils');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data).toHaveLength(153);
    expect(body.meta).toMatchObject({ count: 153, total: 153, next: null });
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body.data.find((c: { code: string }) => c.code === 'E10000017')).toMatchObject({ name: 'Lancashire', region_name: 'North West' });
    expect((await json('/api/councils.json')).body.data).toHaveLength(153);
  });

  it('GET /api/councils.csv returns the same councils as CSV', async () => {
    const res = await get('/api/councils.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(153);
    expect(Object.keys(rows[0]!)).toEqual(['code', 'la_number', 'name', 'type', 'region_code', 'region_name', 'web_domain', 'ofsted_urn', 'offer_count', 'fact_count']);
    expect(rows.find((r) => r.code === 'E06000019')?.name).toBe('Herefordshire, County of');
  });

  it('GET /api/councils/E10000017 returns Lancashire with its ten 2025 neighbours and curated offers with sources', async () => {
    const { status, body } = await json('/api/councils/E10000017');
    expect(status).toBe(200);
    const d = body.data;
    expect(d.council).toMatchObject({ code: 'E10000017', name: 'Lancashire' });
    expect(d.statistical_neighbours['2025']).toHaveLength(10);
    expect(d.statistical_neighbours['2025'][0]).toMatchObject({ rank: 1, name: 'Lincolnshire', code: 'E10000019' });
    expect(d.offers.length).toBeGreaterThanOrEqual(3);
    for (const o of d.offers) {
      expect(o.source.url).toMatch(/^https:\/\/(www\.)?lancashire\.gov\.uk\//);
      expect(o.evidence_quote).toBeTruthy();
      expect(o.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(d.sources.map((s: { url: string }) => s.url)).toEqual(expect.arrayContaining(d.offers.map((o: { source: { url: string } }) => o.source.url)));
    expect(d.area_send_inspections[0]).toMatchObject({ outcome_code: 3 });
    const plans = d.figures.find((f: { measure: string; period: string }) => f.measure === 'ehc_plans' && f.period === '2025');
    expect(plans).toMatchObject({ label: expect.stringContaining('EHC plans'), england_value: 638745 });
  });

  it('finds a council by LA number and with a .json suffix', async () => {
    expect((await json('/api/councils/888')).body.data.council.code).toBe('E10000017');
    expect((await json('/api/councils/E10000017.json')).body.data.council.code).toBe('E10000017');
  });

  it('finds a council through the one lookup everywhere: previous GSS code, LA number and name', async () => {
    expect((await json('/api/councils/E08000019')).body.data.council.code).toBe('E08000039');
    expect((await json('/api/councils/lancashire')).body.data.council.code).toBe('E10000017');
    const compare = await json('/api/compare/E08000019?samples=0');
    expect(compare.status).toBe(200);
    expect(compare.body.data.council.code).toBe('E08000039');
    expect((await json('/api/compare/County%20Durham?samples=0')).body.data.council.code).toBe('E06000047');
    const byCode = await json('/api/offers?council=E10000017');
    const byName = await json('/api/offers?council=lancashire');
    const meta = (r: { body: Record<string, unknown> }) => r.body.meta as { total: number; filters: Record<string, string> };
    expect(meta(byName).total).toBe(meta(byCode).total);
    expect(meta(byName).total).toBeGreaterThan(0);
    expect(meta(byName).filters).toEqual({ council: 'lancashire' });
  });

  it('offers near misses for a misspelt council', async () => {
    const r = await json('/api/compare/Lancshire');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/did you mean Lancashire, E10000017\?/);
  });

  it('answers an unknown council and an unknown route with the error envelope', async () => {
    const unknown = await json('/api/councils/E10999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ ok: false, status: 404, error: 'no council with code "E10999999"', errors: [expect.objectContaining({ field: 'code' })] });
    const route = await json('/api/nothing-here');
    expect(route).toMatchObject({ status: 404, body: { ok: false, status: 404, errors: [] } });
  });

  it('gives one council as CSV: its row of the councils list', async () => {
    const res = await get('/api/councils/888.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([expect.objectContaining({ code: 'E10000017', la_number: '888', name: 'Lancashire', region_name: 'North West' })]);
  });

  it('survives hostile paths without a 500', async () => {
    for (const path of ["/api/councils/'%20OR%201=1--", '/api/councils/%00', `/api/councils/${'x'.repeat(5000)}`, '/api/councils/%E2%80%AE']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
    }
  });

  it('serves a plain HTML home page listing every council', async () => {
    const res = await get('/');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html.match(/<th scope="row"[^>]*>/g)).toHaveLength(153);
    expect(html).toContain('<a href="/councils/E10000017">Lancashire</a>');
    expect(html).toContain('Herefordshire, County of');
  });
});
