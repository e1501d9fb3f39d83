// Cloudflare Workers entry: the same Hono app over the D1 binding passed in by the runtime (env.DB).
import { createApp } from './http/app.js';
import { createD1Driver } from './store/drivers/d1.js';
import { createStore } from './store/store.js';

export interface WorkerEnv {
  DB: D1Database;
}

const app = createApp<WorkerEnv>({ storeFor: (env) => createStore(createD1Driver(env.DB)) });

export default app;
