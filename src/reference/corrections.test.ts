// Corrections to the reference copies: one cell each, checked against what the copy holds, a new row where the
// copy lacks one, and every misfit a problem naming its line; the copies themselves are never changed.
import { describe, expect, it } from 'vitest';
import type { CsvRow } from './areas.js';
import { applyCorrections } from './corrections.js';

const councils: CsvRow[] = [
  { old_la_code: '935', new_la_code: 'E10000029', la_name: 'Suffolk', web_domain: 'analysticsbi.com' },
  { old_la_code: '815', new_la_code: 'E06000065', la_name: 'North Yorkshire', web_domain: 'northyorks.gov.uk' },
];
const inspections: CsvRow[] = [
  { old_la_code: '815', new_la_code: 'E06000065', la_name: 'North Yorkshire', inspection_start: '', publication_date: '2024-09-25', outcome_code: '2', data_note: '' },
  { old_la_code: '815', new_la_code: 'E06000065', la_name: 'North Yorkshire', inspection_start: '2016-06-27', publication_date: '2016-08-01', outcome_code: '', data_note: '' },
];
const files = () => ({ 'la_master_153.csv': councils, 'inspections.csv': inspections });

const evidence = { source_url: 'https://example.org/report', source_date: '2024-09-25', checked: '2026-12-04', quote: 'Inspection dates: 29 April to 3 May 2024', note: '' };
const correction = (c: Partial<Record<string, string>>): CsvRow => ({ file: 'la_master_153.csv', council_code: 'E10000029', row: '', column: 'web_domain', published: 'analysticsbi.com', corrected: 'suffolk.gov.uk', ...evidence, ...c });

describe('applyCorrections', () => {
  it("corrects a council's one row and leaves the copies as they were", () => {
    const r = applyCorrections(files(), [correction({})]);
    expect(r.problems).toEqual([]);
    expect(r.files['la_master_153.csv'][0]!.web_domain).toBe('suffolk.gov.uk');
    expect(councils[0]!.web_domain).toBe('analysticsbi.com');
    expect(r.applied).toHaveLength(1);
  });

  it('picks one of several rows by COLUMN=VALUE and says in data_note what was corrected', () => {
    const r = applyCorrections(files(), [correction({ file: 'inspections.csv', council_code: 'E06000065', row: 'publication_date=2024-09-25', column: 'inspection_start', published: '', corrected: '2024-04-29' })]);
    expect(r.problems).toEqual([]);
    const [row] = r.files['inspections.csv'];
    expect(row).toMatchObject({ inspection_start: '2024-04-29', data_note: 'inspection_start corrected from the public record (see corrections.csv)' });
  });

  it("adds a row the copy lacks, starting from the council's codes and name", () => {
    const add = (column: string, corrected: string) => correction({ file: 'inspections.csv', council_code: 'E06000065', row: 'new inspection_start=2023-02-06', column, published: '', corrected });
    const r = applyCorrections(files(), [add('inspection_start', '2023-02-06'), add('outcome_code', '2')]);
    expect(r.problems).toEqual([]);
    expect(r.files['inspections.csv']).toHaveLength(3);
    expect(r.files['inspections.csv'][2]).toEqual({
      old_la_code: '815', new_la_code: 'E06000065', la_name: 'North Yorkshire', inspection_start: '2023-02-06', publication_date: '', outcome_code: '2',
      data_note: 'row added from the public record (see corrections.csv)',
    });
  });

  it('names the line of a correction whose council, column, file or row is unknown, and applies nothing', () => {
    const r = applyCorrections(files(), [
      correction({}),
      correction({ council_code: 'E99999999' }),
      correction({ column: 'web_domian' }),
      correction({ file: 'nowhere.csv' }),
      correction({ file: 'inspections.csv', council_code: 'E06000065', column: 'inspection_start', published: '' }),
      correction({ file: 'inspections.csv', council_code: 'E06000065', row: 'new publication_date=2024-09-25', column: 'inspection_start', published: '' }),
    ]);
    expect(r.problems).toEqual([
      'line 3: council_code: unknown council "E99999999" (not in la_master_153.csv)',
      'line 4: column: la_master_153.csv has no column "web_domian"',
      'line 5: file: "nowhere.csv" is not a reference file the build reads (la_master_153.csv, inspections.csv)',
      'line 6: row: inspections.csv has 2 rows for E06000065: say which with COLUMN=VALUE',
      'line 7: row: inspections.csv already has a row for E06000065 with publication_date=2024-09-25: correct that row instead of adding one',
    ]);
    expect(r.applied).toEqual([]);
  });

  it('refuses a correction when the copy no longer holds the value it corrects', () => {
    const r = applyCorrections(files(), [correction({ published: 'suffolk.example' })]);
    expect(r.problems).toEqual(['line 2: published: la_master_153.csv holds "analysticsbi.com" in web_domain for E10000029, not "suffolk.example": the copy has changed, so check this correction again']);
  });

  it('needs its evidence: a source URL, the checked date and a quote of one sentence', () => {
    const r = applyCorrections(files(), [correction({ source_url: 'suffolk.gov.uk', checked: '4 Dec 2026', quote: 'One sentence. And another.' })]);
    expect(r.problems).toEqual([
      'line 2: source_url: an http(s) URL',
      'line 2: checked: a date as YYYY-MM-DD',
      'line 2: quote: one sentence at most',
    ]);
  });

  it('refuses the same cell corrected twice', () => {
    const r = applyCorrections(files(), [correction({}), correction({ published: 'analysticsbi.com' })]);
    expect(r.problems).toEqual(['line 3: column: "web_domain" of that row is corrected twice']);
  });
});
