// The source registry: every council has a row, rows are valid, bad rows are named, and db build loads it.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { loadSourceRegistry } from '../../src/node/data-files.js';
import { REFERENCE_DIR, SOURCE_REGISTRY_FILE } from '../../src/node/paths.js';
import { readSourceRegistry } from '../../src/reference/source-registry.js';
import { openDatabase } from '../../src/node/open-database.js';
import { builtDb } from '../support/temp-db.js';

const councils = new Set((parse(readFileSync(`${REFERENCE_DIR}/la_master_153.csv`), { columns: true }) as Array<{ new_la_code: string }>).map((r) => r.new_la_code));
const rows = parse(readFileSync(SOURCE_REGISTRY_FILE), { columns: true }) as Array<Record<string, string>>;

describe('data/sources.csv', () => {
  it('has a row for every one of the 153 councils, and only valid rows', () => {
    expect(new Set(rows.map((r) => r.council_code))).toEqual(councils);
    const { problems, sources, councilsWithout } = readSourceRegistry(rows, councils);
    expect(problems).toEqual([]);
    expect(sources.length).toBeGreaterThan(50);
    for (const code of councilsWithout) expect(rows.find((r) => r.council_code === code)!.note).toMatch(/no entry point known yet/);
  });

  it('gives at least 140 councils an entry point, in canonical form, and says what was looked for where none was found', () => {
    const withUrl = new Set(rows.filter((r) => r.url).map((r) => r.council_code));
    expect(withUrl.size).toBeGreaterThanOrEqual(140);
    for (const r of rows.filter((x) => x.url)) {
      expect(r.url, r.url).not.toMatch(/;jsessionid=|[?&]slaction=|[?&]utm_|#/i);
      expect(new URL(r.url!).host, r.url).toBe(new URL(r.url!).host.toLowerCase());
      expect(r.found_in, r.url).not.toBe('');
    }
    for (const r of rows.filter((x) => !x.url && !withUrl.has(x.council_code))) expect(r.note, r.council_name).toMatch(/looked for|quer|searched|nothing found/i);
  });

  it('names a bad page date', () => {
    const { problems } = readSourceRegistry([{ council_code: 'E10000017', url: 'https://x.example/', kind: 'statement', platform: '', title: '', note: '', seen: 'last May' }], councils);
    expect(problems).toEqual([expect.stringMatching(/^line 2: seen: /)]);
  });

  it('gives Lancashire its statement and its Synergy directory', () => {
    const lancs = loadSourceRegistry(councils).filter((s) => s.council_code === 'E10000017');
    expect(lancs.some((s) => s.kind === 'statement' || /short-breaks-statement/.test(s.url))).toBe(true);
    expect(lancs.some((s) => s.platform === 'servelec_synergy')).toBe(true);
  });

  it('names the line and field of a bad row', () => {
    const { problems } = readSourceRegistry(
      [
        { council_code: 'E10000017', url: 'ftp://x', kind: 'statement', platform: '', title: '', note: '' },
        { council_code: 'E10999999', url: 'https://x.example/', kind: 'statement', platform: '', title: '', note: '' },
        { council_code: 'E10000017', url: 'https://x.example/', kind: 'statement', platform: 'wordpress', title: '', note: '' },
      ],
      councils,
    );
    expect(problems).toEqual([
      'line 2: url: must be an http(s) URL or empty',
      'line 3: council_code: unknown council "E10999999"',
      expect.stringMatching(/^line 4: platform: /),
    ]);
  });

  it('is loaded by db build, so scrape --council has entry points', async () => {
    const db = await builtDb({ curated: [] });
    const store = await openDatabase(db.path, { readonly: true });
    try {
      const sources = await store.crawl.sourcesFor(['E10000014']);
      expect(sources.some((s) => s.url.includes('fish.hants.gov.uk') && s.adapter === 'kb5')).toBe(true);
    } finally {
      await store.driver.close();
      db.cleanup();
    }
  });
});
