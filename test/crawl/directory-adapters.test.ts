// End to end: the Jadu and LocalGov Drupal adapters crawl their synthetic fixture sites over loopback and store offers.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jaduAdapter } from '../../scrapers/adapters/jadu.js';
import { localgovDrupalAdapter } from '../../scrapers/adapters/localgov-drupal.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';
import type { Behaviour } from '../support/fixture-server.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';

/** A fixture site's routes (routes.json: request path and query -> file), served as they would be. */
function fixtureSite(name: string): Record<string, Behaviour> {
  const dir = new URL(`../fixtures/sites/${name}/`, import.meta.url);
  const routes = JSON.parse(readFileSync(new URL('routes.json', dir), 'utf8')) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(routes).map(([path, file]) => [
      path,
      { kind: 'static', body: readFileSync(new URL(file, dir)), headers: { 'content-type': file.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' } },
    ]),
  );
}

describe('directory adapters end to end', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('LocalGov Drupal: channel, pager and entries become offers; facets are never fetched', async () => {
    h.server.routes(fixtureSite('localgov-drupal'));
    const url = `${h.server.url}/short-breaks-directory`;
    const outcomes = new Map<string, string>();
    const r = await h.scrape([], {
      urls: [{ url, councilCode: COUNCIL, adapter: 'localgov_drupal' }],
      adapters: createAdapterRegistry([localgovDrupalAdapter]),
      onPage: (e) => outcomes.set(e.item.url, e.outcome),
    });
    expect(r.status).toBe('completed');
    // robots.txt, two pager pages and fourteen entries; the entries without a page answer 404.
    expect(h.server.hits('/short-breaks-directory?page=1')).toBe(1);
    expect(h.server.hits('/short-breaks-directory?page=0')).toBe(0);
    expect(h.server.requests.filter((q) => /facets|search_api/.test(decodeURIComponent(q.path)))).toEqual([]);
    expect(h.server.requests.filter((q) => q.path.startsWith('/short-breaks-directory/'))).toHaveLength(14);
    expect(r.sources[0]).toMatchObject({ pages: 16, records: 18 });
    expect(outcomes.get(`${url}/riverside-youth-project`)).toBe('layout_changed');
    expect([...outcomes.values()].filter((o) => o === 'ok')).toHaveLength(6);
    expect([...outcomes.values()].filter((o) => o === 'not_found')).toHaveLength(9);

    const offers = await h.store.offersOf(COUNCIL);
    expect(offers).toHaveLength(14);
    const byName = new Map(offers.map((o) => [o.name, o]));
    const club = byName.get('Samplebury Saturday Club')!;
    expect(club).toMatchObject({
      id: 'localgov_drupal:e10000017:short-breaks-directory-samplebury-saturday-club',
      age_min: 8,
      age_max: 18,
      cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] },
      postcode: 'SB1 4QT',
      schedule: 'Saturdays, 10am to 3pm, during school term time.',
      contact: { email: 'saturdayclub@samplebury.example', phone: '01632 960412' },
      source_terms: ['Clubs and activities', '12 to 18 years', 'Short breaks directory'],
      source: { url: `${url}/samplebury-saturday-club` },
      confidence: 0.8,
    });
    // The four entry pages replaced their teasers; the redesigned page kept its teaser record from the listing.
    const fromEntries = offers.filter((o) => o.confidence === 0.8).map((o) => o.name).sort();
    expect(fromEntries).toEqual(['Bramble Lane sitting service', 'Samplebury Befriending Service', 'Samplebury Saturday Club', 'Summer Splash holiday scheme']);
    expect(byName.get('Riverside Youth Project')).toMatchObject({ confidence: 0.6, source: { url: `${url}?page=1` } });
    expect(byName.get('Bramble Lane sitting service')).toMatchObject({ cost: { status: 'free' }, postcode: 'SB3 9PL' });
  });

  it('Jadu: home, category paging and records become offers; A-Z and footer links are never fetched', async () => {
    h.server.routes(fixtureSite('jadu'));
    const url = `${h.server.url}/directory/12/local-offer-directory`;
    const r = await h.scrape([], { urls: [{ url, councilCode: COUNCIL, adapter: 'jadu' }], adapters: createAdapterRegistry([jaduAdapter]) });
    expect(r.status).toBe('completed');
    expect(h.server.hits('/directory/12/local-offer-directory/category/41/2')).toBe(1);
    expect(h.server.hits('/directory/12/local-offer-directory/category/41')).toBe(1);
    expect(h.server.requests.filter((q) => /a-to-z|\/search|category\/45|\/999\//.test(q.path))).toEqual([]);
    // home, four categories (three answer 404), page 2, four records.
    expect(r.sources[0]).toMatchObject({ pages: 10, records: 4 });

    const offers = await h.store.offersOf(COUNCIL);
    expect(offers.map((o) => o.id).sort()).toEqual(['jadu:e10000017:301', 'jadu:e10000017:302', 'jadu:e10000017:303', 'jadu:e10000017:304']);
    const byId = new Map(offers.map((o) => [o.id, o]));
    expect(byId.get('jadu:e10000017:301')).toMatchObject({
      name: 'Mocktown Inclusive After School Club',
      age_min: 5,
      age_max: 18,
      cost: { status: 'charged', charges: [{ amount_gbp: 5, per: 'session' }], note: '£5 per session' },
      postcode: 'MT2 7LR',
      contact: { phone: '01632 960871', email: 'afterschool@mocktown.example', url: 'https://afterschool.mocktown.example/' },
      source_terms: ['Short breaks', 'After-school clubs'],
      source: { url: `${h.server.url}/directory-record/301/mocktown-inclusive-after-school-club` },
    });
    expect(byId.get('jadu:e10000017:302')).toMatchObject({ cost: { status: 'free' }, age_min: 8, age_max: 17 });
    expect(byId.get('jadu:e10000017:303')?.cost).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }] });
    expect(byId.get('jadu:e10000017:304')).toMatchObject({ age_min: 0, age_max: 25, source: { url: `${h.server.url}/directory_record/304/family-link-sitting-service` } });
  });
});
