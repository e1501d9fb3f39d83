// The round trip: our own Open Referral UK 3.0 feed, served on 127.0.0.1, scraped through the crawler and the
// project's oruk_v3 adapter as any council's feed would be, gives back the same offers: names, ages, charges,
// schedules, providers, the type as the feed's term, and the original source kept as evidence. Invented councils only.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import type { Offer } from '../../src/domain/index.js';
import { classifierInputs } from '../../src/node/classify-offers.js';
import { loadMigrations } from '../../src/node/data-files.js';
import { classifyStoredOffers } from '../../src/services/classify.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';
import { FAST_RETRY } from '../support/crawl-harness.js';
import { EXAMPLESHIRE, SAMPLETOWN, syntheticBundle, syntheticOffer, taxonomy } from '../support/synthetic-reference.js';
import { tempDir } from '../support/temp-db.js';

/** Offers covering what the feed maps: every charge unit, free, unstated costs, one age bound, no provider, allowances. */
export const OFFERS: Offer[] = [
  syntheticOffer(),
  syntheticOffer({
    id: 'exampleshire-summer-scheme', name: 'Summer Sunshine Holiday Scheme (synthetic)', description: 'A holiday play scheme for disabled children in the summer holidays.',
    provider: undefined, type: 'holiday_play_scheme', statutory_categories: ['educational_leisure', 'carer_support_out_of_hours'], time_slots: ['school_holiday'], access_tier: 'universal', tier_label: undefined,
    gates: [], eligibility: undefined, age_min: 8, age_max: 18, age_note: undefined, cost: { status: 'free', charges: [], note: 'No charge to families' }, allowances: [], schedule: 'Weekdays in August', contact: undefined, districts: [], postcode: undefined,
    evidence_quote: 'Summer Sunshine runs on weekdays in August for disabled children aged 8 to 18, free of charge.',
  }),
  syntheticOffer({
    id: 'exampleshire-direct-payments', name: 'Short Breaks Direct Payments (synthetic)', description: 'Money to arrange your own short breaks.', provider: undefined, type: 'direct_payment',
    statutory_categories: [], time_slots: [], access_tier: 'specialist', gates: ['social_care_assessment'], age_min: undefined, age_max: undefined, age_note: undefined,
    cost: { status: 'unknown', charges: [] }, allowances: [{ max: 1500, unit: 'gbp', per: 'year' }], schedule: undefined, contact: { phone: '01234 567890' },
    eligibility: 'After an assessment by the disabled children\'s team.', evidence_quote: 'Direct payments of up to £1,500 a year let families arrange their own short breaks.',
  }),
  syntheticOffer({
    id: 'exampleshire-overnight-unit', name: 'Willow House Overnight Breaks (synthetic)', description: 'Overnight short breaks in a small residential unit.', provider: 'Example Care Ltd', type: 'overnight_residential_unit',
    statutory_categories: ['overnight_care'], time_slots: ['overnight', 'weekend'], access_tier: 'specialist', gates: ['social_care_assessment'], age_min: 10, age_max: undefined, age_note: undefined,
    cost: {
      status: 'charged',
      charges: [
        { amount_gbp: 12.5, per: 'session', note: 'contribution to meals' }, { amount_gbp: 30, per: 'day' }, { amount_gbp: 60, per: 'week', note: 'for a full week' },
        { amount_gbp: 100, per: 'month' }, { amount_gbp: 20, per: 'year', note: 'membership' }, { amount_gbp: 15, per: 'activity' }, { amount_gbp: 5, per: 'one_off', note: 'registration' },
      ],
    },
    allowances: [{ min: 10, max: 30, unit: 'nights', per: 'year' }], schedule: undefined, contact: undefined, published: null, published_note: undefined,
    evidence_quote: 'Willow House offers 10 to 30 nights a year; families contribute £12.50 a night towards meals.',
  }),
  syntheticOffer({
    id: 'sampletown-youth-club', council_code: SAMPLETOWN, name: 'Sampletown Friday Youth Club (synthetic)', description: 'An inclusive youth club.', provider: undefined, type: 'youth_club',
    statutory_categories: ['educational_leisure'], time_slots: ['term_time_after_school'], access_tier: 'targeted', gates: [], age_min: undefined, age_max: 25,
    age_note: undefined, cost: { status: 'charged', charges: [], note: 'a small charge' }, allowances: [], schedule: 'Fridays 18:00-20:00', contact: undefined,
    source: { url: 'https://sampletown.example/youth club?x=1', kind: 'directory' }, eligibility: undefined, evidence_quote: 'Friday Youth Club: a small charge each week.',
  }),
];

async function storeWith(path: string, offers: Offer[]): Promise<Store> {
  const store = createStore(createBetterSqliteDriver(path));
  await migrate(store.driver, loadMigrations());
  await store.loadReference(syntheticBundle(), taxonomy);
  if (offers.length) await store.importRecords(offers, { files: ['synthetic'] }, new Date('2026-11-22T12:00:00Z'));
  return store;
}

