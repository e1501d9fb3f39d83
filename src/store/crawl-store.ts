// Store methods for crawl runs: sources to crawl, the frontier, per-page results written atomically, summaries.
import { ADAPTER_FOR_PLATFORM, type CrawlItem, type CrawlSource, type ItemResult, type Platform, type Source, type SourceKind, type SourceStatus, type SourceSummary } from '../domain/index.js';
import { newRunId, sourceIdFor } from './ids.js';
import { fromJson, toJson } from './json-column.js';
import { recordStatements } from './record-writes.js';
import type { SqlDriver, SqlStatement } from './sql-driver.js';

type Row = Record<string, string | number | null>;

/** The adapter a source's platform implies; without a platform, PDFs and statements get the statement adapters. */
export const adapterFor = (platform: string | null, kind: string) =>
  platform ? (ADAPTER_FOR_PLATFORM[platform] ?? 'snapshot') : kind === 'pdf' ? 'pdf_statement' : kind === 'statement' ? 'statement' : 'auto';

const sourceFromRow = (r: Row): CrawlSource => ({
  id: String(r.id),
  url: String(r.url),
  council_code: (r.council_code as string | null) ?? null,
  kind: r.kind as SourceKind,
  platform: (r.platform as Platform | null) ?? null,
  title: (r.title as string | null) ?? null,
  notes: (r.notes as string | null) ?? null,
  adapter: adapterFor((r.platform as string | null) ?? null, String(r.kind)),
});

/** A frontier row as the crawler takes it: a form post's with its body (migrations/0010_frontier_form.sql). */
export const frontierItemOf = (r: Row): CrawlItem => ({
  url: String(r.url), sourceId: String(r.source_id), label: String(r.label), depth: Number(r.depth), ...(r.form == null ? {} : { form: String(r.form) }),
});

/** What adding a source takes: its URL, council, kind and platform, and a title if known. */
export type NewSource = Pick<Source, 'url' | 'council_code' | 'kind' | 'platform'> & { title?: string | null };

const CRAWLABLE = "entry_point = 1 AND kind NOT IN ('reference_data', 'file')";

