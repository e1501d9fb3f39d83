// Reads curated files (JSON or CSV) into record batches for the import service; a file that is missing, of an
// unknown format or empty is a problem of its batch, named with the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CuratedRecord, TaxonomyIndex } from '../domain/index.js';
import { formatOf, parseCuratedText } from '../curated/parse-file.js';
import { validateBatches, type RecordBatch } from '../services/import-records.js';

export function readCuratedBatches(files: readonly string[]): RecordBatch[] {
  return files.map((file): RecordBatch => {
    const fail = (message: string): RecordBatch => ({ file, raws: [], problems: [{ record: 0, field: '(file)', message }] });
    if (!existsSync(file) || statSync(file).isDirectory()) return fail('no such file');
    const format = formatOf(file);
    if (!format) return fail('unknown format: name the file .json or .csv');
    const raw = parseCuratedText(readFileSync(file, 'utf8'), format);
    if (raw.raws.length === 0 && raw.problems.length === 0) return fail('the file holds no records');
    return { file, ...raw };
  });
}

/** Reads and validates files; throws an AppError naming every problem, or returns all records. */
export function readCuratedFiles(files: readonly string[], taxonomy: TaxonomyIndex, councilCodes: ReadonlySet<string>): CuratedRecord[] {
  return validateBatches(readCuratedBatches(files), taxonomy, councilCodes);
}
