// Reads what classification needs from data/ (the rules and the researchers' corrections) and classifies stored
// offers with them through the classify service.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaxonomyIndex } from '../domain/index.js';
import { AppError } from '../domain/errors.js';
import { loadClassifierRules, type ClassifierRules } from '../classify/classify-rules.js';
import { readCurationFile, type Correction } from '../classify/curation.js';
import { classifyStoredOffers, type ClassifyOptions, type ClassifyResult } from '../services/classify.js';
import type { ClassifierInputs } from '../services/ports.js';
import type { Store } from '../store/store.js';
import { loadTaxonomy } from './data-files.js';
import { CLASSIFIER_RULES_FILE, CURATION_DIR } from './paths.js';

export type { ClassifyResult } from '../services/classify.js';

export function loadRules(taxonomy: TaxonomyIndex, file = CLASSIFIER_RULES_FILE): ClassifierRules {
  try {
    return loadClassifierRules(JSON.parse(readFileSync(file, 'utf8')), taxonomy);
  } catch (e) {
    throw new AppError('invalid', `${file}: not valid classifier rules: ${(e as Error).message}`, { cause: e });
  }
}

/** Every correction in the curation folder; a bad file stops with its name, the correction and the field. */
export function loadCuration(taxonomy: TaxonomyIndex, dir = CURATION_DIR): Correction[] {
  if (!existsSync(dir)) return [];
  const out: Correction[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new AppError('invalid', `${path}: not valid JSON: ${(e as Error).message}`, { cause: e });
    }
    const { corrections, problems } = readCurationFile(raw, taxonomy);
    if (problems.length) throw new AppError('invalid', `${path}: ${problems.join('; ')}`);
    out.push(...corrections);
  }
  return out;
}

/** The taxonomy, the rules and the corrections in `curationDir` (the configuration's, data/curation/ by default). */
export function classifierInputs(curationDir = CURATION_DIR): ClassifierInputs {
  const taxonomy = loadTaxonomy();
  return { taxonomy, rules: loadRules(taxonomy), curation: loadCuration(taxonomy, curationDir) };
}

/** Classifies the offers of these councils (or all) with the rules and corrections in data/. */
export function classifyCouncils(store: Store, councils: readonly string[] | 'all', options: ClassifyOptions & { curationDir?: string } = {}): Promise<ClassifyResult> {
  return classifyStoredOffers(store, councils, classifierInputs(options.curationDir), options);
}
