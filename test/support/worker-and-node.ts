// The same data served twice, for parity tests: the Worker bundle on Miniflare's D1 and the Node server on better-sqlite3,
// each loaded by `load`, started before the suite's tests and closed after them.
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { createStore, type Store } from '../../src/store/store.js';
import { tempDir } from './temp-db.js';
import { bundleWorker, d1Of, workerOnD1 } from './worker-on-d1.js';

export interface WorkerAndNode {
  mf: Miniflare;
  node: RunningServer;
  nodeStore: Store;
}

/** Call inside a describe: the returned object's fields are set once its beforeAll has run. */
export function workerAndNode(prefix: string, load: (store: Store) => Promise<void>): WorkerAndNode {
  const t = tempDir(prefix);
  const pair = {} as WorkerAndNode;
  beforeAll(async () => {
    pair.mf = workerOnD1(bundleWorker(t.dir));
    await load(createStore(createD1Driver(await d1Of(pair.mf))));
    pair.nodeStore = createStore(createBetterSqliteDriver(join(t.dir, 'node.sqlite')));
    await load(pair.nodeStore);
    pair.node = await startServer(pair.nodeStore, 0, '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await pair.node?.close();
    await pair.nodeStore?.driver.close();
    await pair.mf?.dispose();
    t.cleanup();
  });
  return pair;
}
