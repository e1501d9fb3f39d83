// End to end: the Synergy and PCG adapters crawl their synthetic fixture sites over loopback and store offers, with
// the platform taken from the entry URL; Synergy's search results come through the ASP.NET postbacks a browser makes
// (test/crawl/synergy-postback.test.ts has the postbacks' own cases).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedAdapters } from '../../scrapers/adapters/all.js';
import type { PageEvent } from '../../scrapers/crawl/crawler.js';
import type { Behaviour } from '../support/fixture-server.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';
import { SEARCHES, synergySite } from '../support/synergy-site.js';

const TYPES: Record<string, string> = { '.txt': 'text/plain; charset=utf-8', '.json': 'application/json; charset=utf-8', '.html': 'text/html; charset=utf-8' };

/** A fixture site's routes (routes.json: request path and query -> file), served with the type its extension says. */
function fixtureSite(name: string): Record<string, Behaviour> {
  const dir = new URL(`../fixtures/sites/${name}/`, import.meta.url);
  const routes = JSON.parse(readFileSync(new URL('routes.json', dir), 'utf8')) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(routes).map(([path, file]) => [path, { kind: 'static', body: readFileSync(new URL(file, dir)), headers: { 'content-type': TYPES[/\.\w+$/.exec(file)![0]]! } }]),
  );
}

