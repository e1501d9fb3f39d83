// The crawl queue's consumer: each message is one page of a run, crawled by the shared crawler (robots, retry
// policy, bot detection, conditional requests, adapters) with the Workers fetch and R2. Its host's Durable Object
// gives each request its turn and holds the robots.txt (a page whose host has many waiting goes back to the queue); new links go back on the queue; a failure to retry goes back
// with message.retry after the policy's delay (its retry state kept by the host's object); the last page finishes
// the run: sources' statuses recorded, disappeared offers marked, councils classified (as `sbb scrape` does).
import { shippedAdapters } from '../../scrapers/adapters/all.js';
import { Crawler } from '../../scrapers/crawl/crawler.js';
import { deferFor } from '../../scrapers/crawl/host-gate.js';
import { isFetchError } from '../../scrapers/fetch/fetch-error.js';
import { DEFAULT_RETRY_POLICY, type AttemptState } from '../../scrapers/fetch/retry-policy.js';
import { createWebFetcher } from '../../scrapers/fetch/web-fetcher.js';
import { DEFAULT_UNREACHABLE_TTL_MS, RobotsCache } from '../../scrapers/robots/robots-cache.js';
import { createR2Snapshots } from '../../scrapers/snapshots/r2-snapshots.js';
import type { CrawlItem } from '../domain/index.js';
import type { Fetcher } from '../../scrapers/fetch/fetch-port.js';
import { afterScrape } from '../services/scrape.js';
import { createD1Driver } from '../store/drivers/d1.js';
import { frontierItemOf } from '../store/crawl-store.js';
import { createStore, type Store } from '../store/store.js';
import { workerClassifierFiles } from './classifier-files.js';
import { crawlBindings, crawlSettings, type CrawlMessage, type WorkerEnv } from './env.js';
import { hostObject, type RobotsCopy } from './host-object.js';
import { enqueue } from './scheduled.js';

type HostClient = ReturnType<typeof hostObject>;

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

/** A form post's body travels in its queue message (128 KB at most): a larger one is not sent, and its page says so. */
export const QUEUED_FORM_BYTES = 96 * 1024;

/** How long a host's robots.txt is kept: a day (a weekly refresh reads it afresh, as each Node run does). */
export const ROBOTS_KEEP_MS = 24 * 3600_000;

/** A kept robots.txt still good: a file or a 4xx for a day, an unreachable one for a few minutes. */
const usable = (kept: RobotsCopy | null): kept is RobotsCopy =>
  Boolean(kept && Date.now() - kept.at < (kept.status < 500 ? ROBOTS_KEEP_MS : DEFAULT_UNREACHABLE_TTL_MS));

/** robots.txt read once per host for all consumers: the host's object keeps the copy (an unreachable one for a while). */
function robotsThroughHost(fetcher: Fetcher, host: HostClient): RobotsCache {
  return new RobotsCache(async (robotsUrl) => {
    const kept = await host.robots();
    if (usable(kept)) return kept;
    try {
      const page = await fetcher.fetch({ url: robotsUrl, accept: 'text/plain,*/*;q=0.5' });
      const copy = { status: page.status, body: page.text ?? '', at: Date.now() };
      await host.putRobots(copy);
      return copy;
    } catch (e) {
      if (isFetchError(e) && e.code === 'blocked_address') return { status: 404, body: '' };
      throw e;
    }
  });
}

async function sourceFrontier(db: D1Database, runId: string, sourceId: string): Promise<CrawlItem[]> {
  const rows = await db.prepare('SELECT url, source_id, label, depth, form FROM frontier WHERE run_id = ? AND source_id = ?').bind(runId, sourceId).all<Record<string, string | number | null>>();
  return rows.results.map(frontierItemOf);
}

