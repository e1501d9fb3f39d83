// Where the project's data lives on disk, and the default database path (SBB_DB overrides it).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = join(PROJECT_ROOT, 'data');
export const REFERENCE_DIR = join(DATA_DIR, 'reference');
export const CURATED_DIR = join(DATA_DIR, 'curated');
export const TAXONOMY_FILE = join(DATA_DIR, 'taxonomy', 'taxonomy.json');
export const CLASSIFIER_RULES_FILE = join(DATA_DIR, 'taxonomy', 'classifier-rules.json');
export const CURATION_DIR = join(DATA_DIR, 'curation');
export const REPORTS_DIR = join(DATA_DIR, 'ofsted-area-send-reports');
export const SOURCE_REGISTRY_FILE = join(DATA_DIR, 'sources.csv');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'src', 'store', 'migrations');
export const DEFAULT_DB = join(DATA_DIR, 'sbb.sqlite');

/** The database path: an explicit --db, else SBB_DB, else data/sbb.sqlite. */
export function dbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.SBB_DB ?? DEFAULT_DB);
}