export function crawlStore(db: SqlDriver) {
  return {
    async sourcesFor(councils: readonly string[] | 'all'): Promise<CrawlSource[]> {
      if (councils === 'all') return (await db.all<Row>(`SELECT * FROM sources WHERE ${CRAWLABLE} AND council_code IS NOT NULL ORDER BY council_code, url`)).map(sourceFromRow);
      const out: CrawlSource[] = [];
      for (const code of councils)
        out.push(...(await db.all<Row>(`SELECT * FROM sources WHERE ${CRAWLABLE} AND council_code = ? ORDER BY url`, [code])).map(sourceFromRow));
      return out;
    },

    /** Adds (or updates) a source by URL and returns it. */
    async addSource(s: NewSource, now = new Date()): Promise<CrawlSource> {
      const id = await sourceIdFor(s.url);
      await db.run(
        `INSERT INTO sources (id, url, council_code, kind, platform, title, notes, first_seen_at, entry_point) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 1)
         ON CONFLICT(id) DO UPDATE SET entry_point = 1, council_code = COALESCE(excluded.council_code, sources.council_code), kind = excluded.kind,
         platform = COALESCE(excluded.platform, sources.platform), title = COALESCE(excluded.title, sources.title)`,
        [id, s.url, s.council_code, s.kind, s.platform, s.title ?? null, now.toISOString()],
      );
      return sourceFromRow((await db.get<Row>('SELECT * FROM sources WHERE id = ?', [id]))!);
    },

    /** Loads the source registry: each URL upserted with its kind, platform, title and notes, in one batch. */
    async loadSourceRegistry(rows: ReadonlyArray<Omit<Source, 'id'>>, now = new Date()): Promise<void> {
      const statements: SqlStatement[] = [];
      for (const r of rows)
        statements.push({
          sql: `INSERT INTO sources (id, url, council_code, kind, platform, title, notes, first_seen_at, entry_point) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT(id) DO UPDATE SET entry_point = 1, council_code = excluded.council_code, kind = excluded.kind,
                platform = COALESCE(excluded.platform, sources.platform), title = COALESCE(excluded.title, sources.title), notes = excluded.notes`,
          params: [await sourceIdFor(r.url), r.url, r.council_code, r.kind, r.platform, r.title, r.notes, now.toISOString()],
        });
      await db.batch(statements);
    },

    /** Records the platform detected from a source's first page: on the source (if it had none) and the run. */
    async recordDetection(runId: string, sourceId: string, platform: string, adapter: string): Promise<void> {
      await db.batch([
        { sql: 'UPDATE sources SET platform = COALESCE(platform, ?) WHERE id = ?', params: [platform, sourceId] },
        { sql: 'UPDATE run_sources SET adapter = ? WHERE run_id = ? AND source_id = ?', params: [adapter, runId, sourceId] },
      ]);
    },

    /** Creates a scrape run with every source's entry URL in its frontier, in one batch. */
    async startScrapeRun(sources: readonly CrawlSource[], args: Record<string, unknown>, now = new Date()): Promise<string> {
      const runId = newRunId('scrape', now);
      const stamp = now.toISOString();
      const statements: SqlStatement[] = [
        { sql: 'INSERT INTO runs (id, kind, status, started_at, finished_at, args, summary) VALUES (?, ?, ?, ?, NULL, ?, NULL)', params: [runId, 'scrape', 'running', stamp, toJson(args)] },
      ];
      for (const s of sources) {
        statements.push({ sql: 'INSERT INTO run_sources (run_id, source_id, adapter) VALUES (?, ?, ?)', params: [runId, s.id, s.adapter] });
        statements.push({
          sql: "INSERT INTO frontier (run_id, url, source_id, label, depth, status, updated_at) VALUES (?, ?, ?, 'entry', 0, 'pending', ?) ON CONFLICT DO NOTHING",
          params: [runId, s.url, s.id, stamp],
        });
      }
      await db.batch(statements);
      return runId;
    },

    /**
     * The newest scrape run that did not finish (killed, interrupted, failed or still marked running) or that skipped
     * pages of a host it gave up.
     */
    async resumableRun(): Promise<{ id: string; args: Record<string, unknown> } | undefined> {
      const r = await db.get<Row>(
        `SELECT id, args FROM runs r WHERE kind = 'scrape' AND (status IN ('running', 'interrupted', 'failed')
            OR EXISTS (SELECT 1 FROM frontier f WHERE f.run_id = r.id AND f.status = 'skipped'))
          ORDER BY started_at DESC LIMIT 1`,
      );
      return r ? { id: String(r.id), args: fromJson(r.args, {}) } : undefined;
    },

    /** Makes a resumed run's skipped pages pending again and marks the run running. */
    async reopenRun(runId: string, now = new Date()): Promise<void> {
      await db.batch([
        { sql: "UPDATE frontier SET status = 'pending', outcome = NULL, reason = NULL, updated_at = ? WHERE run_id = ? AND status = 'skipped'", params: [now.toISOString(), runId] },
        { sql: "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?", params: [runId] },
      ]);
    },

    /** Records pages skipped for this run because their host was given up: resumable, not done. */
    async skipItems(runId: string, items: readonly CrawlItem[], reason: string, now = new Date()): Promise<void> {
      if (!items.length) return;
      const stamp = now.toISOString();
      await db.batch(items.map((i) => ({
        sql: "UPDATE frontier SET status = 'skipped', outcome = 'host_unavailable', reason = ?, updated_at = ? WHERE run_id = ? AND url = ?",
        params: [reason, stamp, runId, i.url],
      })));
    },

    async runSources(runId: string): Promise<CrawlSource[]> {
      const rows = await db.all<Row>('SELECT s.*, rs.adapter AS run_adapter FROM run_sources rs JOIN sources s ON s.id = rs.source_id WHERE rs.run_id = ? ORDER BY s.url', [runId]);
      return rows.map((r) => ({ ...sourceFromRow(r), adapter: String(r.run_adapter) }));
    },

    async frontierItems(runId: string, status: 'pending' | 'done' | 'all'): Promise<CrawlItem[]> {
      const rows = await db.all<Row>(
        `SELECT url, source_id, label, depth, form FROM frontier WHERE run_id = ? ${status === 'all' ? '' : 'AND status = ?'} ORDER BY depth, rowid`,
        status === 'all' ? [runId] : [runId, status],
      );
      return rows.map(frontierItemOf);
    },

    /** ETag / Last-Modified of the newest 200 snapshot of a URL, to make a conditional request. */
    async validators(url: string): Promise<{ etag?: string; lastModified?: string; sha256: string } | undefined> {
      const r = await db.get<Row>('SELECT headers, sha256 FROM snapshots WHERE url = ? AND status = 200 ORDER BY fetched_at DESC LIMIT 1', [url]);
      if (!r) return undefined;
      const h = fromJson<Record<string, string>>(r.headers, {});
      return { etag: h.etag, lastModified: h['last-modified'], sha256: String(r.sha256) };
    },

    /** Writes one page's result: snapshot row, frontier update, newly found links and records, all in one batch. */
    async completeItem(result: ItemResult, now = new Date()): Promise<void> {
      const stamp = now.toISOString();
      const s = result.snapshot;
      const statements: SqlStatement[] = [];
      if (s)
        statements.push({
          sql: `INSERT INTO snapshots (id, source_id, run_id, url, final_url, status, headers, sha256, content_type, byte_length, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [s.id, result.item.sourceId, result.runId, s.url, s.finalUrl, s.status, toJson(s.headers), s.sha256, s.contentType, s.byteLength, s.fetchedAt],
        });
      statements.push({
        sql: `UPDATE frontier SET status = 'done', outcome = ?, reason = ?, attempts = ?, snapshot_id = ?, records = ?, updated_at = ?
              WHERE run_id = ? AND url = ?`,
        params: [result.outcome, result.reason, result.attempts, s?.id ?? null, result.records.length, stamp, result.runId, result.item.url],
      });
      for (const link of result.links)
        statements.push({
          sql: `INSERT INTO frontier (run_id, url, source_id, label, depth, status, discovered_from, updated_at, form)
                VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT DO NOTHING`,
          params: [result.runId, link.url, result.item.sourceId, link.label, result.item.depth + 1, result.item.url, stamp, link.form ?? null],
        });
      if (result.records.length) statements.push(...(await recordStatements(result.records, result.runId, stamp)));
      await db.batch(statements);
    },

    /** Each source's outcome: its entry page decides, a layout change anywhere overrides, failed pages are counted. */
    async sourceSummaries(runId: string): Promise<SourceSummary[]> {
      const rows = await db.all<Row>(
        `SELECT rs.source_id, s.url, s.council_code, rs.adapter,
                (SELECT f.outcome FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.depth = 0 LIMIT 1) AS entry_outcome,
                (SELECT f.reason FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.depth = 0 LIMIT 1) AS entry_reason,
                (SELECT COUNT(*) FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.status = 'done') AS pages,
                (SELECT COUNT(*) FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.outcome IN ('error', 'bot_protection')) AS failed,
                (SELECT COUNT(*) FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.outcome = 'layout_changed') AS layout_changed,
                (SELECT COUNT(*) FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.status = 'skipped') AS skipped,
                (SELECT f.reason FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id AND f.status = 'skipped' ORDER BY f.updated_at LIMIT 1) AS skipped_reason,
                (SELECT COALESCE(SUM(f.records), 0) FROM frontier f WHERE f.run_id = rs.run_id AND f.source_id = rs.source_id) AS records
           FROM run_sources rs JOIN sources s ON s.id = rs.source_id WHERE rs.run_id = ? ORDER BY s.council_code, s.url`,
        [runId],
      );
      return rows.map((r) => {
        const entry = (r.entry_outcome as SourceStatus | null) ?? 'pending';
        const layout = Number(r.layout_changed) > 0 && entry === 'ok';
        const failed = Number(r.failed);
        const skipped = Number(r.skipped);
        const base = {
          sourceId: String(r.source_id),
          url: String(r.url),
          councilCode: (r.council_code as string | null) ?? null,
          adapter: String(r.adapter),
          pages: Number(r.pages),
          pagesFailed: failed,
          pagesSkipped: skipped,
          records: Number(r.records),
        };
        // A source with pages skipped on a host given up is unfinished, whatever its entry page said.
        if (skipped) return { ...base, status: 'host_unavailable' as const, reason: `${skipped} page(s) skipped: ${r.skipped_reason as string}` };
        return {
          ...base,
          status: layout ? 'layout_changed' : entry,
          reason: layout ? `${r.layout_changed} page(s) no longer match the ${r.adapter} adapter` : ((r.entry_reason as string | null) ?? (failed && entry === 'ok' ? `${failed} page(s) failed` : null)),
        };
      });
    },

    /** Ends a run: records each source's status and the run's summary (pages, sources by status); returns the sources. */
    async finishRun(runId: string, status: 'completed' | 'interrupted' | 'failed', summary: Record<string, unknown>, now = new Date()): Promise<SourceSummary[]> {
      const sources = await this.sourceSummaries(runId);
      const byStatus: Record<string, number> = {};
      for (const s of sources) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
      const statements: SqlStatement[] = sources.map((s) => ({
        sql: 'UPDATE run_sources SET status = ?, reason = ?, pages = ?, records = ? WHERE run_id = ? AND source_id = ?',
        params: [s.status === 'pending' ? null : s.status, s.reason, s.pages, s.records, runId, s.sourceId],
      }));
      statements.push({ sql: 'UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?', params: [status, now.toISOString(), toJson({ ...summary, sources_by_status: byStatus }), runId] });
      await db.batch(statements);
      return sources;
    },

    /** The newest stored snapshot of every URL a run (or all runs) fetched, for re-parsing without fetching. */
    async latestSnapshots(filter: { runId?: string; council?: string }): Promise<Array<{ url: string; sha256: string; status: number; contentType: string | null; fetchedAt: string; sourceId: string | null; finalUrl: string; label: string }>> {
      const where: string[] = ['s.status < 400'];
      const params: string[] = [];
      if (filter.runId) {
        where.push('s.run_id = ?');
        params.push(filter.runId);
      }
      if (filter.council) {
        where.push('src.council_code = ?');
        params.push(filter.council);
      }
      const rows = await db.all<Row>(
        `SELECT s.url, s.sha256, s.status, s.content_type, s.fetched_at, s.source_id, s.final_url,
                (SELECT f.label FROM frontier f WHERE f.snapshot_id = s.id) AS label
           FROM snapshots s LEFT JOIN sources src ON src.id = s.source_id
          WHERE ${where.join(' AND ')} AND s.fetched_at = (SELECT MAX(s2.fetched_at) FROM snapshots s2 WHERE s2.url = s.url)
          ORDER BY s.url`,
        params,
      );
      return rows.map((r) => ({
        url: String(r.url), sha256: String(r.sha256), status: Number(r.status), contentType: (r.content_type as string | null) ?? null,
        fetchedAt: String(r.fetched_at), sourceId: (r.source_id as string | null) ?? null, finalUrl: String(r.final_url),
        label: (r.label as string | null) ?? 'entry',
      }));
    },
  };
}

export type CrawlStore = ReturnType<typeof crawlStore>;
