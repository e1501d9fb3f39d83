// Scheduled refresh where it runs: wrangler's bundle of the Worker on Miniflare with D1, a Queue, the per-host Durable
// Object and R2, its Cron handler triggered, crawling the synthetic kb5 site on a loopback fixture server; the
// records, /api/runs and /api/changes agree with a Node scrape of the same site.
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import { nodeFiles } from '../../src/node/node-files.js';
import { afterScrape } from '../../src/services/scrape.js';
import type { Store } from '../../src/store/store.js';
import { kb5Html, kb5Routes, LISTING, servicePath, SERVICES } from '../fixtures/sites/kb5/site.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { EXAMPLESHIRE } from '../support/synthetic-reference.js';
import { comparableOffers, crawlMiniflare, workerAndNodeStores } from '../support/crawl-worker.js';
import { tempDir } from '../support/temp-db.js';
import { bundleWorker, d1Of } from '../support/worker-on-d1.js';

const DELAY_MS = 150;

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An offer as a reader sees it, without what differs between any two runs (ids of runs, times of reading). */
const comparable = (offers: unknown[]) => comparableOffers(offers, /^(run_id|first_seen_at|last_seen_at|recorded_at|updated_at|scraped_at)$/);

const lastRunId = async (store: Store) => String((await store.driver.get("SELECT id FROM runs WHERE kind = 'scrape' ORDER BY started_at DESC LIMIT 1"))!.id);

