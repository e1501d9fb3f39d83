// The national offer as an Open Referral UK 3.0 feed, on a real server over the database built from data/: every
// response validates against the official schemas (data/oruk-v3/), lists page as the standard says, the standard's
// filters find what the API finds, bad parameters are 400s naming them, and every service says where it came from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orukV3Adapter } from '../../scrapers/adapters/oruk-v3.js';
import type { Offer } from '../../src/domain/index.js';
import { FEED_ROUTES } from '../../src/http/route-catalog.js';
import { orukId } from '../../src/services/oruk-v3-ids.js';
import { pageProblems, problemsOf } from '../support/oruk-v3-schemas.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb();
const BASE = '/openreferral/v3';
const get = (path: string, init?: RequestInit) => fetch(served.url + path, init);
const json = async (path: string) => {
  const res = await get(path);
  return { res, body: (await res.json()) as any };
};
/** Every item of a list, page by page. */
async function all(path: string, perPage: number): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const { body } = await json(`${path}${path.includes('?') ? '&' : '?'}per_page=${perPage}&page=${page}`);
    items.push(...body.contents);
    if (body.last_page) return items;
  }
}
const apiOffers = async (query = '') => ((await json(`/api/offers?_size=max${query}`)).body.data as Array<Record<string, any>>);

