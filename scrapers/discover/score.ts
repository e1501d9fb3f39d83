// Scores one candidate page from what discovery saw of it: its title and heading, the texts of links to it, its URL,
// where it was found (home page, sitemap, site search), its host, and the signs of a decoy. Pure: the same evidence
// gives the same score and reasons.
import { onOwnSite, isCouncilLikeHost } from './canonical-url.js';
import {
  councilNamesIn, DATED_PATH, DECOY_RULES, hasLocalOffer, hasShortBreaks, hasStatement, isOwnName, SOFT_NOT_FOUND, urlWords, type DecoyFlag,
} from './terms.js';

export interface FetchedFacts {
  status: number;
  title: string;
  h1: string;
  breadcrumb: string[];
  /** The page says it is a news article or blog post (its body classes). */
  article: boolean;
  /** How often its main text says "short break(s)". */
  mentions: number;
  contentType: string | null;
}

export interface CandidateEvidence {
  /** Canonical URL. */
  url: string;
  /** Distinct texts of the links to it. */
  linkTexts: string[];
  /** How many pages link to it. */
  linkedFrom: number;
  fromHome: boolean;
  inSitemap: boolean;
  inSearch: boolean;
  /** What the page showed when fetched (2xx). */
  page?: FetchedFacts;
  /** Why it was not read, when it was asked for and failed or was not allowed. */
  failure?: { outcome: 'not_found' | 'blocked_by_robots' | 'bot_protection' | 'error'; reason: string };
  /** Another candidate, on the council's own site, whose text this page copies (or which it names as canonical). */
  copyOf?: string;
}

export interface ScoreContext {
  /** The council's site (base URL): its host and registrable domain count as its own. */
  site: string;
  /** Names the council goes by (the reference name, aliases, what its home page calls it). */
  ownNames: readonly string[];
}

export type CandidateKind = 'statement' | 'local_offer_page' | 'directory' | 'pdf';

export interface Reason {
  points: number;
  why: string;
}

export interface CandidateScore {
  score: number;
  reasons: Reason[];
  /** Why it is not an entry point to keep, however it scores (a decoy, a gone page, a single record...). */
  flags: DecoyFlag[];
  kind: CandidateKind;
}

/** Points for each phrase by where it is seen: the page's own title or heading, a link's text, the URL. */
export const TERM_POINTS = {
  statement: { title: 60, link: 45, url: 20 },
  shortBreaks: { title: 50, link: 35, url: 15 },
  localOffer: { title: 15, link: 10, url: 5 },
} as const;

export const PLACE_POINTS = { ownSite: 10, otherSite: -15, fetched: 5, fromHome: 5, inSearch: 5, inSitemap: 3, perLink: 2, maxLinks: 6, perMention: 2, maxMentions: 10 };
export const PENALTY = { notFound: -100, otherCouncil: -60, copy: -80, record: -30, directory: -20, unverified: -5 };

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;

/** Points for the phrases in one field, the best of statement / short breaks, plus Local Offer. */
function phrasePoints(text: string, where: 'title' | 'link' | 'url'): { points: number; what: string } {
  let points = 0;
  const what: string[] = [];
  const phrase = hasStatement(text) ? 'statement' : hasShortBreaks(text) ? 'shortBreaks' : undefined;
  if (phrase) {
    points += TERM_POINTS[phrase][where];
    what.push(phrase === 'statement' ? 'short breaks statement' : 'short breaks');
  }
  if (hasLocalOffer(text)) {
    points += TERM_POINTS.localOffer[where];
    what.push('local offer');
  }
  return { points, what: what.join(' + ') };
}

/** Where a title splits into parts: "Short breaks | Otherborough Borough Council", "News - Short breaks". */
const TITLE_PARTS = /\s+[|–—-]\s+|\s*\|\s*|:\s+/;

/**
 * Other councils a page names as its own: in some part of its title or heading that names no council it goes by
 * ("Short breaks in Otherborough - Sampleton Local Offer" on a shared site names Sampleton only; its heading
 * "Short breaks - Otherborough Borough Council" names another).
 */
function otherCouncilsNamed(page: FetchedFacts, ownNames: readonly string[]): string[] {
  const others = new Set<string>();
  for (const part of [page.title, page.h1].flatMap((t) => t.split(TITLE_PARTS))) {
    const names = councilNamesIn(part);
    if (names.some((n) => isOwnName(n, ownNames))) continue;
    for (const n of names) others.add(n);
  }
  return [...others];
}

const isPdf = (e: CandidateEvidence) => /\.pdf$/i.test(new URL(e.url).pathname) || /pdf/i.test(e.page?.contentType ?? '');
const DIRECTORY_PAGE = /\/kb5\/[^/]+\/[^/]+\/(?:home|localoffer|results)\.page\b|\/directory\/\d+(?:\/|$)|\/synergy\w*\/(?:[\w-]+\/)*(?:Enquiries\/)?Search\.aspx/i;
const RECORD_PAGE = /\/kb5\/[^/]+\/[^/]+\/service\.page\b|\/directory[-_]record\/\d+|[?&]BX=/i;

