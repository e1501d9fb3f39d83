// `db build` applies data/reference/corrections.csv to the copies it reads (the copies stay as published), and a
// correction that does not fit the copies stops the build with the corrections file and its line named.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { buildDatabase } from '../../src/node/build-database.js';
import { REFERENCE_CORRECTIONS_FILE } from '../../src/node/data-files.js';
import { openDatabase } from '../../src/node/open-database.js';
import { REFERENCE_DIR } from '../../src/node/paths.js';
import type { Store } from '../../src/store/store.js';
import { builtDb, tempDir } from '../support/temp-db.js';

const copy = (file: string) => parse(readFileSync(join(REFERENCE_DIR, file)), { columns: true }) as Array<Record<string, string>>;

describe('reference corrections in db build', () => {
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

  it("keeps the copies as published and gives every correction its source, date and quote", () => {
    expect(copy('la_master_153.csv').find((r) => r.new_la_code === 'E10000029')?.web_domain).toBe('analysticsbi.com');
    const corrections = parse(readFileSync(REFERENCE_CORRECTIONS_FILE), { columns: true }) as Array<Record<string, string>>;
    expect(corrections.length).toBeGreaterThanOrEqual(3);
    for (const c of corrections) {
      expect(c.source_url, `line of ${c.council_name} ${c.column}`).toMatch(/^https?:\/\//);
      expect(c.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((c.quote ?? '').length).toBeGreaterThan(10);
    }
    expect(new Set(corrections.map((c) => c.council_name))).toEqual(new Set(['Suffolk', 'North Yorkshire', 'Cornwall']));
  });

  it("uses Suffolk's own web domain", async () => {
    expect((await store.findCouncil('Suffolk'))?.web_domain).toBe('suffolk.gov.uk');
  });

  it("gives North Yorkshire's 2024 inspection its dates, so it is one row with the report's id", async () => {
    const [latest, ...older] = await store.inspectionsOf('E06000065');
    expect(latest).toMatchObject({
      id: 'area-send-2023:815:2024-04-29',
      inspection_start: '2024-04-29',
      inspection_end: '2024-05-03',
      previous_inspection_end: '2016-07-01',
      publication_date: '2024-09-25',
      next_inspection_by: null,
      report_url: 'https://files.ofsted.gov.uk/v1/file/50257830',
    });
    expect(latest!.note).toContain('corrected from the public record');
    expect(older).toEqual([]);
  });

  it("adds Cornwall's February 2023 inspection beside its 2026 one, which stays the latest", async () => {
    const inspections = await store.inspectionsOf('E06000052');
    expect(inspections.map((i) => i.inspection_start)).toEqual(['2026-03-23', '2023-02-06']);
    expect(inspections[1]).toMatchObject({
      outcome_code: 2,
      outcome_label: 'Inconsistent experiences and outcomes',
      inspection_end: '2023-02-10',
      previous_inspection_end: '2017-07-07',
      publication_date: '2023-05-05',
      report_url: 'https://files.ofsted.gov.uk/v1/file/50215730',
    });
    expect(inspections[0]!.previous_inspection_end).toBe(inspections[1]!.inspection_end);
  });
});

describe('a correction that does not fit', () => {
  it('stops the build naming the corrections file and each bad line, and leaves no database behind', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'corrections.csv');
      const header = 'file,council_code,row,column,published,corrected,source_url,source_date,checked,quote,note';
      const evidence = 'https://www.suffolk.gov.uk/,,2026-12-04,Suffolk County Council.,';
      writeFileSync(
        file,
        [
          header,
          `la_master_153.csv,E10000029,,web_domain,analysticsbi.com,suffolk.gov.uk,${evidence}`,
          `la_master_153.csv,E99999999,,web_domain,,nowhere.gov.uk,${evidence}`,
          `la_master_153.csv,E10000017,,web_address,,lancashire.gov.uk,${evidence}`,
        ].join('\n'),
      );
      const path = join(t.dir, 'sbb.sqlite');
      const error = await buildDatabase(path, { reports: [], referenceCorrections: file }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.kind).toBe('invalid');
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toContain('line 3: council_code: unknown council "E99999999"');
      expect(message).toContain('line 4: column: la_master_153.csv has no column "web_address"');
      expect(message).not.toContain('line 2');
      expect(existsSync(path)).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