describe('the Open Referral UK 3.0 feed over the shipped data', () => {
  it('answers the root the standard requires, open to every origin', async () => {
    for (const path of [`${BASE}/`, BASE]) {
      const { res, body } = await json(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(body).toEqual({ version: 'HSDS-UK-3.0', profile: expect.stringMatching(/^https:\/\//), openapi_url: expect.stringMatching(/^https:\/\//) });
      expect(problemsOf('root', body)).toEqual([]);
    }
  });

  it('pages the services in the standard envelope: first, middle and last pages validate, and together hold every current offer once', async () => {
    const offers = await apiOffers();
    expect(offers.length).toBeGreaterThan(400);
    const first = (await json(`${BASE}/services?per_page=50`)).body;
    const pages = Math.ceil(offers.length / 50);
    expect(first).toMatchObject({ total_items: offers.length, total_pages: pages, page_number: 1, size: 50, first_page: true, last_page: false, empty: false });
    const middle = (await json(`${BASE}/services?per_page=50&page=${Math.ceil(pages / 2)}`)).body;
    const last = (await json(`${BASE}/services?per_page=50&page=${pages}`)).body;
    expect(last).toMatchObject({ page_number: pages, first_page: false, last_page: true, size: offers.length - 50 * (pages - 1) });
    for (const page of [first, middle, last]) expect(pageProblems('service.json', page, true)).toEqual([]);
    const services = await all(`${BASE}/services`, 50);
    expect(services.map((s) => s.id).sort()).toEqual(offers.map((o) => orukId('service', o.id)).sort());
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    // Past the last page: an empty page, not an error.
    expect((await json(`${BASE}/services?per_page=50&page=${pages + 1}`)).body).toMatchObject({ empty: true, size: 0, contents: [], last_page: true });
  });

  it('serves every service of the database fully nested, and each validates, with its source, ages, costs and terms', async () => {
    const offers = new Map((await apiOffers()).map((o) => [orukId('service', o.id), o]));
    const problems: string[] = [];
    for (const [id, offer] of offers) {
      const { res, body } = await json(`${BASE}/services/${id}`);
      expect(res.status, id).toBe(200);
      problems.push(...problemsOf('service.json', body).map((p) => `${id}${p}`));
      // Every fact keeps its provenance: the page it was read from, when it was read, the words quoted.
      expect(body.url, id).toBe(new URL(offer.source_url).href);
      expect(body.description, id).toContain(`read ${offer.retrieved}`);
      expect(body.description, id).toContain(`Evidence: "${offer.evidence_quote}"`);
      expect([body.minimum_age, body.maximum_age], id).toEqual([offer.age_min ?? undefined, offer.age_max ?? undefined]);
      expect(body.service_areas, id).toEqual([expect.objectContaining({ name: offer.council_name, uri: `http://statistics.data.gov.uk/id/statistical-geography/${offer.council_code}` })]);
      expect(body.organization.name, id).toBe(offer.provider ?? offer.council_name);
      const amounts = (body.cost_options ?? []).filter((c: any) => c.amount !== undefined).map((c: any) => c.amount);
      expect(amounts, id).toEqual(offer.charges.length ? offer.charges.map((c: any) => c.amount_gbp) : offer.cost_status === 'free' ? [0] : []);
      const terms = (body.attributes ?? []).map((a: any) => a.taxonomy_term.term);
      expect(terms, id).toEqual([offer.type, ...offer.statutory_categories, ...offer.time_slots, offer.access_tier, ...offer.gates].filter(Boolean));
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('reads back through our own oruk_v3 adapter into the same offers: every name, age range, charge and classification', async () => {
    const offers = await apiOffers();
    const wordsOnly: string[] = [];
    for (const o of offers) {
      const url = `${served.url}${BASE}/services/${orukId('service', o.id)}`;
      const text = await (await get(`${BASE}/services/${orukId('service', o.id)}`)).text();
      const source = { id: 'feed', url: `${served.url}${BASE}/`, council_code: o.council_code, kind: 'oruk_feed', platform: 'oruk_v3', entry_point: true } as const;
      const out = await orukV3Adapter.parse({ url, finalUrl: url, status: 200, contentType: 'application/json', text, bytes: new TextEncoder().encode(text), label: 'detail', source: source as never, retrieved: '2026-12-05' });
      expect(out.problems, o.name).toEqual([]);
      const b = out.records[0] as Offer;
      expect([b.name, b.age_min ?? null, b.age_max ?? null], o.id).toEqual([o.name, o.age_min, o.age_max]);
      expect([b.type, b.access_tier, b.statutory_categories, b.time_slots, b.gates], o.id).toEqual([o.type, o.access_tier, o.statutory_categories, o.time_slots, o.gates]);
      expect(b.contact?.url, o.id).toBe(new URL(o.source_url).href);
      expect([b.cost.status, b.cost.charges], o.id).toEqual([o.cost_status, o.charges]);
      if (o.cost_status === 'charged' && !o.charges.length) wordsOnly.push(o.id);
    }
    // A charge of unstated amount has no field in ORUK 3.0: the feed says so in words any reader (and our adapter)
    // takes as a charge, so those come back charged too (8 of the shipped offers).
    expect(wordsOnly.length).toBeGreaterThan(0);
  }, 60_000);

  it('publishes the taxonomy as taxonomies and terms that validate, each term reachable by its id', async () => {
    const taxonomies = (await json(`${BASE}/taxonomies`)).body;
    expect(pageProblems('taxonomy.json', taxonomies)).toEqual([]);
    expect(taxonomies.contents.map((t: any) => t.name)).toEqual(['Short break offer types', 'Statutory range of short breaks', 'Short break time slots', 'Short break access tiers', 'Short break eligibility gates']);
    const terms = await all(`${BASE}/taxonomy_terms`, 10);
    expect(pageProblems('taxonomy_term.json', (await json(`${BASE}/taxonomy_terms?per_page=10&page=2`)).body)).toEqual([]);
    for (const t of taxonomies.contents) {
      const one = (await json(`${BASE}/taxonomies/${t.id}`)).body;
      expect(problemsOf('taxonomy.json', one)).toEqual([]);
      expect(one.taxonomy_terms.map((x: any) => x.id)).toEqual(terms.filter((x) => x.taxonomy_id === t.id).map((x) => x.id));
      expect((await json(`${BASE}/taxonomy_terms?taxonomy_id=${t.id}&per_page=1000`)).body.contents).toEqual(one.taxonomy_terms);
    }
    for (const term of terms) {
      const { body } = await json(`${BASE}/taxonomy_terms/${term.id}`);
      expect(problemsOf('taxonomy_term.json', body)).toEqual([]);
      expect(body).toEqual(term);
      expect(term.term_uri).toMatch(/^urn:short-breaks-benchmark:taxonomy:[a-z_]+:[a-z_]+$/);
    }
    expect(terms.find((t) => t.term === 'overnight_care')).toMatchObject({ name: "Overnight care in the child's home or elsewhere", description: expect.stringContaining('SI 2011/707 reg. 4(1)(b)') });
  });

  it('filters by taxonomy term and taxonomy as the API filters by type and time slot', async () => {
    const terms = await all(`${BASE}/taxonomy_terms`, 1000);
    const termId = (term: string) => terms.find((t) => t.term === term).id;
    const ids = (offers: Array<Record<string, any>>) => offers.map((o) => orukId('service', o.id)).sort();
    for (const [term, query] of [['direct_payment', '&type=direct_payment'], ['overnight', '&time_slot=overnight'], ['universal', '&tier=universal'], ['ehc_plan', '&gate=ehc_plan']] as const) {
      const found = await all(`${BASE}/services?taxonomy_term_id=${termId(term)}`, 100);
      expect(found.length, term).toBeGreaterThan(0);
      expect(found.map((s) => s.id).sort(), term).toEqual(ids(await apiOffers(query)));
    }
    const tiers = terms.find((t) => t.term === 'universal').taxonomy_id;
    const tiered = await all(`${BASE}/services?taxonomy_id=${tiers}`, 1000);
    expect(tiered.map((s) => s.id).sort()).toEqual(ids((await apiOffers()).filter((o) => o.access_tier !== null)));
  });

  it('filters by ages as the standard words it, by search words and by modified_after', async () => {
    const offers = await apiOffers();
    const ids = (keep: (o: Record<string, any>) => boolean) => offers.filter(keep).map((o) => orukId('service', o.id)).sort();
    const found = async (query: string) => (await all(`${BASE}/services?${query}`, 1000)).map((s) => s.id).sort();
    expect(await found('minimum_age=11')).toEqual(ids((o) => o.age_min !== null && o.age_min >= 11));
    expect(await found('maximum_age=18')).toEqual(ids((o) => o.age_max !== null && o.age_max <= 18));
    expect(await found('minimum_age=5&maximum_age=17')).toEqual(ids((o) => o.age_min !== null && o.age_min >= 5 && o.age_max !== null && o.age_max <= 17));
    const swim = await all(`${BASE}/services?search=swim`, 1000);
    expect(swim.length).toBeGreaterThan(0);
    for (const s of swim) expect(`${s.name} ${s.description}`.toLowerCase()).toContain('swim');
    expect(await found('search=Swimming%20Doncaster')).toEqual((await all(`${BASE}/services?search=doncaster%20swim`, 1000)).map((s) => s.id).sort());
    const latest = offers.map((o) => o.retrieved as string).sort().at(-1)!;
    const recent = await all(`${BASE}/services?modified_after=${latest}`, 1000);
    expect(recent.length).toBeGreaterThan(0);
    for (const s of recent) expect(s.last_modified >= `${latest}T00:00:00.000Z`).toBe(true);
    expect((await json(`${BASE}/services?modified_after=2999-01-01T00:00:00Z`)).body).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it.each([
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['per_page=5000', 'per_page'],
    ['taxonomy_term_id=weekend', 'taxonomy_term_id'],
    [`taxonomy_term_id=${orukId('taxonomy_term', 'types:knitting')}`, 'taxonomy_term_id'],
    [`taxonomy_id=${orukId('taxonomy', 'colours')}`, 'taxonomy_id'],
    ['minimum_age=five', 'minimum_age'],
    ['maximum_age=-1', 'maximum_age'],
    ['modified_after=yesterday', 'modified_after'],
    ['modified_after=2026-02-30', 'modified_after'],
    ['search=', 'search'],
    ['colour=blue', 'colour'],
    ['day=Monday', 'day'],
    ['start_time=09:00', 'start_time'],
    ['page=1&page=2', 'page'],
  ])('refuses services?%s with a 400 naming %s', async (query, field) => {
    const { res, body } = await json(`${BASE}/services?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toMatchObject({ ok: false, status: 400 });
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    if (field === 'day') expect(body.error).toMatch(/not supported by this feed: offers hold time slots/);
  });

  it('never fails on hostile values of its parameters or ids: 200 or a 400/404 in the error envelope', async () => {
    const values = ['', ' ', "' OR 1=1 --", '%ZZ', '%00', '<script>alert(1)</script>', '😀'.repeat(50), 'x'.repeat(3000), '9'.repeat(400), '-1', '1e309', 'NaN', '0x10', '2026-13-45', '2026-01-01T25:00:00Z', orukId('service', 'x').toUpperCase()];
    const names = ['search', 'page', 'per_page', 'taxonomy_term_id', 'taxonomy_id', 'minimum_age', 'maximum_age', 'modified_after', '__proto__', 'constructor'];
    for (const name of names)
      for (const value of values)
        for (const path of ['services', 'taxonomy_terms']) {
          const res = await get(`${BASE}/${path}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
          expect([200, 400], `${path} ${name}=${value}`).toContain(res.status);
          const body = (await res.json()) as Record<string, unknown>;
          if (res.status === 400) expect(Object.keys(body).sort()).toEqual(['error', 'errors', 'ok', 'status']);
          else expect(path === 'services' ? pageProblems('service.json', body, true) : pageProblems('taxonomy_term.json', body), `${path} ${name}=${value}`).toEqual([]);
        }
    for (const value of values.filter(Boolean).map(encodeURIComponent)) {
      for (const path of ['services', 'taxonomies', 'taxonomy_terms']) expect([200, 404], `${path}/${value}`).toContain((await get(`${BASE}/${path}/${value}`)).status);
    }
  }, 60_000);

  it('answers 404 for an id the feed does not have, and 400 for parameters on the other routes', async () => {
    const nobody = orukId('service', 'nobody');
    for (const path of [`services/${nobody}`, 'services/not-a-uuid', `taxonomies/${nobody}`, `taxonomy_terms/${nobody}`]) {
      const { res, body } = await json(`${BASE}/${path}`);
      expect(res.status, path).toBe(404);
      expect(body).toMatchObject({ ok: false, status: 404 });
    }
    for (const path of ['taxonomies?per_page=0', 'taxonomy_terms?taxonomy_id=x', `services/${nobody}?full=true`, '?colour=blue'])
      expect((await get(`${BASE}/${path}`)).status, path).toBe(400);
  });

  it('sends ETags and answers 304 to a matching If-None-Match', async () => {
    const res = await get(`${BASE}/services?per_page=5`);
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get(`${BASE}/services?per_page=5`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('is in the OpenAPI document and in the README API table, every route', async () => {
    const doc = (await json('/api/openapi.json')).body as { paths: Record<string, { get?: { tags: string[] } }> };
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('| route | returns |'));
    expect(FEED_ROUTES.length).toBe(8);
    for (const r of FEED_ROUTES) {
      expect(doc.paths[r.path]?.get?.tags, r.path).toEqual(['openreferral']);
      expect(table, r.path).toContain(`GET ${r.path.replace(/\/$/, '')}`);
    }
  });
});
