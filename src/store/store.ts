// The Store: domain methods over one SqlDriver. All SQL lives in src/store; callers never write SQL.
import type { CuratedRecord, TaxonomyIndex } from '../domain/index.js';
import type { ReferenceBundle } from '../domain/reference-bundle.js';
import { councilLookup } from '../domain/council-lookup.js';
import * as councils from './council-reads.js';
import { readCoverageCounts } from './coverage-reads.js';
import { classificationStore } from './classification-store.js';
import { crawlStore } from './crawl-store.js';
import { inspectionStore } from './inspection-store.js';
import { newRunId } from './ids.js';
import { factsForCouncil, offersForCouncil } from './record-reads.js';
import { nationalOffers } from './national-offers.js';
import { recordStatements } from './record-writes.js';
import { readScoringData, readScoringVersion } from './scoring-reads.js';
import { driverDataVersion } from './data-version.js';
import { runListing, type ListingQuery } from './listing.js';
import { LISTINGS, type ListingName } from './listings.js';
import { referenceStatements, taxonomyStatements } from './reference-writes.js';
import type { SqlDriver, SqlStatement } from './sql-driver.js';
import { fromJson, toJson } from './json-column.js';

export interface ImportResult {
  run_id: string;
  offers: number;
  facts: number;
  sources: number;
}

export interface StoreCounts {
  councils: number;
  neighbours: number;
  indicators: number;
  inspections: number;
  providers: number;
  sources: number;
  offers: number;
  council_facts: number;
  snapshots: number;
}