/** When no page of the run is pending, one consumer (the first to claim it) finishes the run. */
export async function finishIfDone(env: WorkerEnv, store: Store, runId: string, now = new Date()): Promise<boolean> {
  const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM frontier WHERE run_id = ? AND status = 'pending'").bind(runId).first<{ n: number }>();
  if (!left || left.n > 0) return false;
  const claim = await env.DB.prepare("UPDATE runs SET finished_at = ? WHERE id = ? AND status = 'running' AND finished_at IS NULL").bind(now.toISOString(), runId).run();
  if (!claim.meta.changes) return false;
  const done = await env.DB.prepare("SELECT COUNT(*) AS n FROM frontier WHERE run_id = ? AND status = 'done'").bind(runId).first<{ n: number }>();
  const pages = done?.n ?? 0;
  const sources = await store.crawl.finishRun(runId, 'completed', { pages_this_session: pages, trigger: 'cron' }, now);
  const skipped = sources.reduce((n, s) => n + s.pagesSkipped, 0);
  await afterScrape(store, { runId, resumed: false, status: 'completed', pages, skipped, sources }, workerClassifierFiles, now);
  return true;
}

export async function consumeMessage(message: Message<CrawlMessage>, env: WorkerEnv): Promise<void> {
  const { queue, hosts, snapshots } = crawlBindings(env);
  const settings = crawlSettings(env);
  const store = createStore(createD1Driver(env.DB));
  const { runId, ...item } = message.body;
  const row = await env.DB.prepare('SELECT status FROM frontier WHERE run_id = ? AND url = ?').bind(runId, item.url).first<{ status: string }>();
  const source = row?.status === 'pending' ? (await store.crawl.runSources(runId)).find((s) => s.id === item.sourceId) : undefined;
  if (!source) {
    // Already crawled (a link found twice), or no longer part of a run: nothing to do.
    message.ack();
    return;
  }
  const host = hostObject(hosts, hostOf(item.url));
  const later = deferFor(await host.queued(), settings.delayMs);
  if (later) {
    // Enough pages of this host are waiting already: back to the queue (not counted as an attempt) rather than holding
    // this consumer while pages of other hosts wait behind it.
    await queue.send(message.body, { delaySeconds: Math.ceil(later / 1000) });
    message.ack();
    return;
  }
  const key = `${runId} ${item.url}`;
  const state = await host.state(key);
  const fetcher = createWebFetcher({ allowHosts: settings.allowHosts });
  const robots = robotsThroughHost(fetcher, host);
  // robots.txt already read by another consumer: its rules come from the host's object without a request.
  const robotsReady = usable(await host.robots());
  if (robotsReady) await robots.rulesFor(item.url);
  let token: number | undefined;
  const found: CrawlItem[] = [];
  let again: { delayMs: number; state: AttemptState } | undefined;
  const crawler = new Crawler(
    runId,
    new Map([[source.id, source]]),
    { fetcher, robots, snapshots: createR2Snapshots(snapshots), adapters: shippedAdapters(), ports: store.crawl },
    {
      delayMs: settings.delayMs, concurrency: 1, maxPagesPerSource: settings.maxPagesPerSource, retry: DEFAULT_RETRY_POLICY, maxFormBytes: QUEUED_FORM_BYTES,
      handOff: {
        turn: async (_host, delayMs) => void (token = await host.turn(delayMs)),
        turnDone: async (_host, delayMs) => void (token !== undefined && (await host.done(token, delayMs))),
        robotsReady,
        links: (items) => void found.push(...items),
        retry: (_item, delayMs, next) => void (again = { delayMs, state: next }),
        stateOf: () => state,
      },
    },
  );
  crawler.remember(await sourceFrontier(env.DB, runId, source.id));
  await crawler.run([item]);
  if (again) {
    await host.putState(key, again.state);
    message.retry({ delaySeconds: Math.max(1, Math.ceil(again.delayMs / 1000)) });
    return;
  }
  if (state) await host.putState(key, null);
  await enqueue(queue, found.map((f) => ({ ...f, runId })));
  message.ack();
  await finishIfDone(env, store, runId);
}

/** A batch's pages are crawled concurrently; their hosts' objects keep each host's delay. */
export async function consumeBatch(batch: MessageBatch<CrawlMessage>, env: WorkerEnv): Promise<void> {
  await Promise.all(
    batch.messages.map((m) =>
      consumeMessage(m, env).catch((e: unknown) => {
        // Not stored (R2 or D1 failing): the page stays pending and the queue delivers it again.
        console.error(`crawl ${m.body.url}: ${(e as Error).message}`);
        m.retry({ delaySeconds: 30 });
      }),
    ),
  );
}