describe('our ORUK 3.0 feed read back by our own oruk_v3 adapter', () => {
  const t = tempDir('sbb-oruk-round-');
  let source: Store;
  let target: Store;
  let server: RunningServer;
  let result: Awaited<ReturnType<typeof runScrape>>;
  let back: Offer[];

  beforeAll(async () => {
    source = await storeWith(join(t.dir, 'source.sqlite'), OFFERS);
    target = await storeWith(join(t.dir, 'target.sqlite'), []);
    server = await startServer(source, 0, '127.0.0.1');
    // The feed is registered by its root, as a council's ORUK 3.0 feed is: the adapter finds /services from there.
    result = await runScrape(target, {
      urls: [{ url: `${server.url}/openreferral/v3/`, councilCode: EXAMPLESHIRE, adapter: 'oruk_v3' }],
      snapshotsDir: join(t.dir, 'snapshots'),
      retry: FAST_RETRY,
      random: () => 0.5,
      settings: { allowHosts: ['127.0.0.1'], delayMs: 0, concurrency: 2 },
    });
    // As after every scrape: classification, where what the record states (here, in our own vocabulary) comes first.
    await classifyStoredOffers(target, 'all', classifierInputs());
    back = await target.offersOf(EXAMPLESHIRE);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await source?.driver.close();
    await target?.driver.close();
    t.cleanup();
  });

  const backOf = (o: Offer) => {
    const found = back.filter((b) => b.name === o.name);
    expect(found, o.name).toHaveLength(1);
    return found[0]!;
  };

  it('reads the root, the list and every service, with no problem reported', () => {
    expect(result.status).toBe('completed');
    expect(result.sources).toEqual([expect.objectContaining({ adapter: 'oruk_v3', status: 'ok', pages: 2 + OFFERS.length, records: 2 * OFFERS.length })]);
    expect(back).toHaveLength(OFFERS.length);
  });

  it.each(OFFERS.map((o) => [o.name, o]))('gives back %s: its name, ages, charges, schedule and provider', (_name, o) => {
    const b = backOf(o);
    expect(b.origin).toBe('scraped');
    expect([b.age_min, b.age_max]).toEqual([o.age_min, o.age_max]);
    if (o.cost.charges.length) expect(b.cost).toMatchObject({ status: o.cost.status, charges: o.cost.charges });
    else expect(b.cost.charges).toEqual([]);
    if (o.cost.status === 'free') expect(b.cost.status).toBe('free');
    // ORUK 3.0 has no way to say "a charge of unstated amount" but words: it comes back unknown, the words kept.
    if (o.cost.status === 'charged' && !o.cost.charges.length) expect(b.cost).toMatchObject({ status: 'unknown', note: o.cost.note });
    if (o.cost.status === 'unknown') expect(b.cost.status).toBe('unknown');
    expect(b.schedule).toBe(o.schedule);
    const council = o.council_code === SAMPLETOWN ? 'Sampletown' : 'Exampleshire';
    expect(b.provider).toBe(o.provider ?? council);
    expect(b.contact?.email).toBe(o.contact?.email);
  });

  it.each(OFFERS.map((o) => [o.name, o]))('gives back the type, tier, categories, time slots and gates of %s, stated by the record', (_name, o) => {
    const b = backOf(o) as Offer & { classification?: { fields: Record<string, { by: string }> } };
    expect({ type: b.type, access_tier: b.access_tier, statutory_categories: b.statutory_categories, time_slots: b.time_slots, gates: b.gates }).toEqual({
      type: o.type, access_tier: o.access_tier, statutory_categories: o.statutory_categories, time_slots: o.time_slots, gates: o.gates,
    });
    expect(b.classification?.fields.type?.by).toBe('record');
    // The terms' names stay as the source's own words too, as for any feed.
    expect(b.source_terms[0]).toBe(taxonomy.label('types', o.type!));
  });

  it.each(OFFERS.map((o) => [o.name, o]))('keeps the original source of %s as evidence: its page, when it was read and published, its quote', (_name, o) => {
    const b = backOf(o);
    const url = new URL(o.source.url).href;
    expect(b.contact?.url).toBe(url);
    expect(b.description).toContain(`Source: ${o.source.title ? `${o.source.title}, ${o.source.url}` : o.source.url}, read ${o.retrieved}`);
    expect(b.description).toContain(o.published ? `published ${o.published}` : 'no publication date stated');
    expect(b.description).toContain(`Evidence: "${o.evidence_quote}"`);
    // The record's own source is the feed's service page, read today; the feed dates the service by the original read.
    expect(b.source.url).toMatch(new RegExp(`^${server.url}/openreferral/v3/services/[0-9a-f-]{36}$`));
    expect(b.published).toBe(o.retrieved);
    expect(b.evidence_quote.startsWith(o.name)).toBe(true);
  });
});
