// Fills a database from the project's data: schema, taxonomy and reference data, curated records, the source
// registry, the area SEND reports, then classifies every offer. The data files are handed in (BuildFiles).
import { invalid } from '../domain/errors.js';
import { migrate } from '../store/migrate.js';
import type { Store, StoreCounts } from '../store/store.js';
import { classifyStoredOffers } from './classify.js';
import { importRecords } from './import-records.js';
import type { BuildFiles } from './ports.js';

export interface PopulateResult {
  counts: StoreCounts;
  migrations_applied: string[];
}

/** Works on a new database and on an existing one alike: reference data and curated records are replaced, scraped data kept. */
export async function populateDatabase(store: Store, files: BuildFiles, now = new Date()): Promise<PopulateResult> {
  const taxonomy = files.taxonomy();
  const bundle = files.referenceBundle();
  const applied = await migrate(store.driver, files.migrations());
  await store.loadReference(bundle, taxonomy);
  const batches = files.curatedBatches();
  if (batches.length) await importRecords(store, batches, files, { args: { files: batches.map((b) => b.file) } });
  await store.crawl.loadSourceRegistry(files.sourceRegistry(new Set(bundle.councils.map((c) => c.code))));
  const reports = await files.importReports(store);
  if (reports.failed.length) throw invalid('reports', `area SEND reports that cannot be read:\n${reports.failed.map((f) => `  ${f.message}`).join('\n')}`);
  await classifyStoredOffers(store, 'all', files.classifierInputs());
  await store.setMeta({ build_state: 'complete', built_at: now.toISOString(), data_fingerprint: files.fingerprint(), taxonomy_version: taxonomy.version });
  return { counts: await store.counts(), migrations_applied: applied };
}
