// Imports curated records, all or nothing: every batch (a file, or a request's body) is validated against the schema,
// the taxonomy and the councils, ids must be unique across batches, then all are written in one batch and the
// councils touched are classified.
import { validateRecords, type RecordProblem } from '../curated/validate-records.js';
import type { CuratedRecord, TaxonomyIndex } from '../domain/index.js';
import { AppError, type Problem } from '../domain/errors.js';
import type { ImportResult, Store } from '../store/store.js';
import { classifyTouched, type ClassifyResult } from './classify.js';
import type { ClassifierFiles, RecordBatch } from './ports.js';

export type { RecordBatch } from './ports.js';

/** Where a problem is, in the terms of its batch: "file.json: record 3 (id): type", or "records[2].type" in a body. */
function locate(batch: RecordBatch, p: RecordProblem): Problem {
  if (batch.file !== undefined)
    return { field: `${batch.file}: ${p.record ? `record ${p.record}` : 'file'}${p.id ? ` (${p.id})` : ''}: ${p.field}`, message: p.message };
  return { field: `records[${p.record - 1}]${p.field === '(record)' ? '' : `.${p.field}`}`, message: p.id ? `${p.id}: ${p.message}` : p.message };
}

/** Every record of every batch, or an AppError (invalid) listing every problem with its place. */
export function validateBatches(batches: readonly RecordBatch[], taxonomy: TaxonomyIndex, councilCodes: ReadonlySet<string>): CuratedRecord[] {
  const problems: Problem[] = [];
  const records: CuratedRecord[] = [];
  const ids = new Map<string, RecordBatch>();
  for (const batch of batches) {
    const checked = validateRecords(batch.raws, { taxonomy, councilCodes });
    problems.push(...[...batch.problems, ...checked.problems].map((p) => locate(batch, p)));
    for (const rec of checked.records) {
      const other = ids.get(rec.id);
      if (other && other !== batch) problems.push(locate(batch, { record: 0, id: rec.id, field: 'id', message: `id "${rec.id}" is also used in ${other.file ?? 'the request'}` }));
      ids.set(rec.id, batch);
      records.push(rec);
    }
  }
  if (problems.length)
    throw new AppError('invalid', `import rejected: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`, { field: 'records', problems, code: 'import_rejected' });
  return records;
}

export interface ImportOutcome {
  result: ImportResult;
  /** Null on a dry run. */
  classified: ClassifyResult | null;
}

/** Validates, writes in one batch (recording `args` with the run), then classifies the councils touched. */
export async function importRecords(
  store: Store,
  batches: readonly RecordBatch[],
  files: ClassifierFiles,
  options: { args?: Record<string, unknown>; dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  const taxonomy = files.taxonomy();
  const records = validateBatches(batches, taxonomy, await store.knownCouncilCodes());
  if (options.dryRun) {
    const offers = records.filter((r) => r.kind === 'offer').length;
    return { result: { run_id: '', offers, facts: records.length - offers, sources: new Set(records.map((r) => r.source.url)).size }, classified: null };
  }
  const result = await store.importRecords(records, { ...options.args, taxonomy_version: taxonomy.version });
  const classified = await classifyTouched(store, records.map((r) => r.council_code), files, result.run_id);
  return { result, classified };
}
