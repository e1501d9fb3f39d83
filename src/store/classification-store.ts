// Store methods for classification and history: offers to classify, decisions written back, duplicates, versions.
import type { Stated, Merged } from '../domain/index.js';
import { fromJson, toJson } from './json-column.js';
import type { SqlDriver, SqlStatement } from './sql-driver.js';

type Row = Record<string, string | number | null>;

export interface OfferToClassify {
  id: string;
  council_code: string;
  origin: string;
  confidence: number;
  postcode: string | null;
  input: { name: string; description?: string; eligibility?: string; cost_note?: string; schedule?: string; age_note?: string; tier_label?: string; evidence_quote?: string; source_terms: string[] };
  stated: Stated;
}

export interface VersionRow {
  offer_id: string;
  version: number;
  run_id: string | null;
  recorded_at: string;
  /** When the source was read for this version (for a disappearance, the read that no longer found it). */
  retrieved: string | null;
  /** When the source says it was published, if it says. */
  published: string | null;
  change: 'appeared' | 'changed' | 'disappeared';
  content: Record<string, unknown>;
}

const opt = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : String(v));

function statedFromRow(r: Row): Stated {
  const fallback: Stated = {
    type: (r.type as string | null) ?? null, access_tier: (r.access_tier as string | null) ?? null,
    statutory_categories: fromJson(r.statutory_categories, []), time_slots: fromJson(r.time_slots, []), gates: fromJson(r.gates, []),
    age_min: (r.age_min as number | null) ?? null, age_max: (r.age_max as number | null) ?? null,
    cost: { status: (r.cost_status as Stated['cost']['status']) ?? 'unknown', charges: fromJson(r.charges, []), note: opt(r.cost_note) },
    allowances: fromJson(r.allowances, []),
  };
  // Offers stored before classification existed have no `stated`: what their columns hold is what they stated.
  return r.stated ? { ...fallback, ...fromJson<Partial<Stated>>(r.stated, {}) } : fallback;
}

/** The fields an offer's history compares: what a family would notice changing. */
export function versionContent(r: Row): Record<string, unknown> {
  return {
    name: r.name, type: r.type, access_tier: r.access_tier, gates: fromJson(r.gates, []), age_min: r.age_min, age_max: r.age_max,
    cost_status: r.cost_status, charges: fromJson(r.charges, []), allowances: fromJson(r.allowances, []),
  };
}

