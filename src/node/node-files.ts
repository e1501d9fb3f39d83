// The services' data-files port on Node: the taxonomy, rules, corrections, reference CSVs, curated files, source
// registry and area SEND reports as they are in data/ (or where the configuration and tests point).
import type { BuildFiles } from '../services/ports.js';
import { classifierInputs } from './classify-offers.js';
import { curatedFiles, dataFingerprint, loadMigrations, loadReferenceBundle, loadSourceRegistry, loadTaxonomy } from './data-files.js';
import { readCuratedBatches } from './import-files.js';
import { importAreaSendReports } from './ofsted-import.js';
import { REPORTS_DIR } from './paths.js';

export interface NodeFilesOptions {
  /** The researchers' corrections (the configuration's curationDir). */
  curationDir?: string;
  /** Curated files to build with (default: every file in data/curated/). */
  curated?: readonly string[];
  /** The corrections to the reference copies (default: data/reference/corrections.csv). */
  referenceCorrections?: string;
  /** Area SEND report PDFs or folders of them (default: data/ofsted-area-send-reports/). */
  reports?: readonly string[];
}

export function nodeFiles(options: NodeFilesOptions = {}): BuildFiles {
  return {
    taxonomy: () => loadTaxonomy(),
    classifierInputs: () => classifierInputs(options.curationDir),
    migrations: () => loadMigrations(),
    referenceBundle: () => loadReferenceBundle(undefined, options.referenceCorrections),
    curatedBatches: () => readCuratedBatches(options.curated ?? curatedFiles()),
    sourceRegistry: (councilCodes) => loadSourceRegistry(councilCodes),
    importReports: (store) => importAreaSendReports(store, options.reports ?? [REPORTS_DIR]),
    fingerprint: () => dataFingerprint(),
  };
}
