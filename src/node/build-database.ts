// Builds or refreshes the SQLite database from data/: migrations, taxonomy, reference data and curated facts.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { migrate } from '../store/migrate.js';
import { createStore, type StoreCounts } from '../store/store.js';
import { curatedFiles, dataFingerprint, loadMigrations, loadReferenceBundle, loadSourceRegistry, loadTaxonomy } from './data-files.js';
import { importCuratedFiles } from './import-files.js';
import { openDatabase } from './open-database.js';
import { importAreaSendReports } from './ofsted-import.js';
import { classifyCouncils } from './classify-offers.js';
import { REPORTS_DIR } from './paths.js';
import { UserError } from '../domain/errors.js';

export interface BuildResult {
  path: string;
  created: boolean;
  counts: StoreCounts;
  migrations_applied: string[];
  seconds: number;
}

/**
 * Without `fresh`, an existing database is migrated and its reference data and curated facts refreshed in place
 * (scraped data is kept). A new or fresh database is built beside the target and renamed over it only when
 * complete, so a failed build never leaves a half-built file behind.
 */
export async function buildDatabase(path: string, options: { fresh?: boolean; curated?: readonly string[]; reports?: readonly string[] } = {}): Promise<BuildResult> {
  const started = performance.now();
  const taxonomy = loadTaxonomy();
  const bundle = loadReferenceBundle();
  const files = options.curated ?? curatedFiles();
  const create = options.fresh || !existsSync(path);
  const target = create ? `${path}.building-${process.pid}` : path;
  if (create) rmSync(target, { force: true });
  const store = create ? createStore(createBetterSqliteDriver(target)) : await openDatabase(path, { migrate: true });
  try {
    const applied = await migrate(store.driver, loadMigrations());
    await store.loadReference(bundle, taxonomy);
    if (files.length) await importCuratedFiles(store, files, taxonomy);
    await store.crawl.loadSourceRegistry(loadSourceRegistry(new Set(bundle.councils.map((c) => c.code))));
    const reports = await importAreaSendReports(store, options.reports ?? [REPORTS_DIR]);
    if (reports.failed.length) throw new UserError(`area SEND reports that cannot be read:\n${reports.failed.map((f) => `  ${f.message}`).join('\n')}`);
    await classifyCouncils(store, 'all');
    await store.setMeta({ built_at: new Date().toISOString(), data_fingerprint: dataFingerprint(), taxonomy_version: taxonomy.version });
    const counts = await store.counts();
    await store.driver.close();
    if (create) {
      for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
      renameSync(target, path);
    }
    return { path, created: create, counts, migrations_applied: applied, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    await store.driver.close().catch(() => undefined);
    if (create) for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    throw e;
  }
}