describe('scheduled refresh on the Worker (Miniflare: Cron, Queue, Durable Objects, R2, D1)', () => {
  const t = tempDir('sbb-scheduled-');
  let server: FixtureServer;
  let mf: Miniflare;
  let d1Store: Store;
  let nodeStore: Store;
  let entry: string;
  let script: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.routes(kb5Routes());
    // The second listing page fails once (503): retried through the queue under the retry policy.
    server.route(LISTING.sr10, { kind: 'sequence', steps: [{ kind: 'status', status: 503 }, { kind: 'static', body: kb5Html('results-bs3-sr10.html') }] });
    entry = server.url + LISTING.sr0;
    script = bundleWorker(t.dir);
    mf = crawlMiniflare(script, DELAY_MS);
    ({ d1Store, nodeStore } = await workerAndNodeStores(mf, t.dir, entry, { kind: 'other', platform: 'idox_kb5' }));
  }, 120_000);

  afterAll(async () => {
    await nodeStore?.driver.close();
    await mf?.dispose();
    await server?.close();
    t.cleanup();
  });

  it('bundles the crawl for Workers without the Node-only fetcher, files or DNS', () => {
    expect(script).toMatch(/HostTurnsObject = class/);
    for (const nodeOnly of [/from\s*"undici"/, /"node:fs(\/promises)?"/, /"node:dns"/, /"node:net"/, /"node:zlib"/]) expect(script).not.toMatch(nodeOnly);
  });

  it('the Cron handler crawls the due source through the queue, politely, into D1, shown at /api/runs and /api/changes', async () => {
    const worker = await mf.getWorker();
    await worker.scheduled({ cron: '0 3 * * 1' });
    const db = await d1Of(mf);
    const run = await until('the scheduled run to finish', async () =>
      (await db.prepare("SELECT id, status, summary FROM runs WHERE kind = 'scrape' AND status != 'running'").first<{ id: string; status: string; summary: string }>()) ?? undefined,
    );
    expect(run.status).toBe('completed');
    // 2 listing pages + 13 services (5 kb5 pages, 1 redesigned, 7 withdrawn: 404), each fetched once; robots.txt once.
    for (const id of Object.values(SERVICES)) expect(server.hits(servicePath(id))).toBe(1);
    expect(server.hits('/robots.txt')).toBe(1);
    expect(server.hits(LISTING.sr10)).toBe(2);
    const retried = await db.prepare('SELECT outcome, attempts FROM frontier WHERE run_id = ? AND url = ?').bind(run.id, server.url + LISTING.sr10).first();
    expect(retried).toEqual({ outcome: 'ok', attempts: 2 });
    // No two requests reached the host closer than its delay, whatever the queue's concurrency.
    const gaps = server.gapsMs('127.0.0.1');
    expect(gaps.length).toBeGreaterThanOrEqual(15);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DELAY_MS - 2);

    // Every body stored in R2 once, by its SHA-256, as the snapshot rows in D1 name them.
    const bucket = await mf.getR2Bucket('SNAPSHOTS');
    const keys = (await bucket.list()).objects.map((o) => o.key).sort();
    const shas = (await db.prepare('SELECT DISTINCT sha256 FROM snapshots WHERE run_id = ? AND byte_length > 0').bind(run.id).all<{ sha256: string }>()).results;
    expect(keys).toEqual(shas.map((r) => `${r.sha256.slice(0, 2)}/${r.sha256}`).sort());
    // 2 listing pages, 5 service pages, the redesigned page and the one body the 7 withdrawn services share (404).
    expect(keys).toHaveLength(9);

    const offers = await d1Store.offersOf(EXAMPLESHIRE);
    expect(offers).toHaveLength(13);

    const runs = (await (await mf.dispatchFetch('http://worker.test/api/runs')).json()) as { data: Array<Record<string, unknown>> };
    const listed = runs.data.find((r) => r.id === run.id);
    expect(listed, JSON.stringify(runs)).toMatchObject({ kind: 'scrape', status: 'completed' });
    const detail = (await (await mf.dispatchFetch(`http://worker.test/api/runs/${run.id}`)).json()) as { data: unknown };
    // Each source's status, as a Node run records it: the redesigned page is a layout change.
    expect(detail.data).toMatchObject({ status: 'completed', summary: { pages_this_session: 15 }, sources: [{ council_code: EXAMPLESHIRE, status: 'layout_changed', pages: 15, records: 18 }] });

    const changes = (await (await mf.dispatchFetch(`http://worker.test/api/changes?council=${EXAMPLESHIRE}&_size=max`)).json()) as { data: Array<Record<string, unknown>> };
    expect(changes.data).toHaveLength(13);
    expect(new Set(changes.data.map((r) => r.change))).toEqual(new Set(['appeared']));

    // Not due again within the refresh interval: the next trigger starts nothing.
    await worker.scheduled({ cron: '0 3 * * 1' });
    await new Promise((r) => setTimeout(r, 500));
    expect((await db.prepare("SELECT COUNT(*) AS n FROM runs WHERE kind = 'scrape'").first<{ n: number }>())!.n).toBe(1);
  }, 120_000);

  it('refreshes a source once its interval has passed, and the change feed shows what changed', async () => {
    const worker = await mf.getWorker();
    const db = await d1Of(mf);
    // A week on: the Saturday club now charges £3 an hour.
    await db.prepare("UPDATE runs SET started_at = '2026-01-01T00:00:00.000Z' WHERE kind = 'scrape'").run();
    server.route(servicePath(SERVICES.saturdayClub), { kind: 'static', body: kb5Html(`service-${SERVICES.saturdayClub}.html`).replace('£2 per hour', '£3 per hour') });
    await worker.scheduled({ cron: '0 3 * * 1' });
    await until('the second run to finish', async () =>
      (await db.prepare("SELECT COUNT(*) AS n FROM runs WHERE kind = 'scrape' AND status = 'completed'").first<{ n: number }>())!.n === 2 ? true : undefined,
    );
    const changes = (await (await mf.dispatchFetch(`http://worker.test/api/changes?council=${EXAMPLESHIRE}&type=changed`)).json()) as { data: Array<Record<string, unknown>> };
    expect(changes.data).toHaveLength(1);
    expect(changes.data[0]).toMatchObject({ offer: 'Sparkle Saturday Club', change: 'changed' });
    expect(String(changes.data[0]!.what)).toMatch(/£3/);
  }, 120_000);

  it('queues again the pages of a scheduled run left pending for hours, and finishes that run', async () => {
    const worker = await mf.getWorker();
    const db = await d1Of(mf);
    const source = (await db.prepare('SELECT source_id FROM run_sources LIMIT 1').first<{ source_id: string }>())!.source_id;
    const stuck = 'run_scrape_20260101T000000Z_5tuck000';
    const old = '2026-01-01T00:00:00.000Z';
    await db.batch([
      db.prepare("INSERT INTO runs (id, kind, status, started_at, args) VALUES (?, 'scrape', 'running', ?, ?)").bind(stuck, new Date().toISOString(), JSON.stringify({ trigger: 'cron' })),
      db.prepare("INSERT INTO run_sources (run_id, source_id, adapter) VALUES (?, ?, 'kb5')").bind(stuck, source),
      db.prepare("INSERT INTO frontier (run_id, url, source_id, label, depth, status, updated_at) VALUES (?, ?, ?, 'entry', 0, 'pending', ?)").bind(stuck, entry, source, old),
    ]);
    await worker.scheduled({ cron: '0 3 * * 1' });
    const finished = await until('the stuck run to finish', async () =>
      (await db.prepare("SELECT status FROM runs WHERE id = ? AND status != 'running'").bind(stuck).first<{ status: string }>()) ?? undefined,
    );
    expect(finished.status).toBe('completed');
    // The source was in a run started just now, so no other run began.
    expect((await db.prepare("SELECT COUNT(*) AS n FROM runs WHERE kind = 'scrape'").first<{ n: number }>())!.n).toBe(3);
  }, 120_000);

  it('gives the same records as the Node scrape of the same site', async () => {
    const r = await runScrape(nodeStore, { councils: [EXAMPLESHIRE], snapshotsDir: join(t.dir, 'snapshots'), settings: { allowHosts: ['127.0.0.1'], delayMs: DELAY_MS } });
    await afterScrape(nodeStore, r, nodeFiles());
    expect(r.pages).toBe(15);
    const fromNode = comparable(await nodeStore.offersOf(EXAMPLESHIRE));
    const fromWorker = comparable(await d1Store.offersOf(EXAMPLESHIRE));
    expect(fromNode).toHaveLength(13);
    expect(fromWorker).toEqual(fromNode);
    // The run's sources end with the same status, pages and records on both.
    const workerRun = await d1Store.crawl.sourceSummaries(await lastRunId(d1Store));
    const strip = (xs: Array<Record<string, unknown>>) => xs.map(({ sourceId: _s, ...rest }) => rest);
    expect(strip(workerRun as never)).toEqual(strip(r.sources as never));
  }, 120_000);
});
