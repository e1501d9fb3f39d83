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
import { OFFERS } from '../support/oruk-v3-offers.js';
import { EXAMPLESHIRE, SAMPLETOWN, syntheticBundle, taxonomy } from '../support/synthetic-reference.js';
import { tempDir } from '../support/temp-db.js';

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
    // ORUK 3.0 has no field for "a charge of unstated amount": the feed says it in words that come back as a charge.
    if (o.cost.status === 'charged' && !o.cost.charges.length) expect(b.cost.status).toBe('charged');
    if (o.cost.note && o.cost.status === 'charged' && !o.cost.charges.length) expect(b.cost.note).toContain(o.cost.note);
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
