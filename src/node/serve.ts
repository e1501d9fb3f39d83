// Serves the Hono app on Node over one better-sqlite3 store, with the Node pack builder and write actions.
import { createHash } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../http/app.js';
import { createNodePackBuilder } from './pack-builder.js';
import type { PackLimits, PackQueueStats } from './pack-queue.js';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { liveDatabase } from './live-database.js';
import { integrityAtOpen } from './open-database.js';
import { writeLockHolder } from './write-lock.js';
import { DATA_DIR } from './paths.js';
import { nodeWriteActions } from './write-actions.js';
import { closeLiveStreams } from '../http/workshop-live.js';
import { createRateLimiter, DEFAULT_LIMITS, type BucketRule } from '../services/rate-limit.js';
import type { WorkshopRuntime } from '../http/runtime.js';
import type { WorkshopStore } from '../store/workshop-store.js';
import { defaultWorkshopPath, openWorkshopDatabase } from './workshop-database.js';
import { workshopXlsx } from './workshop-xlsx.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /** Pack builds running, waiting, refused and kept (for the bench and tests). */
  packStats(): PackQueueStats;
}

/** What the server takes from the configuration (src/node/config.ts); every value has a default for tests. */
export interface ServerOptions {
  /** Bearer token for the API's writes; writes are off without one. */
  writeToken?: string;
  /** Where a scrape started through the API keeps snapshot bodies (default data/snapshots). */
  snapshotsDir?: string;
  /** Keep recent response bodies in memory (default on). */
  responseCache?: boolean;
  /** The Chromium that prints pack PDFs. */
  chromium?: string;
  /** The researchers' corrections used when API writes classify. */
  curationDir?: string;
  /** The contact URL in the User-Agent of scrapes started through the API. */
  contactUrl?: string;
  /** Bounds on pack builds (concurrency, queue, cache bytes); defaults in pack-queue.ts. */
  packLimits?: PackLimits;
  /** The store's file: the server follows it when replaced, and its API writes take the file's write lock. */
  database?: { path: string; readonly: boolean };
  /** The workshop file ($SBB_WORKSHOP_DB; default beside `database`, else kept in memory). */
  workshopDb?: string;
  /** The workshop rate limits by bucket (defaults in src/services/rate-limit.ts; tests make them small). */
  workshopLimits?: Record<string, BucketRule>;
}

/** Opens the workshop store; where its file cannot be written (a read-only mount) workshops are off, said once. */
async function nodeWorkshops(options: ServerOptions): Promise<{ runtime: WorkshopRuntime; store: WorkshopStore } | undefined> {
  const limits = createRateLimiter({ ...DEFAULT_LIMITS, ...options.workshopLimits });
  const path = options.workshopDb ?? (options.database ? defaultWorkshopPath(options.database.path) : ':memory:');
  let store: WorkshopStore;
  try {
    store = await openWorkshopDatabase(path, { limits });
  } catch (e) {
    process.stderr.write(`note: workshops are off: cannot open ${path} for writing (${(e as Error).message}); set SBB_WORKSHOP_DB to a writable file\n`);
    return undefined;
  }
  return { store, runtime: { store: () => store, token: () => options.writeToken || undefined, limits, xlsx: workshopXlsx } };
}

export async function startServer(store: Store, port: number, hostname: string, options: ServerOptions = {}): Promise<RunningServer> {
  const workshops = await nodeWorkshops(options);
  const packs = createNodePackBuilder({ chromium: options.chromium, limits: options.packLimits });
  const live = options.database ? liveDatabase(store, options.database.path, { readonly: options.database.readonly, log: (line) => process.stderr.write(`${line}\n`) }) : undefined;
  const actions = nodeWriteActions({
    snapshotsDir: options.snapshotsDir ?? join(DATA_DIR, 'snapshots'),
    curationDir: options.curationDir,
    contactUrl: options.contactUrl,
    database: options.database?.path,
    fresh: live ? () => live.fresh() : undefined,
  });
  const path = options.database?.path;
  const database = (s: Store) => ({ ...integrityAtOpen(s), build_running: path ? Boolean(writeLockHolder(path)?.command.startsWith('sbb db build')) : null });
  const app = createApp({ storeFor: () => (live ? live.current() : store), packs, writes: { token: options.writeToken, actions }, responseCache: options.responseCache ?? true, sha1: (body) => createHash('sha1').update(body).digest(), database, workshops: workshops?.runtime });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          packStats: () => packs.stats(),
          close: () => closeLiveStreams().then(() => new Promise<void>((done) => server.close(() => done()))).then(() => Promise.all([packs.close(), live?.close(), workshops?.store.driver.close()])).then(() => undefined),
        });
      });
      server.on('error', reject);
    } catch (e) {
      reject(e);
    }
  });
}
