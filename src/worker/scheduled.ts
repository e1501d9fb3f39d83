// The Cron Trigger: starts a scrape run of every due source (never scraped, or not since the refresh interval) and
// puts each source's entry page on the crawl queue. A source in a run still going is not due again; pages of such a
// run left pending for hours (their message lost with a consumer that died) are put on the queue again.
import type { CrawlSource } from '../domain/index.js';
import { frontierItemOf } from '../store/crawl-store.js';
import { createD1Driver } from '../store/drivers/d1.js';
import { createStore } from '../store/store.js';
import { crawlBindings, crawlSettings, type CrawlMessage, type WorkerEnv } from './env.js';

/** Sources whose last scrape run started before `since` (or that were never scraped). */
async function dueSourceIds(db: D1Database, since: string): Promise<Set<string>> {
  const rows = await db
    .prepare(
      `SELECT s.id FROM sources s WHERE NOT EXISTS (
         SELECT 1 FROM run_sources rs JOIN runs r ON r.id = rs.run_id WHERE rs.source_id = s.id AND r.kind = 'scrape' AND r.started_at >= ?)`,
    )
    .bind(since)
    .all<{ id: string }>();
  return new Set(rows.results.map((r) => r.id));
}

/** Sends messages in the queue's largest batches (100). */
export async function enqueue(queue: Queue<CrawlMessage>, messages: CrawlMessage[], delaySeconds?: number): Promise<void> {
  for (let i = 0; i < messages.length; i += 100)
    await queue.sendBatch(messages.slice(i, i + 100).map((body) => ({ body, ...(delaySeconds ? { delaySeconds } : {}) })));
}

export interface ScheduledStart {
  runId: string | null;
  sources: number;
  /** Pages of unfinished scheduled runs queued again. */
  requeued: number;
}

/** Pages pending this long in a scheduled run have lost their message (retries and deferrals take minutes). */
export const STUCK_AFTER_MS = 6 * 3600_000;

async function requeueStuck(db: D1Database, queue: Queue<CrawlMessage>, now: Date): Promise<number> {
  const rows = await db
    .prepare(
      `SELECT f.run_id, f.url, f.source_id, f.label, f.depth, f.form FROM frontier f JOIN runs r ON r.id = f.run_id
        WHERE r.kind = 'scrape' AND r.status = 'running' AND json_extract(r.args, '$.trigger') = 'cron' AND f.status = 'pending' AND f.updated_at < ?`,
    )
    .bind(new Date(now.getTime() - STUCK_AFTER_MS).toISOString())
    .all<Record<string, string | number | null>>();
  const messages = rows.results.map((r) => ({ runId: String(r.run_id), ...frontierItemOf(r) }));
  await enqueue(queue, messages);
  return messages.length;
}

export async function startScheduledRun(env: WorkerEnv, now = new Date()): Promise<ScheduledStart> {
  const { queue } = crawlBindings(env);
  const settings = crawlSettings(env);
  const store = createStore(createD1Driver(env.DB));
  const requeued = await requeueStuck(env.DB, queue, now);
  const due = await dueSourceIds(env.DB, new Date(now.getTime() - settings.refreshIntervalMs).toISOString());
  const sources: CrawlSource[] = (await store.crawl.sourcesFor('all')).filter((s) => due.has(s.id));
  if (!sources.length) return { runId: null, sources: 0, requeued };
  const runId = await store.crawl.startScrapeRun(
    sources,
    { councils: [], all: true, urls: [], trigger: 'cron', settings: { allowHosts: settings.allowHosts, delayMs: settings.delayMs, maxPagesPerSource: settings.maxPagesPerSource } },
    now,
  );
  const pending = await store.crawl.frontierItems(runId, 'pending');
  await enqueue(queue, pending.map((item) => ({ ...item, runId })));
  return { runId, sources: sources.length, requeued };
}
