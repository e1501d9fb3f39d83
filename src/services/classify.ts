// Classifies stored offers (rules, then the record's own statements, then the researchers' corrections), links
// duplicates and records new versions. What it reads from the data (rules, corrections) is handed in.
import { classifyOffer } from '../classify/classify.js';
import { curationIndex } from '../classify/curation.js';
import { findDuplicates } from '../classify/dedupe.js';
import { mergeClassification } from '../classify/merge-classification.js';
import type { Store } from '../store/store.js';
import type { ClassifierFiles, ClassifierInputs } from './ports.js';

export interface ClassifyResult {
  offers: number;
  by: Record<string, number>;
  duplicates: number;
  appeared: number;
  changed: number;
  rules_version: string;
}

export interface ClassifyOptions {
  runId?: string | null;
  now?: Date;
}

const richness = (o: { input: object; stated: object }) =>
  [...Object.values(o.input), ...Object.values(o.stated)].filter((v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)).length;

/** Classifies the offers of these councils (or all), links duplicates and records new versions, atomically per step. */
export async function classifyStoredOffers(store: Store, councils: readonly string[] | 'all', inputs: ClassifierInputs, options: ClassifyOptions = {}): Promise<ClassifyResult> {
  const { taxonomy, rules } = inputs;
  const curation = curationIndex(inputs.curation);
  const offers = await store.classification.offersToClassify(councils);
  const by: Record<string, number> = {};
  const decisions = offers.map((o) => {
    const merged = mergeClassification(o.stated, classifyOffer(o.input, rules, taxonomy), curation.get(o.id));
    for (const f of Object.values(merged.explanation.fields)) by[f.by] = (by[f.by] ?? 0) + 1;
    return { id: o.id, merged };
  });
  await store.classification.saveClassifications(decisions);
  const touched = councils === 'all' ? [...new Set(offers.map((o) => o.council_code))] : [...councils];
  const duplicates = findDuplicates(
    offers.map((o) => ({ id: o.id, council_code: o.council_code, name: o.input.name, postcode: o.postcode, origin: o.origin, confidence: o.confidence, richness: richness(o) })),
  );
  await store.classification.setDuplicates(touched, duplicates);
  const versions = await store.classification.recordVersions(touched, options.runId ?? null, options.now ?? new Date());
  return { offers: offers.length, by, duplicates: duplicates.size, ...versions, rules_version: rules.version };
}

/** The step every write ends with: classify the councils the written records belong to. */
export function classifyTouched(store: Store, councilCodes: Iterable<string | null | undefined>, files: ClassifierFiles, runId: string | null): Promise<ClassifyResult> {
  const councils = [...new Set([...councilCodes].filter((c): c is string => Boolean(c)))];
  return classifyStoredOffers(store, councils, files.classifierInputs(), { runId });
}

/** `sbb classify`: re-classify the councils named (each through the council lookup; `field` names the input) or all of them. */
export async function reclassify(store: Store, keys: readonly string[], files: ClassifierFiles, field = 'councils'): Promise<ClassifyResult> {
  const codes: string[] = [];
  for (const key of keys) codes.push((await store.requireCouncil(key, field)).code);
  return classifyStoredOffers(store, codes.length ? codes : 'all', files.classifierInputs());
}
