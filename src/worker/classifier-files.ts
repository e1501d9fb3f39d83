// What classification reads on the Worker: the shipped taxonomy and classifier rules, bundled with the script. The
// researchers' corrections (data/curation/*.json, none shipped) are not bundled: offers are classified by the rules.
import rulesJson from '../../data/taxonomy/classifier-rules.json' with { type: 'json' };
import { loadClassifierRules } from '../classify/classify-rules.js';
import { TAXONOMY } from '../domain/taxonomy.js';
import type { ClassifierFiles } from '../services/ports.js';

export const workerClassifierFiles: ClassifierFiles = {
  taxonomy: () => TAXONOMY,
  classifierInputs: () => ({ taxonomy: TAXONOMY, rules: loadClassifierRules(rulesJson, TAXONOMY), curation: [] }),
};
