// Validates curated records against the schema, the taxonomy and the known councils, naming record and field.
import type { z } from 'zod';
import { CuratedRecordSchema, type CuratedRecord, type TaxonomyFacet, type TaxonomyIndex } from '../domain/index.js';

export interface RecordProblem {
  /** 1-based position of the record in the file (the CSV line for CSV files). */
  record: number;
  id?: string;
  field: string;
  message: string;
}

export interface ValidationContext {
  taxonomy: TaxonomyIndex;
  councilCodes: ReadonlySet<string>;
}

const pathOf = (issue: z.core.$ZodIssue) => (issue.path.length ? issue.path.join('.') : '(record)');

function taxonomyProblems(rec: CuratedRecord, tx: TaxonomyIndex): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const check = (field: string, facet: TaxonomyFacet, code: string | null | undefined) => {
    if (code != null && !tx.has(facet, code))
      out.push({ field, message: `"${code}" is not a ${facet} code in taxonomy ${tx.version} (known: ${tx.codes(facet).join(', ')})` });
  };
  if (rec.kind === 'offer') {
    check('type', 'types', rec.type);
    check('access_tier', 'access_tiers', rec.access_tier);
    rec.statutory_categories.forEach((c, i) => check(`statutory_categories.${i}`, 'statutory_categories', c));
    rec.time_slots.forEach((c, i) => check(`time_slots.${i}`, 'time_slots', c));
    rec.gates.forEach((c, i) => check(`gates.${i}`, 'gates', c));
    if (rec.cost.status !== 'charged' && rec.cost.charges.length)
      out.push({ field: 'cost.status', message: `charges are listed but status is "${rec.cost.status}"` });
  } else {
    check('topic', 'fact_topics', rec.topic);
  }
  return out;
}

/** Validates every record; returns the parsed records only when there is no problem at all. */
export function validateRecords(
  raws: ReadonlyArray<{ line: number; value: unknown }>,
  ctx: ValidationContext,
): { records: CuratedRecord[]; problems: RecordProblem[] } {
  const records: CuratedRecord[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of raws) {
    const id = typeof value === 'object' && value && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
    const parsed = CuratedRecordSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ record: line, id, field: pathOf(issue), message: issue.message });
      continue;
    }
    const rec = parsed.data;
    if (!ctx.councilCodes.has(rec.council_code))
      problems.push({ record: line, id, field: 'council_code', message: `unknown council code "${rec.council_code}"` });
    for (const p of taxonomyProblems(rec, ctx.taxonomy)) problems.push({ record: line, id, ...p });
    const before = seen.get(rec.id);
    if (before !== undefined)
      problems.push({ record: line, id, field: 'id', message: `duplicate id "${rec.id}" (first used by record ${before})` });
    seen.set(rec.id, line);
    records.push(rec);
  }
  return { records: problems.length ? [] : records, problems };
}
