// Serves the Hono app on Node over one better-sqlite3 store, until SIGINT or SIGTERM.
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../api/app.js';
import { createNodePackBuilder } from '../pack/node-pack-builder.js';
import type { Store } from '../store/store.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(store: Store, port: number, hostname: string): Promise<RunningServer> {
  const packs = createNodePackBuilder();
  const app = createApp({ storeFor: () => store, packs });
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
