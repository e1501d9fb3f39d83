// One council's discovery: what each page it reads says of the candidates (links to them, the sitemap, the site
// search, the page itself), and which links are worth a request next, bounded by depth and count.
import type { PageInput } from '../adapters/adapter.js';
import { detectFromPage } from '../adapters/detect-platform.js';
import { canonicalUrl, onOwnSite, pageKey } from './canonical-url.js';
import { shinglesOf } from './copies.js';
import { EvidenceBook, type Candidate } from './evidence.js';
import { readPage, type PageReading } from './read-page.js';
import { isCandidateText } from './score.js';
import { kb5DirectoryOf, siteSearchUrls } from './site-search.js';
import { readSitemap } from './sitemap.js';
import { councilNamesIn, followInterest, SHORT_BREAKS, urlWords } from './terms.js';

/** Who is being discovered: the council and the site to start from. */
export interface DiscoverTarget {
  councilCode: string;
  councilName: string;
  /** Other names the council goes by (reference aliases). */
  aliases?: readonly string[];
  /** The base URL: the council's web domain as https://{domain}/, or --site. */
  site: string;
}

export interface DiscoverLimits {
  /** Links followed from the home page this many levels down (the home page is level 0). */
  maxDepth: number;
  /** Pages fetched per council at most (robots.txt aside). */
  maxPages: number;
  /** Pages fetched on other sites at most (a Local Offer directory elsewhere, a page another council keeps). */
  maxOffSite: number;
  /** Links followed from one page at most (the home page and search results get more). */
  perPage: number;
  /** Nested sitemaps followed this many levels down. */
  maxSitemapDepth: number;
}

export const DEFAULT_LIMITS: DiscoverLimits = { maxDepth: 2, maxPages: 40, maxOffSite: 8, perPage: 8, maxSitemapDepth: 3 };

export type Label = 'home' | 'sitemap' | 'search' | 'page';

type Link = { url: string; label: Label };

const SKIPPED_SITEMAPS = /author|user|tag|categor|taxonomy|image|video|attachment|event/i;

export class DiscoverySession {
  private readonly book = new EvidenceBook();
  private readonly depth = new Map<string, number>();
  /** Page keys already handed to the crawler (so two spellings of one page are asked for once). */
  private readonly requested = new Set<string>();
  private readonly searchKeys = new Set<string>();
  private readonly kb5Searched = new Set<string>();
  private offSite = 0;
  private robotsSitemapsRead = false;
  private homeRead = false;
  readonly ownNames: string[];
  /** Pages read (2xx) and what went wrong on the way, for the summary. */
  pagesRead = 0;
  readonly problems: string[] = [];

  constructor(
    readonly target: DiscoverTarget,
    private readonly limits: DiscoverLimits = DEFAULT_LIMITS,
  ) {
    this.ownNames = [target.councilName, ...(target.aliases ?? [])];
  }

  /** Where the crawl starts: the site's home page (its sitemaps follow once robots.txt has been read). */
  seeds(): Link[] {
    const home = canonicalUrl(this.target.site) ?? this.target.site;
    return this.request(home, 0) ? [{ url: home, label: 'home' }] : [];
  }

  /** True (and remembered) when a page has not been asked for yet. */
  private request(url: string, depth: number): boolean {
    const key = pageKey(url);
    if (this.requested.has(key)) return false;
    this.requested.add(key);
    this.depth.set(key, depth);
    return true;
  }

  /** Reads one fetched page; returns the links to fetch next. `robotsSitemaps` are the site's Sitemap lines, once known. */
  onPage(page: PageInput, robotsSitemaps?: readonly string[]): Link[] {
    this.pagesRead++;
    const asked = canonicalUrl(page.url) ?? page.url;
    const final = canonicalUrl(page.finalUrl) ?? asked;
    const type = (page.contentType ?? '').toLowerCase();
    const html = !type || type.includes('html');
    const reading = html && page.label !== 'sitemap' ? readPage(page.text ?? '', final) : undefined;
    if (pageKey(final) !== pageKey(asked)) this.requested.add(this.book.alias(asked, final, !reading || isCandidateText(`${reading.title} ${reading.h1} ${urlWords(final)}`)));
    const depth = this.depth.get(pageKey(asked)) ?? this.limits.maxDepth;
    const links: Link[] = [];
    if (robotsSitemaps && !this.robotsSitemapsRead) {
      // The Sitemap lines of robots.txt, else the usual /sitemap.xml.
      this.robotsSitemapsRead = true;
      const sitemaps = robotsSitemaps.length ? robotsSitemaps.slice(0, 5) : [new URL('/sitemap.xml', this.target.site).href];
      for (const s of sitemaps) if (this.request(s, 1)) links.push({ url: s, label: 'sitemap' });
    }
    const label = page.label as Label;
    if (label === 'sitemap') return [...links, ...this.onSitemap(page.text ?? '', final, depth)];
    if (!reading) {
      if (type.includes('pdf')) this.book.getOrCreate(final).platform = 'pdf';
      return links;
    }
    this.notePage(final, page, reading);
    if (label === 'home' && !this.homeRead) {
      this.homeRead = true;
      this.ownNames.push(...councilNamesIn(`${reading.title} ${reading.siteName}`));
      for (const s of siteSearchUrls(reading, final)) if (this.request(s.url, 1)) links.push(this.search(s.url));
    }
    const kb5 = kb5DirectoryOf(final);
    if (kb5 && !this.kb5Searched.has(kb5) && ![...this.searchKeys].some((k) => k.startsWith(kb5))) {
      this.kb5Searched.add(kb5);
      const search = `${kb5}results.page?qt=short+breaks`;
      if (this.request(search, depth + 1)) links.push(this.search(search));
    }
    return [...links, ...this.onLinks(reading, final, label, depth)];
  }