describe('Synergy and PCG sites end to end', () => {
  let h: Harness;
  let events: PageEvent[];
  beforeEach(async () => {
    h = await startHarness();
    events = [];
  });
  afterEach(() => h.close());
  const eventAt = (path: string) => events.find((e) => e.item.url === h.server.url + path);

  it('Synergy: Local Offer pages, both searches (by postback) and provider details become offers', async () => {
    h.server.routes(synergySite());
    const entry = '/Synergy/Local_Offer/ShortBreaks.aspx';
    const search = '/Synergy/SynergyWeb/Enquiries/Search.aspx';
    const r = await h.scrape([], { urls: [{ url: h.server.url + entry, councilCode: COUNCIL }], adapters: shippedAdapters(), onPage: (e) => events.push(e) });
    expect(r.status).toBe('completed');
    expect(r.sources[0]).toMatchObject({ adapter: 'synergy' });
    // Two information pages, the two searches and every provider's detail by GET (1044's answers 404), never the menu or
    // footer; the search's start and each next result page by POST to the search's own address.
    const providers = [1042, 1043, 1044, ...Object.values(SEARCHES).flatMap((x) => x.pages.flat().map((p) => p.id))];
    expect(h.server.requests.filter((q) => q.path !== '/robots.txt' && q.method === 'GET').map((q) => q.path).sort()).toEqual(
      [entry, '/Synergy/Local_Offer/ShortBreaksTeens.aspx', `${search}?searchID=226`, `${search}?searchID=227&SearchText=short+breaks`, ...providers.map((id) => `${search}?BX=${id}&AY=1`)].sort(),
    );
    expect(h.server.requests.filter((q) => q.method === 'POST').map((q) => q.path).sort()).toEqual(
      [...Array(3).fill(`${search}?searchID=226`), ...Array(2).fill(`${search}?searchID=227&SearchText=short+breaks`)].sort(),
    );
    expect(eventAt(`${search}?searchID=226`)).toMatchObject({ outcome: 'ok', reason: null });
    expect(eventAt(`${search}?searchID=227&SearchText=short+breaks`)).toMatchObject({ outcome: 'ok', reason: null });
    expect(events.filter((e) => e.item.form !== undefined).map((e) => e.outcome)).toEqual(Array(5).fill('ok'));
    expect(eventAt(`${search}?BX=1044&AY=1`)).toMatchObject({ outcome: 'not_found' });

    const offers = await h.store.offersOf(COUNCIL);
    const byId = new Map(offers.map((o) => [o.id, o]));
    // The details replaced their cards' teasers; the card whose detail is missing keeps its teaser.
    expect(byId.get('synergy:e10000017:1042-1')).toMatchObject({
      name: 'Exampleton Holiday Playscheme', confidence: 0.8, age_min: 5, age_max: 17, postcode: 'EX1 4PL',
      cost: { status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }] }, source: { url: `${h.server.url}${search}?BX=1042&AY=1`, platform: 'servelec_synergy' },
    });
    expect(byId.get('synergy:e10000017:1043-1')).toMatchObject({ confidence: 0.8, cost: { status: 'free' } });
    expect(byId.get('synergy:e10000017:1044-1')).toMatchObject({ name: 'Hilltop Sitting Service', confidence: 0.6 });
    expect(byId.get('synergy:e10000017:1048-1')).toMatchObject({ name: 'Castle Climbing Club', confidence: 0.8, age_min: 10, age_max: 18, cost: { charges: [{ amount_gbp: 7, per: 'session' }] } });
    const fromPages = offers.filter((o) => o.source.kind === 'local_offer_page').map((o) => o.name);
    expect(fromPages).toEqual(expect.arrayContaining(['Holiday playscheme', 'Saturday club', 'Youth club for disabled teenagers']));
    expect(offers.find((o) => o.name === 'Youth club for disabled teenagers')).toMatchObject({ age_min: 13, age_max: 19, cost: { charges: [{ amount_gbp: 3, per: 'session' }] } });
  });

  it('PCG: the search API pages and events, and the mylocaloffer pages and records, become offers', async () => {
    h.server.routes(fixtureSite('pcg'));
    const routes = JSON.parse(readFileSync(new URL('../fixtures/sites/pcg/routes.json', import.meta.url), 'utf8')) as Record<string, string>;
    const [page1, page2] = Object.keys(routes).filter((p) => p.includes('get-list')).sort();
    const api = '/api/s4s-advanced-search/directory-search/';
    const pages = '/social-care/children-and-families/short-breaks/';
    const r = await h.scrape([], {
      urls: [{ url: h.server.url + page1, councilCode: COUNCIL }, { url: h.server.url + pages, councilCode: COUNCIL, adapter: 'pcg' }],
      adapters: shippedAdapters(),
      onPage: (e) => events.push(e),
    });
    expect(r.status).toBe('completed');
    expect(r.sources.map((s) => s.adapter)).toEqual(['pcg', 'pcg']);
    expect(h.server.hits(page2!)).toBe(1);
    expect(h.server.hits(page1!)).toBe(1);
    expect(eventAt(`${api}get-event/5003`)).toMatchObject({ outcome: 'not_found' });
    // Never the menu, another section, the footer or the search page.
    expect(h.server.requests.filter((q) => /^\/(education|health|directory|accessibility|cookies)\/|\/services\/5999|archive/.test(q.path))).toEqual([]);
    expect(h.server.hits('/s4s/WhereILive/Council?pageId=4300')).toBe(1);

    const offers = await h.store.offersOf(COUNCIL);
    const byId = new Map(offers.map((o) => [o.id, o]));
    expect(byId.get('pcg:e10000017:5001')).toMatchObject({ name: 'Westmoor Youth Club', confidence: 0.8, cost: { charges: [{ amount_gbp: 2, per: 'session' }] }, source: { url: `${h.server.url}/services/5001` } });
    expect(byId.get('pcg:e10000017:5002')).toMatchObject({ confidence: 0.8, age_min: 4, age_max: 16 });
    expect(byId.get('pcg:e10000017:5003')).toMatchObject({ name: 'Westmoor Family Link', confidence: 0.6 });
    expect(byId.get('pcg:e10000017:5004')).toMatchObject({ name: 'Westmoor Sitting Service', cost: { charges: [{ amount_gbp: 9, per: 'hour' }] } });
    const fromPages = offers.filter((o) => o.source.kind === 'local_offer_page').map((o) => o.name);
    expect(fromPages).toEqual(expect.arrayContaining(['After school club', 'Summer holiday activities', 'Overnight short breaks', 'Youth scheme']));
  });
});
