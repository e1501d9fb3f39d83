// End to end: crawling the synthetic Placecube-style ORUK v1 feed over loopback with the oruk_v1 adapter and storing its offers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import { orukV1Adapter } from '../../scrapers/adapters/oruk-v1.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';

const DIR = join(import.meta.dirname, '../fixtures/oruk/synthetic-placecube');
const json = (file: string) => ({ kind: 'static' as const, body: readFileSync(join(DIR, file)), headers: { 'content-type': 'application/json;charset=UTF-8' } });

describe('crawling an ORUK v1 feed', () => {
  let h: Harness;
  let result: Awaited<ReturnType<Harness['scrape']>>;
  let offers: Offer[];

  beforeAll(async () => {
    h = await startHarness();
    h.server.routes({
      '/services?page=1': json('services-page-1.json'),
      '/services?page=2': json('services-page-2.json'),
      '/services/40101': json('service-40101.json'),
      '/services/40102': json('service-40102.json'),
      '/services/40103': json('service-40103.json'),
      // 40104 has no detail (404) and 40105's detail is a maintenance page: their list records must survive
      '/services/40105': { kind: 'static', body: '<html><body>Down for maintenance</body></html>' },
    });
    result = await h.scrape([], {
      adapters: createAdapterRegistry([orukV1Adapter]),
      urls: [{ url: `${h.server.url}/services?page=1`, councilCode: COUNCIL, adapter: 'oruk_v1' }],
    });
    offers = await h.store.offersOf(COUNCIL);
  });
  afterAll(() => h.close());

  const offer = (id: string) => offers.find((o) => o.id === `oruk_v1:e10000017:${id}`)!;

  it('follows both list pages and every detail link, once each', () => {
    expect(result.status).toBe('completed');
    for (const path of ['/services?page=1', '/services?page=2', '/services/40101', '/services/40102', '/services/40103', '/services/40104', '/services/40105'])
      expect(h.server.hits(path), path).toBe(1);
    expect(result.pages).toBe(7);
  });

  it('stores one offer per service, the detail version where the detail page parsed', () => {
    expect(offers.map((o) => o.id).sort()).toEqual(['40101', '40102', '40103', '40104', '40105'].map((id) => `oruk_v1:e10000017:${id}`));
    const club = offer('40101');
    expect(club).toMatchObject({
      name: 'Saturday Club for disabled children',
      provider: 'Exampleshire Play Association (synthetic)',
      age_min: 5,
      age_max: 18,
      schedule: 'Saturday 10:00-15:00',
      postcode: 'ZX1 1AB',
      districts: ['Exampleton'],
      cost: { status: 'charged', charges: [{ amount_gbp: 10, per: 'session', note: 'Saturday session' }] },
      source_terms: ['Short breaks for disabled children', 'Play and leisure', 'Disabled People'],
      origin: 'scraped',
      retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      confidence: 0.8,
    });
    expect(club.source.url).toBe(`${h.server.url}/services/40101`);
    expect(club.description).toContain('Sessions cost £10 a session');
    expect(offer('40102').schedule).toMatch(/^Monday 09:30-15:30; Wednesday 09:30-15:30; Tuesday, Thursday 09:30-12:30/);
    expect(offer('40103').age_note).toBe('published ages 0 to 30');
  });

  it('keeps the list records of services whose detail failed', () => {
    expect(offer('40104')).toMatchObject({ name: 'Friday youth club for young people with SEND', confidence: 0.6 });
    expect(offer('40104').source.url).toBe(`${h.server.url}/services?page=2`);
    expect(offer('40105').name).toBe('(untitled)');
  });

  it('reports the detail page that is not JSON as a layout change', () => {
    expect(result.sources).toHaveLength(1);
    // 5 list records + 3 detail records (the details replace their list records in the store)
    expect(result.sources[0]).toMatchObject({ adapter: 'oruk_v1', status: 'layout_changed', pages: 7, records: 8 });
    expect(result.sources[0]!.reason).toMatch(/1 page\(s\) no longer match the oruk_v1 adapter/);
  });
});
