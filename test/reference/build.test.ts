// Building from the shipped data/: all 153 councils, comparators, figures and Ofsted evidence as published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import type { Store } from '../../src/store/store.js';
import { builtDb, runCli } from '../support/temp-db.js';

describe('sbb db build on the shipped data', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  beforeAll(async () => {
    db = await builtDb();
    store = await openDatabase(db.path, { readonly: true });
  });
  afterAll(async () => {
    await store.driver.close();
    db.cleanup();
  });

  it('loads all 153 councils with their types and regions', async () => {
    const councils = await store.listCouncils();
    expect(councils).toHaveLength(153);
    const byType = councils.reduce<Record<string, number>>((acc, c) => ((acc[c.type] = (acc[c.type] ?? 0) + 1), acc), {});
    expect(byType).toEqual({ unitary: 63, metropolitan_district: 36, london_borough: 33, county: 21 });
    expect(await store.findCouncil('E10000017')).toMatchObject({ name: 'Lancashire', la_number: '888', region_name: 'North West', web_domain: 'lancashire.gov.uk' });
  });

  it("gives Lancashire its ten 2025 statistical neighbours in DfE's order", async () => {
    const n = await store.neighboursOf('E10000017', '2025');
    expect(n.map((x) => x.name)).toEqual([
      'Lincolnshire', 'Bury', 'Dudley', 'Herefordshire, County of', 'Darlington',
      'Stockton-on-Tees', 'Wakefield', 'Nottinghamshire', 'Northumberland', 'Wigan',
    ]);
    expect(n.every((x) => x.code && /^E\d{8}$/.test(x.code))).toBe(true);
  });

  it('resolves councils recoded since 2019 by their old codes', async () => {
    expect((await store.findCouncil('E10000023'))?.name).toBe('North Yorkshire');
    expect((await store.findCouncil('E08000019'))?.name).toBe('Sheffield');
  });

  it('keeps 2021 neighbours that were abolished since (Cumbria) with their old code', async () => {
    const n = await store.neighboursOf('E10000017', '2021');
    expect(n).toHaveLength(10);
  });

  it('loads EHC plan counts with region and England beside them', async () => {
    const f = await store.figuresOf('E10000017', 'E12000002');
    const plans = f.find((x) => x.measure === 'ehc_plans' && x.period === '2025');
    expect(plans?.england_value).toBe(638745);
    expect(plans?.value).toBeGreaterThan(10000);
    expect(plans?.region_value).toBeGreaterThan(plans!.value);
    expect(f.find((x) => x.measure === 'pop_0_17' && x.period === '2025')?.value).toBeGreaterThan(200000);
  });

  it('leaves unpublished figures missing, not zero: counties have no IoD2025 score', async () => {
    const f = await store.figuresOf('E10000017', 'E12000002');
    expect(f.find((x) => x.measure === 'iod2025_imd_score')).toBeUndefined();
    expect(f.find((x) => x.measure === 'iod2019_imd_score')?.value).toBeGreaterThan(0);
  });

  it("records Lancashire's area SEND outcome and Slough's unknown one as unknown", async () => {
    const [lancs] = await store.inspectionsOf('E10000017');
    expect(lancs).toMatchObject({ outcome_code: 3, inspection_start: '2024-12-09', inspection_end: '2024-12-13' });
    const slough = await store.findCouncil('E06000039');
    const [sl] = await store.inspectionsOf(slough!.code);
    expect(sl?.outcome_code).toBeNull();
  });

  it('loads the short-break providers: 169 short-break-only homes, 167 residential special schools, 11 holiday schemes', async () => {
    const rows = await store.driver.all<{ n: number }>(
      `SELECT SUM(short_break_only) AS homes,
              SUM(provision_type LIKE 'Residential special school%' OR provision_type = 'Residential Special School') AS schools,
              SUM(provision_type = 'Residential Holiday Scheme for Disabled Children') AS schemes FROM providers`,
    );
    expect(rows[0]).toEqual({ homes: 169, schools: 167, schemes: 11 });
  });

  it('imports the curated facts with a source for every record', async () => {
    const counts = await store.counts();
    expect(counts.offers).toBeGreaterThan(100);
    expect(counts.council_facts).toBeGreaterThan(100);
    const orphans = await store.driver.get<{ n: number }>(
      "SELECT (SELECT COUNT(*) FROM offers WHERE source_id NOT IN (SELECT id FROM sources)) + (SELECT COUNT(*) FROM council_facts WHERE source_id NOT IN (SELECT id FROM sources)) AS n",
    );
    expect(orphans?.n).toBe(0);
  });

  it('refreshes an existing database in place, keeping what was imported since', async () => {
    const before = (await store.counts()).offers;
    const r = await runCli('db', 'build', '--db', db.path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^refreshed /);
    expect((await store.counts()).offers).toBe(before);
  });
});
