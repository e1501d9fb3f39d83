// Classification as a researcher meets it: the same offer from two sources shown once with both, a curated correction
// that survives re-imports, and a history that `sbb diff` lists (appeared, changed with the fields, disappeared).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import { classifyCouncils } from '../../src/node/classify-offers.js';
import { openDatabase } from '../../src/node/open-database.js';
import type { Store } from '../../src/store/store.js';
import { syntheticOffer } from '../support/synthetic-reference.js';
import { builtDb, runCli } from '../support/temp-db.js';

const BARNET = 'E09000003';
const club = (overrides: Partial<Offer> = {}): Offer =>
  syntheticOffer({
    id: 'test-barnet-club-feed', council_code: BARNET, name: 'Saturday Splash Club (synthetic)', type: null, access_tier: null,
    statutory_categories: [], time_slots: [], gates: [], age_min: undefined, age_max: undefined, cost: { status: 'unknown', charges: [] }, allowances: [],
    description: 'A Saturday club for disabled children aged 8 to 18. It costs £2 per hour. You need a Short Breaks Card.',
    eligibility: undefined, age_note: undefined, origin: 'scraped',
    source: { url: 'https://barnet.example/feed/services/1', kind: 'oruk_feed' },
    ...overrides,
  });

describe('classification pipeline', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  const write = (name: string, body: unknown) => {
    const f = join(db.dir, name);
    writeFileSync(f, JSON.stringify(body));
    return f;
  };

  beforeAll(async () => {
    db = await builtDb({ curated: [] });
    store = await openDatabase(db.path);
  });
  afterAll(async () => {
    await store.driver.close();
    db.cleanup();
  });

  it('classifies an imported record from its words, keeping the evidence', async () => {
    expect((await runCli('import', write('feed.json', [club()]), '--db', db.path)).code).toBe(0);
    const [o] = (await store.offersOf(BARNET)) as any[];
    expect(o.type).toBe('weekend_club');
    expect(o.age_min).toBe(8);
    expect(o.cost).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] });
    expect(o.classification.fields.type).toMatchObject({ by: 'rules', evidence: expect.arrayContaining([expect.objectContaining({ field: expect.any(String), phrase: expect.stringMatching(/saturday/i) })]) });
  });

  it('shows the same club found in a feed and on a directory page once, with both sources', async () => {
    const page = club({ id: 'test-barnet-club-page', source: { url: 'https://barnet.example/directory/saturday-splash-club', kind: 'directory' }, description: 'Saturday Splash Club (synthetic).' });
    expect((await runCli('import', write('page.json', [page]), '--db', db.path)).code).toBe(0);
    const offers = (await store.offersOf(BARNET)) as any[];
    expect(offers).toHaveLength(1);
    expect(offers[0].also_found_at).toEqual([expect.objectContaining({ url: 'https://barnet.example/directory/saturday-splash-club' })]);
  });

  it('a curated correction wins over rules and survives re-importing the record', async () => {
    const dir = join(db.dir, 'curation');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify({
      format: 'sbb-curation/1',
      corrections: [{ offer_id: 'test-barnet-club-feed', set: { type: 'sport_arts_leisure_inclusion', access_tier: 'targeted' }, reason: 'it is a swimming session, not a club (synthetic)', by: 'test', date: '2026-11-22' }],
    }));
    process.env.SBB_CURATION_DIR = dir;
    try {
      await classifyCouncils(store, [BARNET], { curationDir: dir });
      expect((await runCli('import', write('feed-again.json', [club()]), '--db', db.path)).code).toBe(0);
      const [o] = (await store.offersOf(BARNET)) as any[];
      expect(o).toMatchObject({ type: 'sport_arts_leisure_inclusion', access_tier: 'targeted' });
      expect(o.classification.curated).toEqual(['type', 'access_tier']);
      expect(o.classification.fields.type).toMatchObject({ by: 'curation', reason: expect.stringMatching(/swimming session/) });
    } finally {
      delete process.env.SBB_CURATION_DIR;
    }
  });

  it('a bad curation file is named with the correction and the field', async () => {
    const dir = join(db.dir, 'bad-curation');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ format: 'sbb-curation/1', corrections: [{ offer_id: 'a', set: { type: 'pony_club' }, reason: 'why not', by: 't', date: '2026-11-22' }] }));
    process.env.SBB_CURATION_DIR = dir;
    try {
      const r = await runCli('classify', '--council', BARNET, '--db', db.path);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/x\.json: corrections\.0 \(a\): set\.type: "pony_club" is not a type code/);
    } finally {
      delete process.env.SBB_CURATION_DIR;
    }
  });

  it('sbb diff lists what appeared and what changed, field by field', async () => {
    const dearer = club({ description: 'A Saturday club for disabled children aged 8 to 18. It now costs £3 per hour. You need a Short Breaks Card.' });
    expect((await runCli('import', write('dearer.json', [dearer]), '--db', db.path)).code).toBe(0);
    const r = await runCli('diff', BARNET, '--json', '--db', db.path);
    const rows = JSON.parse(r.stdout) as Array<{ change: string; id: string; what: string }>;
    expect(rows.filter((x) => x.id === 'test-barnet-club-feed').map((x) => x.change)).toEqual(expect.arrayContaining(['appeared', 'changed']));
    // In words, as an officer reads it: money as amounts, never JSON.
    expect(rows.find((x) => x.change === 'changed' && /charges/.test(x.what))?.what).toMatch(/charges: £2 per hour[^;]* -> £3 per hour/);
    const since = JSON.parse((await runCli('diff', BARNET, '--json', '--since', '2999-01-01', '--db', db.path)).stdout);
    expect(since).toEqual([]);
    expect((await runCli('diff', BARNET, '--since', 'yesterday', '--db', db.path)).code).toBe(2);
  });
});
