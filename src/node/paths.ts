// Where the project's data lives on disk. The database path is the configuration's (src/node/config.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the nearest folder above this module with a package.json (the sources or dist/cli/). */
function projectRoot(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder (package.json beside data/) above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(fileURLToPath(import.meta.url));
export const DATA_DIR = join(PROJECT_ROOT, 'data');
export const REFERENCE_DIR = join(DATA_DIR, 'reference');
export const CURATED_DIR = join(DATA_DIR, 'curated');
export const TAXONOMY_FILE = join(DATA_DIR, 'taxonomy', 'taxonomy.json');
export const CLASSIFIER_RULES_FILE = join(DATA_DIR, 'taxonomy', 'classifier-rules.json');
export const CURATION_DIR = join(DATA_DIR, 'curation');
export const REPORTS_DIR = join(DATA_DIR, 'ofsted-area-send-reports');
export const SOURCE_REGISTRY_FILE = join(DATA_DIR, 'sources.csv');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'src', 'store', 'migrations');
