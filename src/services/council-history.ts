// The change feed's entries for services: a council's history (what `sbb diff` and /api/councils/CODE/history list)
// and the whole feed, read from the one `changes` listing that /api/changes serves. Dated by when the page was read
// and when it says it was published; the date the database noted the change is kept apart and never stands in.
import type { ChangeKind, FieldChange } from '../domain/offer-changes.js';
import type { Store } from '../store/store.js';

export interface HistoryEntry {
  /** `offer_id@version`. */
  id: string;
  council_code: string;
  council_name: string;
  offer_id: string;
  offer: string;
  /** The offer's type in that version (null when not classified). */
  offer_type: string | null;
  version: number;
  change: ChangeKind;
  /** When the page behind this version was read (before migration 0008 kept it: the day the change was noted). */
  read: string;
  /** The date the page states it was published; null when not stated or not known. */
  published: string | null;
  /** When the database noted the change (a build, import or scrape): not a date of the offer. */
  recorded_at: string;
  run_id: string | null;
  /** The page the offer is read from now (null once the offer is gone from the store). */
  source_url: string | null;
  changes: FieldChange[];
  /** The changes in a line: `type: - -> overnight_home; age_max: 5-17 -> 5-18`. */
  what: string;
}

export interface ChangeFilters {
  council?: string;
  since?: string;
  type?: readonly ChangeKind[];
  offer_type?: string;
}

/** Every entry of the change feed that matches, oldest first, read a page at a time. */
export async function changeEntries(store: Store, f: ChangeFilters = {}): Promise<HistoryEntry[]> {
  const filters: Record<string, string> = {};
  if (f.council) filters.council = f.council;
  if (f.since) filters.since = f.since;
  if (f.type?.length) filters.type = f.type.join(',');
  if (f.offer_type) filters.offer_type = f.offer_type;
  const out: HistoryEntry[] = [];
  let next: string | undefined;
  do {
    const page = await store.list('changes', { filters, columns: [], size: 1000, next, facets: [], sort: 'read', desc: false, count: false });
    out.push(...(page.rows as unknown as HistoryEntry[]));
    next = page.next ?? undefined;
  } while (next);
  return out;
}

/** A council's history, oldest first, optionally from a date (YYYY-MM-DD) on; an unknown council is not_found naming `code`. */
export async function councilHistory(store: Store, key: string, since: string | null = null) {
  const council = await store.requireCouncil(key, 'code');
  const changes = await changeEntries(store, { council: council.code, ...(since ? { since } : {}) });
  return {
    council: { code: council.code, name: council.name },
    since,
    note: 'Dated by when each page was read and when it says it was published; recorded_at is when this database noted the change (a build, import or scrape), not a date of the offer.',
    changes,
  };
}

export type CouncilHistory = Awaited<ReturnType<typeof councilHistory>>;
