// What was found of the council's own offer (offers, facts, the sources read and their dates) and whether that is
// nothing, little or some, so the cover and the easy read can say so plainly before any idea from elsewhere.
import type { CouncilFact, Offer } from '../domain/index.js';
import { median } from '../scoring/scoring-data.js';

export type FoundLevel = 'none' | 'little' | 'some';

export interface LocalSource {
  url: string;
  title: string;
  /** The date the source itself states (null when it states none). */
  published: string | null;
  /** When it was read. */
  retrieved: string;
}

export interface LocalFound {
  offers: number;
  facts: number;
  sources: LocalSource[];
  /** The first and last date a source of the council's own was read; null when none was. */
  read: { first: string; last: string } | null;
  /** The latest date one of those sources states it was published. */
  published_latest: string | null;
  level: FoundLevel;
  /** The median number of offers found for the comparators that have any. */
  peer_median_offers: number | null;
}

/** Fewer offers than this is "little" (the coverage report's bar for a council with a usable record). */
export const LITTLE_BELOW = 3;

/** The council's own record: none, little (under 3 offers or under half the comparators' median) or some. */
export function localFound(offers: readonly Offer[], facts: readonly CouncilFact[], peerOfferCounts: readonly number[]): LocalFound {
  const byUrl = new Map<string, LocalSource>();
  for (const r of [...offers, ...facts]) {
    const seen = byUrl.get(r.source.url);
    const published = seen?.published && (!r.published || seen.published > r.published) ? seen.published : r.published;
    const retrieved = seen && seen.retrieved > r.retrieved ? seen.retrieved : r.retrieved;
    byUrl.set(r.source.url, { url: r.source.url, title: seen?.title ?? r.source.title ?? r.source.url, published: published ?? null, retrieved });
  }
  const sources = [...byUrl.values()].sort((a, b) => b.retrieved.localeCompare(a.retrieved) || a.url.localeCompare(b.url));
  const reads = sources.map((s) => s.retrieved).sort();
  const published = sources.map((s) => s.published).filter((p): p is string => Boolean(p)).sort();
  const peerMedian = median(peerOfferCounts.filter((n) => n > 0));
  const level: FoundLevel = !offers.length ? 'none' : offers.length < LITTLE_BELOW || (peerMedian !== null && offers.length < peerMedian / 2) ? 'little' : 'some';
  return {
    offers: offers.length,
    facts: facts.filter((f) => f.topic !== 'not_found').length,
    sources,
    read: reads.length ? { first: reads[0]!, last: reads.at(-1)! } : null,
    published_latest: published.at(-1) ?? null,
    level,
    peer_median_offers: peerMedian,
  };
}