export function classificationStore(db: SqlDriver) {
  // Any number of councils in one bound parameter (a JSON array): D1 refuses more than 100 parameters a statement.
  const councilFilter = (councils: readonly string[] | 'all') =>
    councils === 'all' ? { where: '1 = 1', params: [] as string[] } : { where: 'council_code IN (SELECT value FROM json_each(?))', params: [JSON.stringify(councils)] };

  return {
    async offersToClassify(councils: readonly string[] | 'all'): Promise<OfferToClassify[]> {
      if (councils !== 'all' && !councils.length) return [];
      const f = councilFilter(councils);
      const rows = await db.all<Row>(`SELECT * FROM offers WHERE ${f.where} ORDER BY id`, f.params);
      return rows.map((r) => ({
        id: String(r.id), council_code: String(r.council_code), origin: String(r.origin), confidence: Number(r.confidence), postcode: (r.postcode as string | null) ?? null,
        input: {
          name: String(r.name), description: opt(r.description), eligibility: opt(r.eligibility), cost_note: opt(r.cost_note), schedule: opt(r.schedule),
          age_note: opt(r.age_note), tier_label: opt(r.tier_label), evidence_quote: opt(r.evidence_quote), source_terms: fromJson(r.source_terms, []),
        },
        stated: statedFromRow(r),
      }));
    },

    /** Writes the decided fields and their explanation, in batches. */
    async saveClassifications(decisions: ReadonlyArray<{ id: string; merged: Merged }>): Promise<void> {
      const statements: SqlStatement[] = decisions.map(({ id, merged: m }) => ({
        sql: `UPDATE offers SET type = ?, access_tier = ?, statutory_categories = ?, time_slots = ?, gates = ?, age_min = ?, age_max = ?,
                cost_status = ?, charges = ?, allowances = ?, classification = ?, classified_with = ? WHERE id = ?`,
        params: [m.type, m.access_tier, toJson(m.statutory_categories), toJson(m.time_slots), toJson(m.gates), m.age_min, m.age_max,
          m.cost.status, toJson(m.cost.charges), toJson(m.allowances), toJson(m.explanation), m.explanation.rules_version, id],
      }));
      await db.batch(statements);
    },

    /** Replaces the duplicate links of these councils with the map given (duplicate id -> canonical id). */
    async setDuplicates(councils: readonly string[], duplicates: ReadonlyMap<string, string>): Promise<void> {
      const statements: SqlStatement[] = councils.map((c) => ({ sql: 'UPDATE offers SET duplicate_of = NULL WHERE council_code = ?', params: [c] }));
      for (const [dup, canonical] of duplicates) statements.push({ sql: 'UPDATE offers SET duplicate_of = ? WHERE id = ?', params: [canonical, dup] });
      await db.batch(statements);
    },

    /** A new version for every offer of these councils whose compared fields differ from its latest version. */
    async recordVersions(councils: readonly string[] | 'all', runId: string | null, now: Date): Promise<{ appeared: number; changed: number }> {
      const f = councilFilter(councils);
      if (councils !== 'all' && !councils.length) return { appeared: 0, changed: 0 };
      const rows = await db.all<Row>(
        `SELECT o.*, v.version AS last_version, v.content AS last_content, v.change AS last_change FROM offers o
           LEFT JOIN offer_versions v ON v.offer_id = o.id AND v.version = (SELECT MAX(version) FROM offer_versions w WHERE w.offer_id = o.id)
          WHERE ${f.where.replace('council_code', 'o.council_code')} AND o.disappeared_at IS NULL`,
        f.params,
      );
      const statements: SqlStatement[] = [];
      let appeared = 0;
      let changed = 0;
      for (const r of rows) {
        const content = toJson(versionContent(r));
        if (r.last_content === content && r.last_change !== 'disappeared') continue;
        const change = r.last_version === null || r.last_change === 'disappeared' ? 'appeared' : 'changed';
        if (change === 'appeared') appeared++;
        else changed++;
        statements.push({
          sql: 'INSERT INTO offer_versions (offer_id, version, council_code, run_id, recorded_at, change, content_hash, content, retrieved, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          params: [String(r.id), Number(r.last_version ?? 0) + 1, String(r.council_code), runId, now.toISOString(), change, content.length.toString(36), content, (r.retrieved as string | null) ?? null, (r.published as string | null) ?? null],
        });
      }
      await db.batch(statements);
      return { appeared, changed };
    },

    /** Scraped offers whose page was fetched in this run but that the run did not find again: they disappeared. */
    async markDisappeared(runId: string, now: Date): Promise<string[]> {
      const rows = await db.all<Row>(
        `SELECT o.id, o.council_code, o.* FROM offers o JOIN sources s ON s.id = o.source_id
          WHERE o.origin = 'scraped' AND o.disappeared_at IS NULL AND (o.run_id IS NULL OR o.run_id <> ?)
            AND EXISTS (SELECT 1 FROM frontier f WHERE f.run_id = ? AND f.url = s.url AND f.outcome IN ('ok', 'not_modified', 'not_found'))`,
        [runId, runId],
      );
      const statements: SqlStatement[] = [];
      for (const r of rows) {
        const last = await db.get<{ version: number }>('SELECT MAX(version) AS version FROM offer_versions WHERE offer_id = ?', [String(r.id)]);
        statements.push({ sql: 'UPDATE offers SET disappeared_at = ? WHERE id = ?', params: [now.toISOString(), String(r.id)] });
        const content = toJson(versionContent(r));
        statements.push({
          // Gone is dated by the read that no longer found it; its page states no publication date for an absence.
          sql: 'INSERT INTO offer_versions (offer_id, version, council_code, run_id, recorded_at, change, content_hash, content, retrieved, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)',
          params: [String(r.id), Number(last?.version ?? 0) + 1, String(r.council_code), runId, now.toISOString(), 'disappeared', content.length.toString(36), content, now.toISOString().slice(0, 10)],
        });
      }
      await db.batch(statements);
      return rows.map((r) => String(r.id));
    },

    /** A council's versions read on or after `since` (when the source was read; the recording time if unknown), oldest first. */
    async versionsSince(council: string, since: string | null): Promise<VersionRow[]> {
      const rows = await db.all<Row>(
        `SELECT * FROM offer_versions WHERE council_code = ? AND COALESCE(retrieved, recorded_at) >= ? ORDER BY COALESCE(retrieved, recorded_at), recorded_at, offer_id, version`,
        [council, since ?? '0000'],
      );
      return rows.map((r) => ({
        offer_id: String(r.offer_id),
        version: Number(r.version),
        run_id: (r.run_id as string | null) ?? null,
        recorded_at: String(r.recorded_at),
        retrieved: (r.retrieved as string | null) ?? null,
        published: (r.published as string | null) ?? null,
        change: r.change as VersionRow['change'],
        content: fromJson(r.content, {}),
      }));
    },

    async previousVersion(offerId: string, version: number): Promise<Record<string, unknown> | undefined> {
      const r = await db.get<Row>('SELECT content FROM offer_versions WHERE offer_id = ? AND version = ?', [offerId, version - 1]);
      return r ? fromJson(r.content, {}) : undefined;
    },
  };
}
