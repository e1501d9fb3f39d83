// Cloudflare Workers entry: the same Hono app over the D1 binding passed in by the runtime (env.DB); with the crawl
// bindings, scheduled refresh too: the Cron Trigger starts a run, the queue consumer crawls it, one object per host;
// workshops keep their tables in the same D1.
import { createApp } from './http/app.js';
import { createD1Driver } from './store/drivers/d1.js';
import { createStore } from './store/store.js';
import { createRateLimiter } from './services/rate-limit.js';
import { createWorkshopStore } from './store/workshop-store.js';
import { consumeBatch } from './worker/consumer.js';
import type { CrawlMessage, WorkerEnv } from './worker/env.js';
import { startScheduledRun } from './worker/scheduled.js';

export type { WorkerEnv } from './worker/env.js';
export { HostTurnsObject } from './worker/host-object.js';

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

export default {
  fetch: (request: Request, env: WorkerEnv, ctx: ExecutionContext) => app.fetch(request, env, ctx),
  scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext) {
    ctx.waitUntil(
      startScheduledRun(env).then((r) =>
        console.log(`${r.runId ? `scheduled run ${r.runId}: ${r.sources} source(s) queued` : 'scheduled run: no source due'}${r.requeued ? `; ${r.requeued} stuck page(s) queued again` : ''}`),
      ),
    );
  },
  queue: (batch: MessageBatch<CrawlMessage>, env: WorkerEnv) => consumeBatch(batch, env),
} satisfies ExportedHandler<WorkerEnv, CrawlMessage>;