function kindOf(e: CandidateEvidence, name: string): CandidateKind {
  if (isPdf(e)) return 'pdf';
  if (hasStatement(`${name} ${e.linkTexts.join(' ')} ${urlWords(e.url)}`)) return 'statement';
  if (DIRECTORY_PAGE.test(e.url) || RECORD_PAGE.test(e.url)) return 'directory';
  return 'local_offer_page';
}

/** Scores one candidate; the reasons list every rule that moved its score. */
export function scoreCandidate(e: CandidateEvidence, ctx: ScoreContext): CandidateScore {
  const reasons: Reason[] = [];
  const flags: DecoyFlag[] = [];
  const add = (points: number, why: string) => points && reasons.push({ points, why });
  const page = e.page;
  const name = page ? (page.h1 && !page.title.toLowerCase().includes(page.h1.toLowerCase()) ? [page.title, page.h1].filter(Boolean).join(' / ') : page.title || page.h1) : '';
  const url = urlWords(e.url);

  // What it is called: its own title and heading, the best of the links to it, its URL.
  if (page) {
    const p = phrasePoints(`${page.title} ${page.h1}`, 'title');
    add(p.points, `title or heading says ${p.what}: ${quote(name)}`);
  }
  const best = e.linkTexts.map((t) => ({ t, ...phrasePoints(t, 'link') })).sort((a, b) => b.points - a.points)[0];
  if (best) add(best.points, `linked as ${quote(best.t)}`);
  const u = phrasePoints(url, 'url');
  add(u.points, `URL says ${u.what}`);

  // Where it was found and where it lives.
  const own = onOwnSite(e.url, ctx.site);
  add(own ? PLACE_POINTS.ownSite : PLACE_POINTS.otherSite, own ? "on the council's own site" : 'on another site');
  if (page) add(PLACE_POINTS.fetched, `fetched (HTTP ${page.status})`);
  if (e.fromHome) add(PLACE_POINTS.fromHome, 'linked from the home page');
  if (e.inSearch) add(PLACE_POINTS.inSearch, "in the site's search results");
  if (e.inSitemap) add(PLACE_POINTS.inSitemap, 'in the sitemap');
  if (e.linkedFrom > 1) add(Math.min(PLACE_POINTS.maxLinks, PLACE_POINTS.perLink * (e.linkedFrom - 1)), `linked from ${e.linkedFrom} pages`);
  if (page?.mentions) add(Math.min(PLACE_POINTS.maxMentions, PLACE_POINTS.perMention * page.mentions), `says "short breaks" ${page.mentions} time${page.mentions === 1 ? '' : 's'}`);

  // Decoys: tested on what the page calls itself (or, unread, what links call it), its URL and (news) its breadcrumb.
  const called = page ? `${page.title} ${page.h1}` : e.linkTexts.join(' ');
  const crumbs = page?.breadcrumb.join(' ') ?? '';
  for (const rule of DECOY_RULES)
    if (rule.name.test(called) || rule.url.test(url) || (rule.breadcrumb && rule.name.test(crumbs)) || (rule.flag === 'news' && (page?.article || DATED_PATH.test(e.url)))) {
      flags.push(rule.flag);
      add(rule.points, rule.label);
    }
  const otherNames = page ? otherCouncilsNamed(page, ctx.ownNames) : [];
  if (!own && isCouncilLikeHost(e.url)) {
    flags.push('other_council');
    add(PENALTY.otherCouncil, "another council's site");
  } else if (otherNames.length) {
    flags.push('other_council');
    add(PENALTY.otherCouncil, `names another council: ${otherNames.join(', ')}`);
  }
  if (e.copyOf) {
    flags.push('copy');
    add(PENALTY.copy, `a copy of ${e.copyOf}`);
  }
  if (RECORD_PAGE.test(e.url)) {
    flags.push('record');
    add(PENALTY.record, "one provider's record, not the council's page");
  } else if (DIRECTORY_PAGE.test(e.url)) add(PENALTY.directory, 'a directory listing: an entry point for services, not the short breaks page');

  // Pages that are not there, or could not be read.
  if (e.failure?.outcome === 'not_found') {
    flags.push('not_found');
    add(PENALTY.notFound, `gone: ${e.failure.reason}`);
  } else if (page && SOFT_NOT_FOUND.test(`${page.title} ${page.h1}`)) {
    flags.push('not_found');
    add(PENALTY.notFound, `says it is not found: ${quote(name)}`);
  } else if (e.failure) {
    flags.push('unverified');
    add(PENALTY.unverified, `not read: ${e.failure.reason}`);
  }

  const score = reasons.reduce((s, r) => s + r.points, 0);
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { score, reasons, flags: [...new Set(flags)], kind: kindOf(e, name) };
}

/** The reasons as one line: "title or heading says short breaks: "Short breaks" (+50); linked as ... (+35); ...". */
export const reasonText = (reasons: readonly Reason[]) => reasons.map((r) => `${r.why} (${r.points > 0 ? '+' : ''}${r.points})`).join('; ');

/** True when the text is worth a candidate at all: it says short breaks, statement or Local Offer. */
export const isCandidateText = (text: string) => hasShortBreaks(text) || hasStatement(text) || hasLocalOffer(text);
