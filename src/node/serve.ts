// Serves the Hono app on Node over one better-sqlite3 store, until SIGINT or SIGTERM.
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../http/app.js';
import { createNodePackBuilder } from './pack-builder.js';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { DATA_DIR } from './paths.js';
import { nodeWriteActions } from './write-actions.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Bearer token for the API's writes; default $SBB_WRITE_TOKEN; writes are off without one. */
  writeToken?: string;
  /** Where a scrape started through the API keeps snapshot bodies. */
  snapshotsDir?: string;
}

export function startServer(store: Store, port: number, hostname: string, options: ServerOptions = {}): Promise<RunningServer> {
  const packs = createNodePackBuilder();
  const writes = { token: options.writeToken ?? process.env.SBB_WRITE_TOKEN, actions: nodeWriteActions({ snapshotsDir: options.snapshotsDir ?? join(DATA_DIR, 'snapshots') }) };
  const app = createApp({ storeFor: () => store, packs, writes, responseCache: process.env.SBB_RESPONSE_CACHE !== 'off' });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())).then(() => packs.close()),
        });
      });
      server.on('error', reject);
    } catch (e) {
      reject(e);
    }
  });
}
