// Reads the project's data files: migrations, taxonomy, reference CSVs, curated files; and fingerprints them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { TAXONOMY, type TaxonomyIndex } from '../domain/index.js';
import { AppError } from '../domain/errors.js';
import { buildReferenceBundle, REFERENCE_FILES, type ReferenceFile } from '../reference/build-bundle.js';
import { CORRECTIONS_FILE } from '../reference/corrections.js';
import type { ReferenceBundle } from '../domain/reference-bundle.js';
import type { CsvRow } from '../reference/areas.js';
import type { Migration } from '../store/migrate.js';
import { readSourceRegistry, type RegistrySource } from '../reference/source-registry.js';
import { CURATED_DIR, MIGRATIONS_DIR, REFERENCE_DIR, REPORTS_DIR, SOURCE_REGISTRY_FILE, TAXONOMY_FILE } from './paths.js';

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** The shipped taxonomy, as src/domain/taxonomy.ts loads and checks it once (the same object the Worker reads). */
export function loadTaxonomy(): TaxonomyIndex {
  return TAXONOMY;
}

export function readCsvFile(file: string): CsvRow[] {
  try {
    return parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
  } catch (e) {
    throw new AppError('invalid', `${file}: cannot read CSV: ${(e as Error).message}`, { cause: e });
  }
}

/** The corrections to the reference copies that a build applies (see src/reference/corrections.ts). */
export const REFERENCE_CORRECTIONS_FILE = join(REFERENCE_DIR, CORRECTIONS_FILE);

/** The reference copies in `dir`, with the corrections in `correctionsFile` applied (none when the file is missing). */
export function loadReferenceBundle(dir = REFERENCE_DIR, correctionsFile = join(dir, CORRECTIONS_FILE)): ReferenceBundle {
  const files = Object.fromEntries(REFERENCE_FILES.map((f) => [f, readCsvFile(join(dir, f))])) as Record<ReferenceFile, CsvRow[]>;
  const corrections = existsSync(correctionsFile) ? { file: correctionsFile, rows: readCsvFile(correctionsFile) } : undefined;
  return buildReferenceBundle(files, corrections);
}

/** The curated files shipped in data/curated/, in name order. */
export function curatedFiles(dir = CURATED_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(json|csv)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** A hash of every input a build reads, so a server can tell that its database is older than the data. */
export function dataFingerprint(): string {
  const h = createHash('sha256');
  const reports = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(REPORTS_DIR, f));
  const corrections = existsSync(REFERENCE_CORRECTIONS_FILE) ? [REFERENCE_CORRECTIONS_FILE] : [];
  const files = [TAXONOMY_FILE, SOURCE_REGISTRY_FILE, ...REFERENCE_FILES.map((f) => join(REFERENCE_DIR, f)), ...corrections, ...curatedFiles(), ...reports, ...loadMigrations().map((m) => m.name)];
  for (const f of files) {
    h.update(basename(f));
    if (f.includes('/')) h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

/** The source registry's sources; a bad row stops the build with the file, line and field named. */
export function loadSourceRegistry(councilCodes: ReadonlySet<string>, file = SOURCE_REGISTRY_FILE): RegistrySource[] {
  const { sources, problems } = readSourceRegistry(readCsvFile(file), councilCodes);
  if (problems.length) throw new AppError('invalid', `${file}: ${problems.length} bad row${problems.length === 1 ? '' : 's'}:\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}`);
  return sources;
}
