// Crawls the synthetic Exampleshire kb5 site over the loopback fixture server with the kb5 adapter: both listing
// pages, every service once, service records replacing listing records, and the redesigned page reported.
import { offerId } from '../../scrapers/adapters/offer-builder.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kb5Adapter } from '../../scrapers/adapters/kb5.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';
import { COUNCIL_CODE, LISTING, REDESIGNED_ID, SERVICES, kb5Routes, servicePath } from '../fixtures/sites/kb5/site.js';
import { startHarness, type Harness } from '../support/crawl-harness.js';

describe('crawling the synthetic kb5 site', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.server.routes(kb5Routes());
  });
  afterEach(() => h.close());

  it('follows both listing pages to every service, and each service page replaces its listing record', async () => {
    const entry = h.server.url + LISTING.sr0;
    const r = await h.scrape([], { urls: [{ url: entry, councilCode: COUNCIL_CODE, adapter: 'kb5' }], adapters: createAdapterRegistry([kb5Adapter]) });
    expect(r.status).toBe('completed');
    // 2 listing pages + 13 services (5 kb5 pages, 1 redesigned, 7 withdrawn: 404).
    expect(r.pages).toBe(15);
    expect(h.server.hits(LISTING.sr10)).toBe(1);
    for (const id of Object.values(SERVICES)) expect(h.server.hits(servicePath(id))).toBe(1);
    // The redesigned page is reported as a layout change for the source.
    expect(r.sources[0]).toMatchObject({ status: 'layout_changed', reason: '1 page(s) no longer match the kb5 adapter', pages: 15 });

    const offers = await h.store.offersOf(COUNCIL_CODE);
    expect(offers).toHaveLength(13);
    expect(new Set(offers.map((o) => o.id)).size).toBe(13);
    const byId = new Map(offers.map((o) => [o.id, o]));
    for (const id of Object.values(SERVICES)) {
      const o = byId.get(offerId('kb5', 'E10000017', id))!;
      expect(o.source.url).toBe(h.server.url + servicePath(id));
      expect(o.confidence).toBe(0.8);
    }
    const sat = byId.get(offerId('kb5', 'E10000017', 'Ex4mPleSat1'))!;
    expect(sat).toMatchObject({ name: 'Sparkle Saturday Club', age_min: 8, age_max: 18, schedule: 'Term time only; Saturday 10:00-15:00' });
    expect(sat.cost).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] });
    // Services whose page is gone (or no longer readable) keep their listing record.
    const listed = offers.filter((o) => o.confidence === 0.6);
    expect(listed).toHaveLength(8);
    expect(byId.get(offerId('kb5', 'E10000017', REDESIGNED_ID))!.source.url).toBe(h.server.url + LISTING.sr10);
    expect(listed.every((o) => o.source.url.includes('results.page?localofferchannel=2_8&sr='))).toBe(true);
    expect(offers.every((o) => o.origin === 'scraped' && o.source.platform === 'idox_kb5')).toBe(true);
  });
});
