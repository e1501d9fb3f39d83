// Curation files (data/curation/*.json): a researcher's corrections to classifications, validated against the taxonomy.
import { z } from 'zod';
import type { TaxonomyIndex } from '../domain/index.js';
import type { CurationSet } from './merge-classification.js';

const Correction = z.object({
  offer_id: z.string().min(1),
  set: z
    .object({
      type: z.string().nullable().optional(),
      access_tier: z.string().nullable().optional(),
      statutory_categories: z.array(z.string()).optional(),
      time_slots: z.array(z.string()).optional(),
      gates: z.array(z.string()).optional(),
      age_min: z.number().int().min(0).max(25).nullable().optional(),
      age_max: z.number().int().min(0).max(25).nullable().optional(),
    })
    .strict()
    .refine((s) => Object.keys(s).length > 0, 'set at least one field'),
  reason: z.string().min(3),
  by: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export const CurationFileSchema = z.object({ format: z.literal('sbb-curation/1'), corrections: z.array(Correction) });
export type Correction = z.infer<typeof Correction>;

/** Validates a curation file; problems name the correction (by position and offer id) and the field. */
export function readCurationFile(raw: unknown, taxonomy: TaxonomyIndex): { corrections: Correction[]; problems: string[] } {
  const parsed = CurationFileSchema.safeParse(raw);
  if (!parsed.success) return { corrections: [], problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  const problems: string[] = [];
  parsed.data.corrections.forEach((c, i) => {
    const at = `corrections.${i} (${c.offer_id})`;
    if (c.set.type && !taxonomy.has('types', c.set.type)) problems.push(`${at}: set.type: "${c.set.type}" is not a type code`);
    if (c.set.access_tier && !taxonomy.has('access_tiers', c.set.access_tier)) problems.push(`${at}: set.access_tier: "${c.set.access_tier}" is not a tier code`);
    for (const code of c.set.statutory_categories ?? []) if (!taxonomy.has('statutory_categories', code)) problems.push(`${at}: set.statutory_categories: "${code}" is not a category code`);
    for (const code of c.set.time_slots ?? []) if (!taxonomy.has('time_slots', code)) problems.push(`${at}: set.time_slots: "${code}" is not a time slot code`);
    for (const code of c.set.gates ?? []) if (!taxonomy.has('gates', code)) problems.push(`${at}: set.gates: "${code}" is not a gate code`);
  });
  return { corrections: problems.length ? [] : parsed.data.corrections, problems };
}

/** The latest correction per offer, as the merge needs it. */
export function curationIndex(corrections: readonly Correction[]): Map<string, { set: CurationSet; reason: string }> {
  const out = new Map<string, { set: CurationSet; reason: string }>();
  for (const c of [...corrections].sort((a, b) => a.date.localeCompare(b.date)))
    out.set(c.offer_id, { set: { ...(out.get(c.offer_id)?.set ?? {}), ...(c.set as CurationSet) }, reason: `${c.reason} (${c.by}, ${c.date})` });
  return out;
}
