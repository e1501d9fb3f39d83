// `sbb import`: good files load (JSON and CSV); bad files are refused whole, with file, record and field named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDb, dumpDb, runCli } from '../support/temp-db.js';
import { syntheticOffer } from '../support/synthetic-reference.js';

const CSV_FIXTURE = new URL('../fixtures/curated/exampleshire.csv', import.meta.url).pathname;
const LANCASHIRE = 'E10000017';

describe('sbb import', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  const write = (name: string, body: unknown) => {
    const file = join(db.dir, name);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  const good = (overrides = {}) => syntheticOffer({ id: 'test-good-offer', council_code: LANCASHIRE, ...overrides });

  beforeAll(async () => {
    db = await builtDb({ curated: [] });
  });
  afterAll(() => db.cleanup());

  it('imports a JSON file and a CSV file, and reports what it wrote', async () => {
    const json = write('good.json', { format: 'sbb-curated/1', records: [good()] });
    const r = await runCli('import', json, CSV_FIXTURE, '--db', db.path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported 2 offers, 1 council facts, 3 sources from 2 files/);
    const detail = await runCli('council', LANCASHIRE, '--json', '--db', db.path);
    const body = JSON.parse(detail.stdout);
    const csvOffer = body.offers.find((o: { id: string }) => o.id === 'exampleshire-csv-holiday-scheme');
    expect(csvOffer).toMatchObject({
      type: 'holiday_play_scheme',
      statutory_categories: ['educational_leisure', 'carer_support_out_of_hours'],
      gates: ['registration_card', 'benefit_dla'],
      age_min: 5,
      age_max: 17,
      cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }, { amount_gbp: 5, per: 'day', note: 'lunch included' }] },
      allowances: [{ min: 10, max: 50, unit: 'hours', per: 'year' }],
      districts: ['North', 'South'],
      source: { url: 'https://exampleshire.example/holiday-scheme', kind: 'local_offer_page' },
      published: '2025-04',
    });
    expect(body.facts.find((f: { id: string }) => f.id === 'exampleshire-csv-budget')).toMatchObject({ value: 100000, unit: 'gbp', period: '2025/26' });
  });

  it('importing the same file twice changes nothing the second time but the run log', async () => {
    const json = write('again.json', [good({ id: 'test-again' })]);
    await runCli('import', json, '--db', db.path);
    const before = dumpDb(db.path);
    expect((await runCli('import', json, '--db', db.path)).code).toBe(0);
    const after = dumpDb(db.path);
    const strip = (d: Record<string, unknown[]>) => ({ ...d, runs: [], offers: d.offers!.map((o) => ({ ...(o as object), run_id: null, updated_at: null })) });
    expect(strip(after)).toEqual(strip(before));
    expect(after.runs!.length).toBe(before.runs!.length + 1);
  });

  it('--dry-run validates and writes nothing', async () => {
    const before = dumpDb(db.path);
    const r = await runCli('import', '--dry-run', write('dry.json', [good({ id: 'test-dry' })]), '--db', db.path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid: 1 offers.*dry run, nothing written/);
    expect(dumpDb(db.path)).toEqual(before);
  });

  const rejected: Array<[string, string, unknown, RegExp]> = [
    ['malformed JSON', 'broken.json', '{"records": [ {"kind": "offer", ', /broken\.json: file: \(file\): not valid JSON/],
    ['an unknown council code', 'unknown-council.json', [good({ id: 'test-unknown-council', council_code: 'E10000099' })], /unknown-council\.json: record 1 \(test-unknown-council\): council_code: unknown council code "E10000099"/],
    ['an invalid value', 'bad-age.json', [good({ id: 'test-ok-first' }), good({ id: 'test-bad-age', age_min: -3 })], /bad-age\.json: record 2 \(test-bad-age\): age_min: /],
    ['a code outside the taxonomy', 'bad-type.json', [good({ id: 'test-bad-type', type: 'pony_club' })], /bad-type\.json: record 1 \(test-bad-type\): type: "pony_club" is not a types code/],
    ['a bad date', 'bad-date.json', [good({ id: 'test-bad-date', published: '12/03/2020' })], /record 1 \(test-bad-date\): published: must be YYYY, YYYY-MM or YYYY-MM-DD/],
    ['a record with no source URL', 'no-source.json', [{ ...good({ id: 'test-no-source' }), source: undefined }], /record 1 \(test-no-source\): source: /],
    ['a javascript: source URL', 'js-source.json', [good({ id: 'test-js-source', source: { url: 'javascript:alert(1)', kind: 'local_offer_page' } })], /js-source\.json: record 1 \(test-js-source\): source\.url: source\.url must be an http: or https: URL \(found "javascript:"\)/],
    ['a data: contact URL', 'data-contact.json', [good({ id: 'test-data-contact', contact: { url: 'data:text/html,<script>alert(1)</script>' } })], /data-contact\.json: record 1 \(test-data-contact\): contact\.url: contact\.url must be an http: or https: URL \(found "data:"\)/],
    ['a CSV row with a data: source URL', 'data-source.csv', 'kind,id,council_code,name,cost_status,source_url,evidence_quote,retrieved,confidence\noffer,test-csv-data,E10000017,Club,unknown,"data:text/html,<script>alert(1)</script>",q,2026-11-22,0.9\n', /data-source\.csv: record 2 \(test-csv-data\): source\.url: .*found "data:"/],
    ['a duplicate id', 'dupe.json', [good({ id: 'test-dupe' }), good({ id: 'test-dupe' })], /record 2 \(test-dupe\): id: duplicate id "test-dupe" \(first used by record 1\)/],
    ['a CSV row with an unreadable charge', 'bad.csv', 'kind,id,council_code,name,charges,cost_status,source_url,evidence_quote,retrieved,confidence\noffer,test-csv-bad,E10000017,Club,two pounds an hour,charged,https://x.example/,q,2026-11-22,0.9\n', /bad\.csv: record 2 \(test-csv-bad\): charges: "two pounds an hour" should look like "2\/hour"/],
    ['a CSV file with a ragged row', 'ragged.csv', 'kind,id,council_code\noffer,a,b,c,d\n', /ragged\.csv: file: \(file\): not valid CSV/],
    ['a file that is not JSON or CSV', 'facts.txt', 'hello', /facts\.txt: file: \(file\): unknown format/],
    ['an empty file', 'empty.json', [], /empty\.json: file: \(file\): the file holds no records/],
  ];

  it.each(rejected)('refuses %s: exits 1, names file, record and field, and leaves the database exactly as it was', async (_what, name, body, message) => {
    const before = dumpDb(db.path);
    const file = write(name, body);
    const r = await runCli('import', file, '--db', db.path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/import rejected: \d+ problems?; nothing was written/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(dumpDb(db.path)).toEqual(before);
  });

  it('refuses the whole import when one of several files is bad', async () => {
    const before = dumpDb(db.path);
    const ok = write('ok-part.json', [good({ id: 'test-ok-part' })]);
    const bad = write('bad-part.json', [good({ id: 'test-bad-part', confidence: 7 })]);
    const r = await runCli('import', ok, bad, '--db', db.path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-part\.json: record 1 \(test-bad-part\): confidence:/);
    expect(dumpDb(db.path)).toEqual(before);
  });

  it('imports and classifies offers for all 153 councils at once (more councils than D1 binds parameters)', async () => {
    const Database = (await import('better-sqlite3')).default;
    const conn = new Database(db.path, { readonly: true });
    const codes = (conn.prepare('SELECT code FROM councils ORDER BY code').all() as Array<{ code: string }>).map((r) => r.code);
    conn.close();
    expect(codes).toHaveLength(153);
    const records = codes.map((code) =>
      good({ id: `test-all-${code.toLowerCase()}`, council_code: code, name: 'Saturday club for disabled children (synthetic)', source: { url: `https://example.org/synthetic/${code}`, kind: 'other' } }),
    );
    const r = await runCli('import', write('all-councils.json', records), '--db', db.path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = new Database(db.path, { readonly: true });
    const row = after.prepare("SELECT COUNT(DISTINCT council_code) AS councils, SUM(classified_with IS NULL) AS unclassified FROM offers WHERE id LIKE 'test-all-%'").get() as { councils: number; unclassified: number };
    const versions = after.prepare("SELECT COUNT(*) AS n FROM offer_versions WHERE offer_id LIKE 'test-all-%'").get() as { n: number };
    after.close();
    expect(row).toEqual({ councils: 153, unclassified: 0 });
    expect(versions.n).toBe(153);
  });

  it('names a missing file', async () => {
    const r = await runCli('import', join(db.dir, 'nope.json'), '--db', db.path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.json: file: \(file\): no such file/);
  });
});
