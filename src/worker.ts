// Cloudflare Workers entry: the same Hono app over the D1 binding passed in by the runtime (env.DB); with the crawl
// bindings, scheduled refresh too: the Cron Trigger starts a run, the queue consumer crawls it, one object per host.
import { createApp } from './http/app.js';
import { createD1Driver } from './store/drivers/d1.js';
import { createStore } from './store/store.js';
import { consumeBatch } from './worker/consumer.js';
import type { CrawlMessage, WorkerEnv } from './worker/env.js';
import { startScheduledRun } from './worker/scheduled.js';

export type { WorkerEnv } from './worker/env.js';
export { HostTurnsObject } from './worker/host-object.js';

const app = createApp<WorkerEnv>({ storeFor: (env) => createStore(createD1Driver(env.DB)) });

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
