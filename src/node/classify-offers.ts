// Classifies stored offers with the rules in data/ and the researchers' curation, then records duplicates and history.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaxonomyIndex } from '../domain/index.js';
import { UserError } from '../domain/errors.js';
import { classifyOffer } from '../classify/classify.js';
import { loadClassifierRules, type ClassifierRules } from '../classify/classify-rules.js';
import { curationIndex, readCurationFile, type Correction } from '../classify/curation.js';
import { findDuplicates } from '../classify/dedupe.js';
import { mergeClassification } from '../classify/merge-classification.js';
import type { Store } from '../store/store.js';
import { loadTaxonomy } from './data-files.js';
import { CLASSIFIER_RULES_FILE, CURATION_DIR } from './paths.js';

export function loadRules(taxonomy: TaxonomyIndex, file = CLASSIFIER_RULES_FILE): ClassifierRules {
  try {
    return loadClassifierRules(JSON.parse(readFileSync(file, 'utf8')), taxonomy);
  } catch (e) {
    throw new UserError(`${file}: not valid classifier rules: ${(e as Error).message}`);
  }
}

/** Every correction in the curation folder; a bad file stops with its name, the correction and the field. */
export function loadCuration(taxonomy: TaxonomyIndex, dir = process.env.SBB_CURATION_DIR ?? CURATION_DIR): Correction[] {
  if (!existsSync(dir)) return [];
  const out: Correction[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new UserError(`${path}: not valid JSON: ${(e as Error).message}`);
    }
    const { corrections, problems } = readCurationFile(raw, taxonomy);
    if (problems.length) throw new UserError(`${path}: ${problems.join('; ')}`);
    out.push(...corrections);
  }
  return out;
}

export interface ClassifyResult {
  offers: number;
  by: Record<string, number>;
  duplicates: number;
  appeared: number;
  changed: number;
  rules_version: string;
}

const richness = (o: { input: object; stated: object }) =>
  [...Object.values(o.input), ...Object.values(o.stated)].filter((v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)).length;

/** Classifies the offers of these councils (or all), links duplicates and records new versions, atomically per step. */
export async function classifyCouncils(
  store: Store,
  councils: readonly string[] | 'all',
  options: { runId?: string | null; now?: Date; curationDir?: string } = {},
): Promise<ClassifyResult> {
  const taxonomy = loadTaxonomy();
  const rules = loadRules(taxonomy);
  const curation = curationIndex(loadCuration(taxonomy, options.curationDir));
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