export function createStore(db: SqlDriver) {
  // Every council-scoped request resolves its council: the 153 councils' keys are read once per data version, not once per request.
  let cached: { version: string; lookup: Promise<ReturnType<typeof councilLookup<Awaited<ReturnType<typeof councils.councilKeys>>[number]>>> } | undefined;
  const lookup = async () => {
    const version = await driverDataVersion(db);
    if (cached?.version === version) return cached.lookup;
    const fresh = councils.councilKeys(db).then((keys) => councilLookup(keys));
    cached = { version, lookup: fresh };
    fresh.catch(() => (cached = undefined));
    return fresh;
  };
  return {
    driver: db,
    crawl: crawlStore(db),
    inspections: inspectionStore(db),
    classification: classificationStore(db),

    async getMeta(key: string): Promise<string | undefined> {
      return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
    },

    async setMeta(entries: Record<string, string>): Promise<void> {
      await db.batch(
        Object.entries(entries).map(([k, v]) => ({
          sql: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
          params: [k, v],
        })),
      );
    },

    /** Loads the taxonomy and the reference bundle in one atomic batch. */
    async loadReference(bundle: ReferenceBundle, taxonomy: TaxonomyIndex): Promise<void> {
      await db.batch([...taxonomyStatements(taxonomy), ...referenceStatements(bundle)]);
    },

    /**
     * Upserts validated records and their sources, recording the import as a run: all in one batch, so a failure
     * leaves the store exactly as it was.
     */
    async importRecords(records: readonly CuratedRecord[], args: Record<string, unknown>, now = new Date()): Promise<ImportResult> {
      const runId = newRunId('import', now);
      const stamp = now.toISOString();
      const writes = await recordStatements(records, runId, stamp);
      const offers = records.filter((r) => r.kind === 'offer').length;
      const summary = { offers, facts: records.length - offers, sources: new Set(records.map((r) => r.source.url)).size };
      const statements: SqlStatement[] = [
        {
          sql: 'INSERT INTO runs (id, kind, status, started_at, finished_at, args, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
          params: [runId, 'import', 'completed', stamp, stamp, toJson(args), toJson(summary)],
        },
        ...writes,
      ];
      await db.batch(statements);
      return { run_id: runId, ...summary };
    },

    async knownCouncilCodes(): Promise<Set<string>> {
      return new Set((await db.all<{ code: string }>('SELECT code FROM councils')).map((r) => r.code));
    },

    listCouncils: () => councils.listCouncils(db),
    /** The one council lookup over the stored councils (GSS code, previous code, LA number or name). */
    councilLookup: lookup,
    /** The council a key names (see src/domain/council-lookup.ts), or undefined. */
    async findCouncil(key: string) {
      const keys = (await lookup()).find(key);
      return keys ? councils.councilByCode(db, keys.code) : undefined;
    },
    /** The council a key names; otherwise an AppError not_found naming the input as `field`, with near misses. */
    async requireCouncil(key: string, field = 'code') {
      const keys = (await lookup()).resolve(key, field);
      return (await councils.councilByCode(db, keys.code))!;
    },
    neighboursOf: (code: string, model: '2025' | '2021') => councils.neighboursOf(db, code, model),
    figuresOf: (code: string, regionCode: string) => councils.figuresOf(db, code, regionCode),
    inspectionsOf: (code: string) => councils.inspectionsOf(db, code),
    providerMixOf: (code: string) => councils.providerMixOf(db, code),
    offersOf: (code: string) => offersForCouncil(db, code),
    factsOf: (code: string) => factsForCouncil(db, code),
    /** Every current offer of every council, with its council and when its information last changed (the Open Referral feed). */
    nationalOffers: () => nationalOffers(db),
    /** One page of a listing (councils, offers, sources, runs, inspections, findings) with its facets. */
    list: (name: ListingName, query: ListingQuery) => runListing(db, LISTINGS[name], query),

    /** A run with the status of each of its sources; undefined when there is no such run. */
    async runDetail(id: string) {
      const run = await db.get<Record<string, string | number | null>>('SELECT * FROM runs WHERE id = ?', [id]);
      if (!run) return undefined;
      const sources = await db.all<Record<string, string | number | null>>(
        `SELECT rs.source_id, s.url, s.council_code, s.kind, s.platform, rs.adapter, rs.status, rs.reason, rs.pages, rs.records
           FROM run_sources rs JOIN sources s ON s.id = rs.source_id WHERE rs.run_id = ? ORDER BY s.council_code, s.url`,
        [id],
      );
      return { ...run, args: fromJson(run.args as string | null, {}), summary: fromJson(run.summary as string | null, null), sources };
    },

    /** Every council's entry points by kind, current offers, facts and newest dates (the coverage report). */
    coverageCounts: () => readCoverageCounts(db),

    /** Everything the scoring engine reads, in one snapshot. */
    scoringData: () => readScoringData(db),
    /** Changes whenever anything scoring reads changes (for caching a prepared model). */
    scoringVersion: () => readScoringVersion(db),

    /** The latest stored snapshot of every URL that has one. */
    async latestSnapshotPerUrl(): Promise<Array<{ url: string; id: string; sha256: string; fetched_at: string }>> {
      const rows = await db.all<Record<string, string>>(
        'SELECT url, id, sha256, fetched_at FROM snapshots s WHERE fetched_at = (SELECT MAX(t.fetched_at) FROM snapshots t WHERE t.url = s.url) ORDER BY url, id',
      );
      return rows.map((r) => ({ url: String(r.url), id: String(r.id), sha256: String(r.sha256), fetched_at: String(r.fetched_at) }));
    },

    async datasets() {
      return db.all<{ id: string; title: string; file: string; publisher: string; licence: string; data_date: string; source_url: string | null }>(
        'SELECT * FROM datasets ORDER BY id',
      );
    },

    async counts(): Promise<StoreCounts> {
      const tables = ['councils', 'statistical_neighbours', 'indicators', 'area_send_inspections', 'providers', 'sources', 'offers', 'council_facts', 'snapshots'];
      const row = await db.get<Record<string, number>>(
        `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`,
      );
      return {
        councils: Number(row?.councils ?? 0),
        neighbours: Number(row?.statistical_neighbours ?? 0),
        indicators: Number(row?.indicators ?? 0),
        inspections: Number(row?.area_send_inspections ?? 0),
        providers: Number(row?.providers ?? 0),
        sources: Number(row?.sources ?? 0),
        offers: Number(row?.offers ?? 0),
        council_facts: Number(row?.council_facts ?? 0),
        snapshots: Number(row?.snapshots ?? 0),
      };
    },
  };
}

export type Store = ReturnType<typeof createStore>;
