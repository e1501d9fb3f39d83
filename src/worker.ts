// Cloudflare Workers entry: the same Hono app over the D1 binding passed in by the runtime (env.DB).
import { createApp } from './http/app.js';
import { createD1Driver } from './store/drivers/d1.js';
import { createStore } from './store/store.js';
import { createRateLimiter } from './services/rate-limit.js';
import { createWorkshopStore } from './store/workshop-store.js';

export interface WorkerEnv {
  DB: D1Database;
  /** A secret (wrangler secret put SBB_WRITE_TOKEN): who may create workshops here; creating is off without it. */
  SBB_WRITE_TOKEN?: string;
}

/** Workshop rate limits in this isolate's memory: best effort on Workers, where each isolate keeps its own. */
const limits = createRateLimiter();

const app = createApp<WorkerEnv>({
  storeFor: (env) => createStore(createD1Driver(env.DB)),
  workshops: {
    store: (env) => createWorkshopStore(createD1Driver((env as WorkerEnv).DB), { limits }),
    token: (env) => (env as WorkerEnv).SBB_WRITE_TOKEN || undefined,
    limits,
  },
});

export default app;
