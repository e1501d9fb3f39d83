// The Node implementations of the API's writes, through the services: import records (validated, written, then
// classified) and start a scrape run in the background, one at a time.
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import { AppError, isAppError } from '../domain/errors.js';
import type { WriteActions } from '../http/write-routes.js';
import { importRecords } from '../services/import-records.js';
import { backgroundScrapes } from '../services/scrape.js';
import type { Store } from '../store/store.js';
import { crawlerSettings } from './config.js';
import { storageError } from './database-health.js';
import { nodeFiles } from './node-files.js';
import { acquireWriteLock } from './write-lock.js';

/** The API answers at most 100 problems of a rejected import (the message gives the total). */
function capProblems(e: unknown): unknown {
  return isAppError(e) && e.problems.length > 100 ? new AppError(e.kind, e.message, { field: e.field, problems: e.problems.slice(0, 100), cause: e, code: e.code }) : e;
}

export interface NodeWriteOptions {
  snapshotsDir: string;
  curationDir?: string;
  contactUrl?: string;
  /** The database file: an import takes its write lock, so one refused while a build or another writer runs is a 409. */
  database?: string;
  /** The store after any reopen of a replaced file (see live-database.ts): writes go to the file now at the path. */
  fresh?: () => Promise<Store>;
}

export function nodeWriteActions(options: NodeWriteOptions): WriteActions {
  const files = nodeFiles({ curationDir: options.curationDir });
  // A scrape started through the API holds the write lock while it crawls (a build or `sbb import` then waits or
  // is told who writes); refused at once, before it starts, when another process holds it.
  const lockedScrape: typeof runScrape = async (store, request) => {
    const release = options.database ? acquireWriteLock(options.database, 'sbb serve (POST /api/scrape)') : () => undefined;
    try {
      return await runScrape(store, request);
    } finally {
      release();
    }
  };
  const scrapes = backgroundScrapes({ run: lockedScrape, files });
  return {
    async importRecords(given: Store, raws: unknown[]) {
      const release = options.database ? acquireWriteLock(options.database, 'sbb serve (POST /api/import)') : () => undefined;
      try {
        const store = options.fresh ? await options.fresh() : given;
        const batch = { raws: raws.map((value, i) => ({ line: i + 1, value })), problems: [] };
        const { result, classified } = await importRecords(store, [batch], files, { args: { via: 'api' } }).catch((e: unknown) =>
          Promise.reject(storageError(options.database ?? 'the database', e) ?? capProblems(e)),
        );
        return { ...result, classified: classified?.offers ?? 0 };
      } finally {
        release();
      }
    },
    async startScrape(given: Store, request: { councils?: string[]; all?: boolean }) {
      const store = options.fresh ? await options.fresh() : given;
      return scrapes
        .start(store, { ...request, snapshotsDir: options.snapshotsDir, settings: crawlerSettings(options) })
        .catch((e: unknown) => Promise.reject(capProblems(e)));
    },
  };
}
