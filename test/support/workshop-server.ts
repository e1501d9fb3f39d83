// A real Node server on 127.0.0.1 for workshop tests: the database built from data/ opened as `sbb serve` opens it
// (read-only without a write token), and the workshop file of its own beside it. Call inside a describe block.
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import type { BucketRule } from '../../src/services/rate-limit.js';
import type { Store } from '../../src/store/store.js';
import { builtDb } from './temp-db.js';

export const WORKSHOP_TOKEN = 'workshop-test-token';

export interface WorkshopServer {
  url: string;
  /** The main database file and the workshop file beside it. */
  dbPath: string;
  workshopPath: string;
  dir: string;
  server: RunningServer;
  store: Store;
  /** Stops the server and starts it again over the same files (e.g. after `sbb db build --fresh`). */
  restart(options?: { writeToken?: string }): Promise<void>;
}

export interface WorkshopServerOptions {
  /** The bearer token that may create workshops (default WORKSHOP_TOKEN); '' serves as `sbb serve` does without one. */
  writeToken?: string;
  workshopLimits?: Record<string, BucketRule>;
}

export function workshopServer(options: WorkshopServerOptions = {}): WorkshopServer {
  const ctx = {} as WorkshopServer & { cleanup: () => void };
  const start = async (writeToken: string) => {
    // As `sbb serve`: the main file read-only unless writes are on.
    ctx.store = await openDatabase(ctx.dbPath, { readonly: !writeToken });
    ctx.server = await startServer(ctx.store, 0, '127.0.0.1', {
      writeToken,
      database: { path: ctx.dbPath, readonly: !writeToken },
      workshopDb: ctx.workshopPath,
      workshopLimits: options.workshopLimits,
    });
    ctx.url = ctx.server.url;
  };
  const stop = async () => {
    await ctx.server?.close();
    await ctx.store?.driver.close();
  };
  ctx.restart = async (o = {}) => {
    await stop();
    await start(o.writeToken ?? options.writeToken ?? WORKSHOP_TOKEN);
  };
  beforeAll(async () => {
    const db = await builtDb();
    ctx.dir = db.dir;
    ctx.dbPath = db.path;
    ctx.workshopPath = join(db.dir, 'sbb.workshops.sqlite');
    ctx.cleanup = db.cleanup;
    await start(options.writeToken ?? WORKSHOP_TOKEN);
  }, 120_000);
  afterAll(async () => {
    await stop();
    ctx.cleanup?.();
  });
  return ctx;
}
