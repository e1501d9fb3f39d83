// `sbb parse` works for every shipped adapter: a researcher points it at a saved file and sees the offers it yields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_ADAPTERS } from '../../scrapers/adapters/all.js';
import { builtDb, runCli } from '../support/temp-db.js';

const F = 'test/fixtures';
/** One saved file per adapter, the URL it would have come from, and at least how many offers it yields. */
const CASES: Array<{ adapter: string; file: string; url: string; atLeast: number }> = [
  { adapter: 'kb5', file: `${F}/sites/kb5/service-Ex4mPleSat1.html`, url: 'https://fsd.exampleshire.example/kb5/exampleshire/directory/service.page?id=Ex4mPleSat1', atLeast: 1 },
  { adapter: 'oruk_v1', file: `${F}/oruk/synthetic-placecube/services-page-1.json`, url: 'https://feed.exampleshire.example/o/ServiceDirectoryService/v2/services?page=1', atLeast: 2 },
  { adapter: 'oruk_v3', file: `${F}/oruk/validator_mocks_v3/Default/service_full.json`, url: 'https://feed.example/services/1', atLeast: 1 },
  { adapter: 'outpost', file: `${F}/oruk/outpost_bucks_fis/services.json`, url: 'https://api.familyinfo.buckinghamshire.gov.uk/api/v1/services?page=1', atLeast: 20 },
  { adapter: 'localgov_drupal', file: `${F}/sites/localgov-drupal/entry-saturday-club.html`, url: 'https://samplebury.example/directory/short-breaks/saturday-club', atLeast: 1 },
  { adapter: 'jadu', file: `${F}/sites/jadu/record-301-dl.html`, url: 'https://mocktown.example/directory-record/301/saturday-club', atLeast: 1 },
  { adapter: 'statement', file: `${F}/sites/statement/sampleton.html`, url: 'https://sampleton.example/short-breaks-statement', atLeast: 2 },
  { adapter: 'pdf_statement', file: `${F}/sites/statement/statement.pdf`, url: 'https://testford.example/short-breaks-statement.pdf', atLeast: 3 },
  { adapter: 'synergy', file: `${F}/sites/synergy/detail-1042-table.html`, url: 'https://fis.exampleshire.example/Synergy/SynergyWeb/Enquiries/Search.aspx?BX=1042&AY=1', atLeast: 1 },
  { adapter: 'pcg', file: `${F}/sites/pcg/short-breaks.html`, url: 'https://westmoor.mylocaloffer.example/social-care/children-and-families/short-breaks/', atLeast: 2 },
];

describe('sbb parse', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb({ curated: [] });
  });
  afterAll(() => db.cleanup());

  it('has a saved file for every shipped adapter', () => {
    expect(new Set(CASES.map((c) => c.adapter))).toEqual(new Set(SHIPPED_ADAPTERS.map((a) => a.name)));
  });

  it.each(CASES)('$adapter: prints the offers of $file as JSON, each with its evidence and source', async ({ adapter, file, url, atLeast }) => {
    const r = await runCli('parse', '--adapter', adapter, file, '--url', url, '--council', 'E10000017', '--db', db.path);
    expect(r.code, r.stderr).toBe(0);
    const records = JSON.parse(r.stdout) as Array<{ kind: string; council_code: string; evidence_quote: string; source: { url: string }; retrieved: string }>;
    const offers = records.filter((x) => x.kind === 'offer');
    expect(offers.length).toBeGreaterThanOrEqual(atLeast);
    for (const o of records) {
      expect(o.council_code).toBe('E10000017');
      expect(o.evidence_quote.length).toBeGreaterThan(0);
      expect(o.source.url.startsWith(url.split('?')[0]!.replace(/\/[^/]*$/, '')) || o.source.url === url).toBe(true);
      expect(o.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(r.stderr).toMatch(new RegExp(`${adapter} adapter: \\d+ records?`));
  });

  it('--adapter detect picks the adapter from the content', async () => {
    const r = await runCli('parse', '--adapter', 'detect', `${F}/oruk/outpost_bucks_fis/services.json`, '--council', 'E06000060', '--db', db.path);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/outpost adapter: 20 records/);
  });

  it('takes the council from the URL\'s web domain when --council is left out', async () => {
    const r = await runCli('parse', '--adapter', 'statement', `${F}/sites/statement/sampleton.html`, '--url', 'https://www.lancashire.gov.uk/short-breaks-statement', '--db', db.path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].council_code).toBe('E10000017');
  });

  it('--full shows links and problems too', async () => {
    const r = await runCli('parse', '--adapter', 'oruk_v1', `${F}/oruk/synthetic-placecube/services-page-1.json`, '--url', 'https://x.example/services?page=1', '--council', '888', '--full', '--db', db.path);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ layout: 'ok', links: expect.arrayContaining([expect.objectContaining({ label: 'list' })]) });
  });

  it.each([
    [['parse', '--adapter', 'nope', `${F}/sites/jadu/record-301-dl.html`, '--council', '888'], 2, /--adapter: no adapter "nope" \(shipped: .*kb5/],
    [['parse', '--adapter', 'jadu', `${F}/missing.html`, '--council', '888'], 1, /missing\.html: no such file/],
    [['parse', '--adapter', 'jadu', `${F}/sites/jadu/record-301-dl.html`], 2, /say which council the records belong to with --council CODE/],
  ])('%j fails clearly', async (args, code, message) => {
    const r = await runCli(...(args as string[]), '--db', db.path);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});
