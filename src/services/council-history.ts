// One council's history of changes to its offers (what `sbb diff` lists), dated by when the page was read and when
// it says it was published; the date the database noted the change is kept apart and never stands in for them.
import type { Store } from '../store/store.js';

/** The fields compared between versions: what a family would notice changing. */
export const COMPARED_FIELDS = ['name', 'type', 'access_tier', 'gates', 'age_min', 'age_max', 'cost_status', 'charges', 'allowances'] as const;

export interface FieldChange {
  field: (typeof COMPARED_FIELDS)[number];
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  offer_id: string;
  offer: string;
  version: number;
  change: 'appeared' | 'changed' | 'disappeared';
  /** When the page behind this version was read: the record's own date for its latest version, a scrape's date otherwise; null when not recorded. */
  read: string | null;
  /** The date the page states it was published (latest version only); null when not stated or not known. */
  published: string | null;
  /** When the database noted the change (a build, import or scrape): not a date of the offer. */
  recorded_at: string;
  run_id: string | null;
  changes: FieldChange[];
  /** The changes in a line: `type: - -> overnight_home; ages: 5-17 -> 5-18`. */
  what: string;
}

const show = (v: unknown) => (v === null || v === undefined ? '-' : Array.isArray(v) && !v.length ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A council's history, oldest first, optionally from a date (YYYY-MM-DD) on; an unknown council is not_found naming `code`. */
export async function councilHistory(store: Store, key: string, since: string | null = null) {
  const council = await store.requireCouncil(key, 'code');
  const [versions, offers] = await Promise.all([store.classification.versionsSince(council.code, since), store.offersOf(council.code)]);
  const current = new Map(offers.map((o) => [o.id, o]));
  const latest = new Map<string, number>();
  for (const v of versions) latest.set(v.offer_id, Math.max(latest.get(v.offer_id) ?? 0, v.version));
  const runs = new Map<string, Promise<{ kind: string; started_at: string } | undefined>>();
  const runOf = (id: string) => {
    if (!runs.has(id)) runs.set(id, store.runDetail(id).then((r) => (r ? { kind: String((r as Record<string, unknown>).kind), started_at: String((r as Record<string, unknown>).started_at) } : undefined)));
    return runs.get(id)!;
  };
  const entries: HistoryEntry[] = [];
  for (const v of versions) {
    const before = v.change === 'changed' ? await store.classification.previousVersion(v.offer_id, v.version) : undefined;
    const changes: FieldChange[] = before
      ? COMPARED_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(v.content[k])).map((k) => ({ field: k, before: before[k] ?? null, after: v.content[k] ?? null }))
      : [];
    const isLatest = latest.get(v.offer_id) === v.version && v.change !== 'disappeared';
    const offer = isLatest ? current.get(v.offer_id) : undefined;
    const run = v.run_id ? await runOf(v.run_id) : undefined;
    // The version's own dates (kept since migration 0008), else the current record's, else the scrape that noted it.
    const read = v.retrieved ?? offer?.retrieved ?? (run?.kind === 'scrape' ? run.started_at.slice(0, 10) : null);
    entries.push({
      offer_id: v.offer_id,
      offer: String(v.content.name ?? v.offer_id),
      version: v.version,
      change: v.change,
      read,
      published: v.published ?? offer?.published ?? null,
      recorded_at: v.recorded_at,
      run_id: v.run_id,
      changes,
      what: changes.map((c) => `${c.field}: ${show(c.before)} -> ${show(c.after)}`).join('; '),
    });
  }
  return {
    council: { code: council.code, name: council.name },
    since,
    note: 'Dated by when each page was read and when it says it was published; recorded_at is when this database noted the change (a build, import or scrape), not a date of the offer.',
    changes: entries,
  };
}

export type CouncilHistory = Awaited<ReturnType<typeof councilHistory>>;
