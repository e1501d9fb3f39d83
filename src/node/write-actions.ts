// The Node implementations of the API's writes, through the services: import records (validated, written, then
// classified) and start a scrape run in the background, one at a time.
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import { isAppError } from '../domain/errors.js';
import { WriteRejected, type WriteActions } from '../http/write-routes.js';
import { importRecords } from '../services/import-records.js';
import { backgroundScrapes } from '../services/scrape.js';
import type { Store } from '../store/store.js';
import { crawlerSettings } from './config.js';
import { nodeFiles } from './node-files.js';

/** An AppError from a service as the write routes answer it (400, 404 or 409, naming the fields). */
function rejected(e: unknown): unknown {
  if (!isAppError(e) || !['invalid', 'not_found', 'conflict'].includes(e.kind)) return e;
  const status = e.kind === 'conflict' ? 409 : e.kind === 'not_found' ? 404 : 400;
  return new WriteRejected(e.message, e.problems.slice(0, 100), status);
}

export function nodeWriteActions(options: { snapshotsDir: string; curationDir?: string; contactUrl?: string }): WriteActions {
  const files = nodeFiles({ curationDir: options.curationDir });
  const scrapes = backgroundScrapes({ run: runScrape, files });
  return {
    async importRecords(store: Store, raws: unknown[]) {
      const batch = { raws: raws.map((value, i) => ({ line: i + 1, value })), problems: [] };
      const { result, classified } = await importRecords(store, [batch], files, { args: { via: 'api' } }).catch((e: unknown) => Promise.reject(rejected(e)));
      return { ...result, classified: classified?.offers ?? 0 };
    },
    startScrape: (store: Store, request: { councils?: string[]; all?: boolean }) =>
      scrapes
        .start(store, { ...request, snapshotsDir: options.snapshotsDir, settings: crawlerSettings(options) })
        .catch((e: unknown) => Promise.reject(rejected(e))),
  };
}
