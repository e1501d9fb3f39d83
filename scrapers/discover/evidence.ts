// What discovery has seen of each candidate page, one entry per page however it was spelt or redirected, and the
// ranking of them all: copies found, every entry scored, best first.
import type { Platform } from '../../src/domain/index.js';
import { detectFromUrl } from '../adapters/detect-platform.js';
import { onOwnSite, pageKey } from './canonical-url.js';
import { COPY_THRESHOLD, MIN_SHINGLES, similarity } from './copies.js';
import { reasonText, scoreCandidate, type CandidateEvidence, type CandidateKind, type ScoreContext } from './score.js';
import type { DecoyFlag } from './terms.js';

export interface Candidate {
  url: string;
  score: number;
  platform: Platform | null;
  reason: string;
  kind: CandidateKind;
  flags: DecoyFlag[];
  title: string | null;
}

export interface Evidence extends CandidateEvidence {
  /** Pages that link to it (their keys). */
  linkers: Set<string>;
  platform: Platform | null;
  shingles?: Set<string>;
  declaredCanonical?: string;
}

export class EvidenceBook {
  private readonly entries = new Map<string, Evidence>();
  private readonly aliases = new Map<string, string>();

  /** The key a URL's page is kept under, after redirects. */
  keyOf(url: string): string {
    let k = pageKey(url);
    for (let i = 0; i < 10; i++) {
      const next = this.aliases.get(k);
      if (!next) break;
      k = next;
    }
    return k;
  }

  get(url: string): Evidence | undefined {
    return this.entries.get(this.keyOf(url));
  }

  getOrCreate(url: string): Evidence {
    const key = this.keyOf(url);
    let e = this.entries.get(key);
    if (!e) {
      e = { url, linkTexts: [], linkedFrom: 0, fromHome: false, inSitemap: false, inSearch: false, linkers: new Set(), platform: detectFromUrl(url)?.platform ?? null };
      this.entries.set(key, e);
    }
    return e;
  }

  /**
   * A redirect: the URL asked for is the page it led to from now on. What links said of it is said of that page
   * only when `merge` (the page is itself about short breaks): an old short breaks page redirected to the home
   * page does not make the home page a short breaks page. Returns the key of the page it led to.
   */
  alias(fromUrl: string, toUrl: string, merge: boolean): string {
    const from = this.keyOf(fromUrl);
    const to = this.keyOf(toUrl);
    if (from === to) return to;
    this.aliases.set(from, to);
    const old = this.entries.get(from);
    if (!old) return to;
    this.entries.delete(from);
    if (!merge) return to;
    const into = this.getOrCreate(toUrl);
    for (const t of old.linkTexts) if (!into.linkTexts.includes(t)) into.linkTexts.push(t);
    for (const l of old.linkers) into.linkers.add(l);
    into.linkedFrom = into.linkers.size;
    into.fromHome ||= old.fromHome;
    into.inSitemap ||= old.inSitemap;
    into.inSearch ||= old.inSearch;
    return to;
  }

  /** Copies: a page elsewhere whose text matches (or which names as canonical) a page on the council's own site. */
  private markCopies(site: string): void {
    const own = [...this.entries.values()].filter((e) => onOwnSite(e.url, site) && e.page);
    for (const e of this.entries.values()) {
      if (!e.page || onOwnSite(e.url, site)) continue;
      if (e.declaredCanonical && onOwnSite(e.declaredCanonical, site)) {
        e.copyOf = e.declaredCanonical;
        continue;
      }
      if (!e.shingles || e.shingles.size < MIN_SHINGLES) continue;
      const original = own.find((o) => o.shingles && o.shingles.size >= MIN_SHINGLES && similarity(e.shingles!, o.shingles) >= COPY_THRESHOLD);
      if (original) e.copyOf = original.url;
    }
  }

  /** Every entry but the `skip`ped (search result pages) scored; those above zero, best first (ties by URL). */
  rank(ctx: ScoreContext, skip: (key: string) => boolean): Candidate[] {
    this.markCopies(ctx.site);
    const out: Candidate[] = [];
    for (const [key, e] of this.entries) {
      if (skip(key)) continue;
      const s = scoreCandidate(e, ctx);
      if (s.score > 0) out.push({ url: e.url, score: s.score, platform: e.platform, reason: reasonText(s.reasons), kind: s.kind, flags: s.flags, title: e.page?.title || e.linkTexts[0] || null });
    }
    return out.sort((a, b) => b.score - a.score || a.url.localeCompare(b.url));
  }
}
