// The Node implementations of the API's writes, through the services: import records (validated, written, then
// classified) and start a scrape run in the background, one at a time.
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import { AppError, isAppError } from '../domain/errors.js';
import type { WriteActions } from '../http/write-routes.js';
import { importRecords } from '../services/import-records.js';
import { backgroundScrapes } from '../services/scrape.js';
import type { Store } from '../store/store.js';
import { crawlerSettings } from './config.js';
import { nodeFiles } from './node-files.js';

/** The API answers at most 100 problems of a rejected import (the message gives the total). */
function capProblems(e: unknown): unknown {
  return isAppError(e) && e.problems.length > 100 ? new AppError(e.kind, e.message, { field: e.field, problems: e.problems.slice(0, 100), cause: e, code: e.code }) : e;
}

export function nodeWriteActions(options: { snapshotsDir: string; curationDir?: string; contactUrl?: string }): WriteActions {
  const files = nodeFiles({ curationDir: options.curationDir });
  const scrapes = backgroundScrapes({ run: runScrape, files });
  return {
    async importRecords(store: Store, raws: unknown[]) {
      const batch = { raws: raws.map((value, i) => ({ line: i + 1, value })), problems: [] };
      const { result, classified } = await importRecords(store, [batch], files, { args: { via: 'api' } }).catch((e: unknown) => Promise.reject(capProblems(e)));
      return { ...result, classified: classified?.offers ?? 0 };
    },
    startScrape: (store: Store, request: { councils?: string[]; all?: boolean }) =>
      scrapes
        .start(store, { ...request, snapshotsDir: options.snapshotsDir, settings: crawlerSettings(options) })
        .catch((e: unknown) => Promise.reject(capProblems(e))),
  };
}
