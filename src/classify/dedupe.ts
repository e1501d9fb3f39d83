// Finds the same offer published in several places (a club in an ORUK feed and on a directory page): one canonical
// record, the others marked as its duplicates so that the offer shows both sources.

export interface DedupeRecord {
  id: string;
  council_code: string;
  name: string;
  postcode: string | null;
  origin: string;
  confidence: number;
  /** How much the record says (filled fields), to pick the richest as canonical. */
  richness: number;
}

const STOP = /\b(the|a|an|and|of|for|at|in|synthetic|ltd|cic|group|service|services)\b/g;

/** A name reduced to its distinctive words: "The Saturday Splash Club (synthetic)" -> "saturday splash club". */
export const nameKey = (name: string) =>
  name.toLowerCase().replace(/&/g, ' and ').replace(/\(.*?\)/g, ' ').replace(/[^a-z0-9 ]+/g, ' ').replace(STOP, ' ').replace(/\s+/g, ' ').trim();

const postcodeKey = (p: string | null) => (p ? p.toUpperCase().replace(/\s+/g, '') : null);

/** Map from each duplicate's id to its canonical id. Same council, same name key, and no conflicting postcode. */
export function findDuplicates(records: readonly DedupeRecord[]): Map<string, string> {
  const groups = new Map<string, DedupeRecord[]>();
  for (const r of records) {
    const key = `${r.council_code}|${nameKey(r.name)}`;
    if (nameKey(r.name).length < 4) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => (a.origin === 'curated' ? -1 : 0) - (b.origin === 'curated' ? -1 : 0) || b.richness - a.richness || b.confidence - a.confidence || a.id.localeCompare(b.id));
    const canonical = sorted[0]!;
    for (const r of sorted.slice(1)) {
      const a = postcodeKey(canonical.postcode);
      const b = postcodeKey(r.postcode);
      if (a && b && a !== b) continue; // two places with the same name: different offers
      out.set(r.id, canonical.id);
    }
  }
  return out;
}
