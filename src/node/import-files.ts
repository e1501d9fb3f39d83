// Imports curated files (JSON or CSV) into a store: every file is validated first, then all are written in one batch.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CuratedRecord, TaxonomyIndex } from '../domain/index.js';
import { formatOf, parseCuratedText } from '../curated/parse-file.js';
import { validateRecords, type RecordProblem } from '../curated/validate-records.js';
import { UserError } from '../domain/errors.js';
import type { ImportResult, Store } from '../store/store.js';
import { classifyCouncils } from './classify-offers.js';

export interface FileProblem extends RecordProblem {
  file: string;
}

export class ImportRejected extends UserError {
  constructor(readonly fileProblems: FileProblem[]) {
    super(
      `import rejected: ${fileProblems.length} problem${fileProblems.length === 1 ? '' : 's'}; nothing was written\n` +
        fileProblems
          .slice(0, 50)
          .map((p) => `  ${p.file}: ${p.record ? `record ${p.record}` : 'file'}${p.id ? ` (${p.id})` : ''}: ${p.field}: ${p.message}`)
          .join('\n') +
        (fileProblems.length > 50 ? `\n  ... and ${fileProblems.length - 50} more` : ''),
    );
  }
}

/** Reads and validates files; throws ImportRejected naming every problem, or returns all records. */
export function readCuratedFiles(files: readonly string[], taxonomy: TaxonomyIndex, councilCodes: ReadonlySet<string>): CuratedRecord[] {
  const problems: FileProblem[] = [];
  const records: CuratedRecord[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const fail = (message: string) => problems.push({ file, record: 0, field: '(file)', message });
    if (!existsSync(file) || statSync(file).isDirectory()) {
      fail('no such file');
      continue;
    }
    const format = formatOf(file);
    if (!format) {
      fail('unknown format: name the file .json or .csv');
      continue;
    }
    const raw = parseCuratedText(readFileSync(file, 'utf8'), format);
    const checked = validateRecords(raw.raws, { taxonomy, councilCodes });
    problems.push(...[...raw.problems, ...checked.problems].map((p) => ({ ...p, file })));
    if (raw.raws.length === 0 && raw.problems.length === 0) fail('the file holds no records');
    for (const rec of checked.records) {
      const other = ids.get(rec.id);
      if (other && other !== file) problems.push({ file, record: 0, id: rec.id, field: 'id', message: `id "${rec.id}" is also used in ${other}` });
      ids.set(rec.id, file);
      records.push(rec);
    }
  }
  if (problems.length) throw new ImportRejected(problems);
  return records;
}

export async function importCuratedFiles(
  store: Store,
  files: readonly string[],
  taxonomy: TaxonomyIndex,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult & { dry_run: boolean }> {
  const records = readCuratedFiles(files, taxonomy, await store.knownCouncilCodes());
  if (options.dryRun) {
    const offers = records.filter((r) => r.kind === 'offer').length;
    return { run_id: '', offers, facts: records.length - offers, sources: new Set(records.map((r) => r.source.url)).size, dry_run: true };
  }
  const result = await store.importRecords(records, { files: [...files], taxonomy_version: taxonomy.version });
  await classifyCouncils(store, [...new Set(records.map((r) => r.council_code))], { runId: result.run_id });
  return { ...result, dry_run: false };
}