  /** A site search to ask: its results page is read for links, never a candidate itself. */
  private search(url: string): Link {
    this.searchKeys.add(pageKey(url));
    return { url, label: 'search' };
  }

  private onSitemap(body: string, url: string, depth: number): Link[] {
    const map = readSitemap(body, url);
    if (map.kind === 'index') {
      if (depth >= this.limits.maxSitemapDepth) return [];
      return map.locs
        .filter((l) => !SKIPPED_SITEMAPS.test(new URL(l).pathname + new URL(l).search))
        .slice(0, 5)
        .filter((l) => this.request(l, depth + 1))
        .map((l) => ({ url: l, label: 'sitemap' as const }));
    }
    const verify: Array<{ url: string; interest: number }> = [];
    for (const loc of map.locs) {
      const c = canonicalUrl(loc);
      if (!c || !isCandidateText(urlWords(c))) continue;
      this.book.getOrCreate(c).inSitemap = true;
      verify.push({ url: c, interest: followInterest('', c) });
    }
    return verify
      .sort((a, b) => b.interest - a.interest)
      .filter((v) => this.mayFollow(v.url, v.interest))
      .slice(0, this.limits.perPage)
      .filter((v) => this.request(v.url, this.limits.maxDepth))
      .map((v) => {
        if (!onOwnSite(v.url, this.target.site)) this.offSite++;
        return { url: v.url, label: 'page' as const };
      });
  }

  /** What the page itself says: kept when it is a candidate (its title, heading or URL names one) or already is one. */
  private notePage(url: string, page: PageInput, reading: PageReading): void {
    const named = isCandidateText(`${reading.title} ${reading.h1}`) || isCandidateText(urlWords(url));
    const e = named ? this.book.getOrCreate(url) : this.book.get(url);
    if (!e || this.searchKeys.has(pageKey(url))) return;
    e.page = {
      status: page.status, title: reading.title, h1: reading.h1, breadcrumb: reading.breadcrumb, article: reading.article,
      mentions: (reading.mainText.match(new RegExp(SHORT_BREAKS.source, 'gi')) ?? []).length, contentType: page.contentType,
    };
    e.platform = detectFromPage({ url, contentType: page.contentType, text: reading.head }).platform;
    e.shingles = shinglesOf(reading.mainText);
    if (reading.canonical && pageKey(reading.canonical) !== pageKey(url)) e.declaredCanonical = reading.canonical;
  }

  private mayFollow(url: string, interest: number): boolean {
    if (interest <= 0 || /\.pdf$/i.test(new URL(url).pathname)) return false;
    if (onOwnSite(url, this.target.site)) return true;
    return interest >= 6 && this.offSite < this.limits.maxOffSite;
  }

  /** Link evidence for candidates, and the links worth following from this page. */
  private onLinks(reading: PageReading, from: string, label: Label, depth: number): Link[] {
    const fromKey = pageKey(from);
    const follow = new Map<string, number>();
    for (const link of reading.links) {
      const key = this.book.keyOf(link.url);
      if (key === this.book.keyOf(from) || this.searchKeys.has(key)) continue;
      if (isCandidateText(link.text) || isCandidateText(urlWords(link.url))) {
        const e = this.book.getOrCreate(link.url);
        if (link.text && !e.linkTexts.includes(link.text) && e.linkTexts.length < 10) e.linkTexts.push(link.text);
        e.linkers.add(fromKey);
        e.linkedFrom = e.linkers.size;
        if (label === 'home') e.fromHome = true;
        if (label === 'search' && link.region === 'content') e.inSearch = true;
      }
      const interest = followInterest(link.text, link.url);
      if (depth < this.limits.maxDepth && this.mayFollow(link.url, interest)) follow.set(link.url, Math.max(interest, follow.get(link.url) ?? 0));
    }
    const cap = label === 'home' ? this.limits.perPage * 2 : label === 'search' ? this.limits.perPage + 4 : this.limits.perPage;
    const out: Link[] = [];
    for (const [url] of [...follow].sort((a, b) => b[1] - a[1])) {
      if (out.length >= cap) break;
      if (!this.request(url, depth + 1)) continue;
      if (!onOwnSite(url, this.target.site)) this.offSite++;
      out.push({ url, label: 'page' });
    }
    return out;
  }

  /** A page that was asked for and not read: gone, disallowed by robots.txt, a challenge, an error. */
  onFailure(url: string, label: Label, outcome: 'not_found' | 'blocked_by_robots' | 'bot_protection' | 'error', reason: string): void {
    if (label === 'home') this.problems.push(`home page ${url}: ${outcome.replace(/_/g, ' ')} (${reason})`);
    if (label === 'sitemap' || label === 'search') return;
    const e = this.book.get(url);
    if (e && !e.page) e.failure = { outcome, reason };
  }

  /** The candidates, best first, those scoring above zero. */
  candidates(): Candidate[] {
    return this.book.rank({ site: this.target.site, ownNames: this.ownNames }, (key) => this.searchKeys.has(key));
  }
}
