// The Store contract: one suite of behaviour that every SqlDriver must give, run by each driver's test file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { migrate, pendingMigrations } from '../../src/store/migrate.js';
import type { SqlDriver } from '../../src/store/sql-driver.js';
import { createStore, type Store } from '../../src/store/store.js';
import { EXAMPLESHIRE, MOCKBOROUGH, SAMPLETOWN, syntheticBundle, syntheticFact, syntheticOffer, taxonomy } from './synthetic-reference.js';

export function describeStoreContract(name: string, openDriver: () => Promise<{ driver: SqlDriver; dispose: () => Promise<void> }>) {
  describe(`Store contract on ${name}`, () => {
    let driver: SqlDriver;
    let dispose: () => Promise<void>;
    let store: Store;

    beforeEach(async () => {
      ({ driver, dispose } = await openDriver());
      await migrate(driver, loadMigrations());
      store = createStore(driver);
      await store.loadReference(syntheticBundle(), taxonomy);
    });
    afterEach(async () => {
      await dispose();
    });

    it('applies migrations once and records them in d1_migrations', async () => {
      expect(await pendingMigrations(driver, loadMigrations())).toEqual([]);
      expect(await migrate(driver, loadMigrations())).toEqual([]);
      const rows = await driver.all<{ name: string }>('SELECT name FROM d1_migrations ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
    });

    it('lists councils and finds one by GSS code, previous code or LA number', async () => {
      const all = await store.listCouncils();
      expect(all.map((c) => c.name)).toEqual(['Exampleshire', 'Mockborough', 'Sampletown']);
      expect((await store.findCouncil(EXAMPLESHIRE))?.name).toBe('Exampleshire');
      expect((await store.findCouncil('991'))?.code).toBe(EXAMPLESHIRE);
      expect((await store.findCouncil('e10999900'))?.code).toBe(EXAMPLESHIRE);
      expect(await store.findCouncil('E10000000')).toBeUndefined();
      expect((await store.findCouncil(EXAMPLESHIRE))?.also_known_as).toEqual(['Exampleshire County']);
    });

    it('gives statistical neighbours in rank order, keeping neighbours that are no longer councils', async () => {
      const n2025 = await store.neighboursOf(EXAMPLESHIRE, '2025');
      expect(n2025.map((n) => [n.rank, n.code, n.name])).toEqual([[1, SAMPLETOWN, 'Sampletown'], [2, MOCKBOROUGH, 'Mockborough']]);
      const n2021 = await store.neighboursOf(EXAMPLESHIRE, '2021');
      expect(n2021).toEqual([{ rank: 1, code: 'E10000006', la_number: '909', name: 'Cumbria', closeness: 'Close' }]);
    });

    it('shows each figure beside its region and England, and a missing comparison as null', async () => {
      const figures = await store.figuresOf(EXAMPLESHIRE, 'E12999999');
      expect(figures).toContainEqual(expect.objectContaining({ measure: 'ehc_plans', value: 1200, region_value: 9000, england_value: 638745 }));
      expect(figures).toContainEqual(expect.objectContaining({ measure: 'pop_0_17', value: 250000, region_value: null, england_value: null }));
      expect(await store.figuresOf(MOCKBOROUGH, 'E12999999')).toEqual([]);
    });

    it('keeps an unknown inspection outcome as null and counts providers by rating', async () => {
      const [insp] = await store.inspectionsOf(SAMPLETOWN);
      expect(insp).toMatchObject({ outcome_code: null, outcome_label: null, note: 'outcome unknown' });
      expect(await store.providerMixOf(EXAMPLESHIRE)).toEqual([
        { provision_type: "Children's home", short_break_only: true, overall_rating: 'Good', count: 2, places: 10 },
      ]);
    });

    it('round-trips an offer and a council fact with their source, field by field', async () => {
      const offer = syntheticOffer();
      const fact = syntheticFact();
      const result = await store.importRecords([offer, fact], { files: ['x.json'] });
      expect(result).toMatchObject({ offers: 1, facts: 1, sources: 1 });
      const [back] = await store.offersOf(EXAMPLESHIRE);
      expect(back).toEqual(JSON.parse(JSON.stringify(offer)));
      const [factBack] = await store.factsOf(EXAMPLESHIRE);
      // Sources are shared rows: the fact cites the same URL as the offer, so it gets the title the offer gave it.
      expect(factBack).toEqual({ ...JSON.parse(JSON.stringify(fact)), source: { ...fact.source, title: 'Short breaks (synthetic)' } });
      const run = await driver.get<{ kind: string; status: string }>('SELECT kind, status FROM runs WHERE id = ?', [result.run_id]);
      expect(run).toEqual({ kind: 'import', status: 'completed' });
    });

    it('searches offers by name, description and provider with FTS5, kept in step as offers change', async () => {
      await store.importRecords([syntheticOffer(), syntheticOffer({ id: 'exampleshire-overnight', name: 'Overnight stays (synthetic)', description: 'Short breaks in a residential home.', provider: 'Exampleshire Care', age_min: 8, age_max: 12 })], {});
      const found = async (search: string, columns: Parameters<Store['list']>[1]['columns'] = []) =>
        (await store.list('offers', { filters: {}, columns, search, size: 10, facets: [] })).rows.map((r) => r.id);
      expect(await found('swimming')).toEqual(['exampleshire-saturday-club']); // description
      expect(await found('leisure trust')).toEqual(['exampleshire-saturday-club']); // provider, every word
      expect(await found('resid')).toEqual(['exampleshire-overnight']); // a word's start
      expect(await found('" OR name:*')).toEqual([]); // typed operators are words, never FTS syntax
      expect(await found('synthetic', [{ column: 'age', op: 'gte', value: '17' }])).toEqual(['exampleshire-saturday-club']);
      await store.importRecords([syntheticOffer({ name: 'Sunday Swim (synthetic)', description: 'A pool session.' })], {});
      expect(await found('swimming')).toEqual([]);
      expect(await found('pool')).toEqual(['exampleshire-saturday-club']);
      const councils = await store.list('councils', { filters: {}, search: 'mock', size: 10, facets: [] });
      expect(councils.rows.map((r) => r.name)).toEqual(['Mockborough']);
    });

    it('re-importing the same records updates them in place instead of duplicating', async () => {
      await store.importRecords([syntheticOffer()], {});
      await store.importRecords([syntheticOffer({ name: 'Saturday Splash Club, renamed (synthetic)', age_max: 18 })], {});
      const offers = await store.offersOf(EXAMPLESHIRE);
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ name: 'Saturday Splash Club, renamed (synthetic)', age_max: 18 });
      expect((await store.counts()).sources).toBe(1);
    });

    it('classifies and versions the offers of any number of councils at once (more than the 100 parameters D1 binds)', async () => {
      await store.importRecords([syntheticOffer()], {});
      const many = [...Array.from({ length: 152 }, (_, i) => `E1${String(i).padStart(7, '0')}`), EXAMPLESHIRE];
      const toClassify = await store.classification.offersToClassify(many);
      expect(toClassify.map((o) => o.id)).toEqual(['exampleshire-saturday-club']);
      expect(await store.classification.recordVersions(many, null, new Date('2026-12-04T00:00:00Z'))).toEqual({ appeared: 1, changed: 0 });
      expect(await store.classification.recordVersions(many, null, new Date('2026-12-04T00:00:01Z'))).toEqual({ appeared: 0, changed: 0 });
    });

    it('counts every council\'s entry points by kind, current offers, facts and newest dates, with none found as zero and null', async () => {
      await store.importRecords([syntheticOffer(), syntheticOffer({ id: 'exampleshire-second', name: 'Second club (synthetic)', published: null, retrieved: '2026-10-01' }), syntheticFact()], {});
      await store.crawl.addSource({ url: 'https://exampleshire.example/statement', council_code: EXAMPLESHIRE, kind: 'statement', platform: null });
      await store.crawl.addSource({ url: 'https://exampleshire.example/directory', council_code: EXAMPLESHIRE, kind: 'directory', platform: null });
      await store.crawl.addSource({ url: 'https://exampleshire.example/directory/2', council_code: EXAMPLESHIRE, kind: 'directory', platform: null });
      const rows = await store.coverageCounts();
      expect(rows.map((r) => r.name)).toEqual(['Exampleshire', 'Mockborough', 'Sampletown']);
      // The page the curated records cite is a source but not an entry point.
      expect(rows[0]).toMatchObject({ code: EXAMPLESHIRE, entry_points: { statement: 1, directory: 2 }, offers: 2, facts: 1, newest_published: '2025-04', newest_retrieved: '2026-11-22' });
      expect(rows[2]).toMatchObject({ code: SAMPLETOWN, entry_points: {}, offers: 0, facts: 0, newest_published: null, newest_retrieved: null });
    });

    it('keeps missing values missing: no ages, unknown cost, unknown type stay absent, never zero', async () => {
      const sparse = syntheticOffer({ id: 'exampleshire-sparse', age_min: undefined, age_max: undefined, type: null, access_tier: null, cost: { status: 'unknown', charges: [] }, allowances: [] });
      await store.importRecords([sparse], {});
      const [back] = await store.offersOf(EXAMPLESHIRE);
      expect(back!.age_min).toBeUndefined();
      expect(back!.age_max).toBeUndefined();
      expect(back!.type).toBeNull();
      expect(back!.cost.status).toBe('unknown');
    });

    it('writes a batch atomically: one failing statement leaves nothing written', async () => {
      const before = await store.counts();
      const bad = syntheticOffer({ id: 'bad-council', council_code: 'E10999999' });
      await expect(store.importRecords([syntheticOffer(), bad], {})).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect(await driver.get('SELECT COUNT(*) AS n FROM runs')).toEqual({ n: 0 });
    });

    it('binds the same values on every driver and rejects what D1 or better-sqlite3 would reject', async () => {
      await expect(driver.run('SELECT ?', [true as unknown as number])).rejects.toThrow(/parameter 1 is boolean/);
      await expect(driver.run('SELECT ?', [undefined as unknown as number])).rejects.toThrow(/undefined/);
      await expect(driver.all(`SELECT ${Array.from({ length: 101 }, () => '?').join(',')}`, Array.from({ length: 101 }, () => 1))).rejects.toThrow(/at most 100/);
      await expect(driver.get('SELECT ?1 AS v', [1])).rejects.toThrow(/numbered/);
    });

    it('returns BLOBs as bytes and meta values as written', async () => {
      await driver.run('CREATE TABLE IF NOT EXISTS blob_probe (b BLOB)');
      await driver.run('INSERT INTO blob_probe (b) VALUES (?)', [new Uint8Array([0, 1, 254, 255])]);
      const row = await driver.get<{ b: Uint8Array }>('SELECT b FROM blob_probe');
      expect(row!.b).toBeInstanceOf(Uint8Array);
      expect([...row!.b]).toEqual([0, 1, 254, 255]);
      await store.setMeta({ built_at: '2026-11-22T00:00:00.000Z' });
      expect(await store.getMeta('built_at')).toBe('2026-11-22T00:00:00.000Z');
      expect(await store.getMeta('taxonomy_version')).toBe(taxonomy.version);
    });

    it('reports run changes and returns nothing from get when no row matches', async () => {
      expect(await driver.run('UPDATE councils SET web_domain = ? WHERE region_code = ?', ['x.example', 'E12999999'])).toEqual({ changes: 3 });
      expect(await driver.get('SELECT * FROM councils WHERE code = ?', ['nope'])).toBeUndefined();
    });
  });
}
