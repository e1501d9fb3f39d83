// Corrections to the copied reference CSVs, kept in a file of their own (data/reference/corrections.csv) so the
// copies stay as published. Each row corrects one cell: the file, the council, which of its rows (or a row the copy
// lacks), the column, the value the copy holds and the corrected value, with its evidence (source URL, the date the
// source states, the date it was checked, a one-sentence quote). Anything that does not fit the copies is a problem
// naming the correction's line; nothing is applied then.
import { z } from 'zod';
import type { CsvRow } from './areas.js';

export const CORRECTIONS_FILE = 'corrections.csv';
/** The file whose councils every correction is checked against (and whose codes fill a new row). */
const COUNCILS_FILE = 'la_master_153.csv';
const NOTE_COLUMN = 'data_note';
const IDENTITY_COLUMNS = ['old_la_code', 'new_la_code', 'la_name'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Correction = z.object({
  file: z.string().min(1, 'name the reference file'),
  council_code: z.string().regex(/^E\d{8}$/, 'a GSS code such as E10000029'),
  row: z.string().regex(/^((new )?[a-z0-9_]+=.+)?$/, 'empty (the council\'s one row), COLUMN=VALUE or "new COLUMN=VALUE"'),
  column: z.string().min(1, 'name the column'),
  published: z.string(),
  corrected: z.string(),
  source_url: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) URL'),
  source_date: z.union([isoDate, z.literal('')]),
  checked: isoDate,
  quote: z
    .string()
    .min(1, 'quote the evidence')
    .max(400, 'one sentence at most')
    .refine((q) => !/[.!?]["”’)]?\s+[A-Z]/.test(q.trim()), 'one sentence at most'),
  note: z.string(),
});
export type ReferenceCorrection = z.infer<typeof Correction> & { line: number };

export interface CorrectionsResult<F extends string> {
  files: Record<F, CsvRow[]>;
  applied: ReferenceCorrection[];
  problems: string[];
}

const cell = (r: CsvRow, column: string) => r[column] ?? '';

/** Reads the corrections file's rows (line numbers count the header as line 1). */
export function readCorrections(rows: readonly CsvRow[]): { corrections: ReferenceCorrection[]; problems: string[] } {
  const corrections: ReferenceCorrection[] = [];
  const problems: string[] = [];
  rows.forEach((raw, i) => {
    const line = i + 2;
    const parsed = Correction.safeParse(Object.fromEntries(Object.keys(Correction.shape).map((k) => [k, raw[k] ?? ''])));
    if (parsed.success) corrections.push({ ...parsed.data, line });
    else for (const issue of parsed.error.issues) problems.push(`line ${line}: ${issue.path.join('.')}: ${issue.message}`);
  });
  return { corrections, problems };
}

/**
 * Applies the corrections to copies of the files' rows (the inputs are not changed). A row whose file has a
 * `data_note` column says which of its columns were corrected.
 */
export function applyCorrections<F extends string>(files: Record<F, readonly CsvRow[]>, rows: readonly CsvRow[]): CorrectionsResult<F> {
  const { corrections, problems } = readCorrections(rows);
  const out = Object.fromEntries(Object.entries(files).map(([f, list]) => [f, (list as CsvRow[]).map((r) => ({ ...r }))])) as Record<F, CsvRow[]>;
  const councils = new Map(((files as Record<string, readonly CsvRow[]>)[COUNCILS_FILE] ?? []).map((r) => [cell(r, 'new_la_code'), r]));
  const added = new Map<string, CsvRow>();
  const done = new Set<string>();
  const touched = new Map<CsvRow, Set<string>>();
  const applied: ReferenceCorrection[] = [];
  for (const c of corrections) {
    const at = `line ${c.line}`;
    const list = (out as Record<string, CsvRow[]>)[c.file];
    if (!list) {
      problems.push(`${at}: file: "${c.file}" is not a reference file the build reads (${Object.keys(files).join(', ')})`);
      continue;
    }
    const council = councils.get(c.council_code);
    if (!council) {
      problems.push(`${at}: council_code: unknown council "${c.council_code}" (not in ${COUNCILS_FILE})`);
      continue;
    }
    const columns = new Set(Object.keys(list[0] ?? {}));
    if (!columns.has(c.column)) {
      problems.push(`${at}: column: ${c.file} has no column "${c.column}"`);
      continue;
    }
    const own = list.filter((r) => cell(r, 'new_la_code') === c.council_code || (cell(r, 'old_la_code') !== '' && cell(r, 'old_la_code') === cell(council, 'old_la_code')));
    const isNew = c.row.startsWith('new ');
    const [keyColumn, keyValue] = c.row ? (c.row.replace(/^new /, '').split(/=(.*)/s) as [string, string]) : [undefined, undefined];
    if (keyColumn !== undefined && !columns.has(keyColumn)) {
      problems.push(`${at}: row: ${c.file} has no column "${keyColumn}"`);
      continue;
    }
    const matching = keyColumn === undefined ? own : own.filter((r) => cell(r, keyColumn) === keyValue);
    let target: CsvRow;
    if (isNew) {
      if (matching.length) {
        problems.push(`${at}: row: ${c.file} already has a row for ${c.council_code} with ${keyColumn}=${keyValue}: correct that row instead of adding one`);
        continue;
      }
      const key = `${c.file}|${c.council_code}|${c.row}`;
      target = added.get(key) ?? Object.fromEntries([...columns].map((k) => [k, '']));
      if (!added.has(key)) {
        for (const k of IDENTITY_COLUMNS) if (columns.has(k)) target[k] = cell(council, k);
        target[keyColumn!] = keyValue!;
        added.set(key, target);
      }
    } else if (matching.length !== 1) {
      problems.push(
        `${at}: row: ${c.file} has ${matching.length} rows for ${c.council_code}${c.row ? ` with ${c.row}` : ''}${matching.length > 1 ? ': say which with COLUMN=VALUE' : ': to add one, write "new COLUMN=VALUE"'}`,
      );
      continue;
    } else target = matching[0]!;
    const cellKey = `${c.file}|${c.council_code}|${c.row}|${c.column}`;
    if (done.has(cellKey)) {
      problems.push(`${at}: column: "${c.column}" of that row is corrected twice`);
      continue;
    }
    done.add(cellKey);
    const holds = isNew ? '' : cell(target, c.column);
    if (holds !== c.published) {
      problems.push(`${at}: published: ${c.file} holds "${holds}" in ${c.column} for ${c.council_code}, not "${c.published}": the copy has changed, so check this correction again`);
      continue;
    }
    target[c.column] = c.corrected;
    touched.set(target, (touched.get(target) ?? new Set()).add(c.column));
    applied.push(c);
  }
  for (const [key, row] of added) (out as Record<string, CsvRow[]>)[key.split('|')[0]!]!.push(row);
  const isAdded = new Set(added.values());
  for (const [row, cols] of touched) {
    if (!(NOTE_COLUMN in row)) continue;
    const said = isAdded.has(row) ? `row added from the public record (see ${CORRECTIONS_FILE})` : `${[...cols].join(', ')} corrected from the public record (see ${CORRECTIONS_FILE})`;
    row[NOTE_COLUMN] = [row[NOTE_COLUMN], said].filter(Boolean).join('; ');
  }
  return { files: out, applied: problems.length ? [] : applied, problems };
}
