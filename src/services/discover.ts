// `sbb discover` as a step any entry point can take: which councils and which site each starts from, the run
// (handed in: it crawls, so it needs Node), and keeping the best candidates as entry points through the Store.
import type { DiscoverOptions, DiscoverResult } from '../../scrapers/discover/run.js';
import type { Candidate } from '../../scrapers/discover/evidence.js';
import type { DiscoverTarget } from '../../scrapers/discover/session.js';
import type { CrawlSource, Platform, SourceKind } from '../domain/index.js';
import { invalid } from '../domain/errors.js';
import type { Store } from '../store/store.js';

export type DiscoverRunner = (targets: readonly DiscoverTarget[], options: DiscoverOptions) => Promise<DiscoverResult[]>;

export interface DiscoverRequest {
  /** Council keys (GSS code, LA number, name), or every council with `all`. */
  councils?: string[];
  all?: boolean;
  /** Another base URL for the one council given (instead of https://{web_domain}/). */
  site?: string;
}

export interface DiscoverPlan {
  targets: DiscoverTarget[];
  /** Councils left out, and why (no web domain known). */
  skipped: Array<{ code: string; name: string; reason: string }>;
}

/** A web domain as a base URL: https://{domain}/ (a domain written with its scheme keeps it). */
export const siteOfDomain = (domain: string) => (/^https?:\/\//i.test(domain) ? `${domain.replace(/\/+$/, '')}/` : `https://${domain.replace(/\/+$/, '')}/`);

/** The councils to discover and the site each starts from; one council with no web domain and no --site is an error. */
export async function planDiscovery(store: Store, req: DiscoverRequest): Promise<DiscoverPlan> {
  const councils = req.all ? await store.listCouncils() : await Promise.all((req.councils ?? []).map((c) => store.requireCouncil(c, 'code')));
  const plan: DiscoverPlan = { targets: [], skipped: [] };
  const seen = new Set<string>();
  for (const c of councils) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    const site = req.site ?? (c.web_domain ? siteOfDomain(c.web_domain) : undefined);
    if (site) plan.targets.push({ councilCode: c.code, councilName: c.name, aliases: c.also_known_as, site });
    else plan.skipped.push({ code: c.code, name: c.name, reason: 'no web domain in the reference data: pass --site URL' });
  }
  if (!req.all && plan.targets.length === 0 && plan.skipped.length === 1)
    throw invalid('site', `${plan.skipped[0]!.name} has ${plan.skipped[0]!.reason}`);
  return plan;
}

/** Candidates need at least this score to be kept as entry points. */
export const ENTRY_POINT_MIN_SCORE = 60;

/**
 * The candidates worth keeping as entry points: the best of each kind (statement, Local Offer page, directory, PDF)
 * that scores at least ENTRY_POINT_MIN_SCORE and carries no decoy flag (nor is gone, unread, a copy or one record).
 */
export function entryPointsOf(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.score < ENTRY_POINT_MIN_SCORE || c.flags.length || best.has(c.kind)) continue;
    best.set(c.kind, c);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const KB5_DIRECTORY_PAGE = /\/kb5\/[^/]+\/[^/]+\/(?:home|localoffer|results|service)\.page\b/i;

/**
 * The platform a kept source is given, which picks the adapter that reads it: a directory keeps its platform; a
 * PDF is a PDF; a content page (a statement or Local Offer page, even on a Jadu or LocalGov Drupal site) is read by
 * the statement adapter (plain_html), except kb5's own directory pages.
 */
export function sourcePlatformOf(c: Candidate): Platform | null {
  if (c.kind === 'pdf') return 'pdf';
  if (c.kind === 'directory') return c.platform;
  if (c.platform === 'idox_kb5' && KB5_DIRECTORY_PAGE.test(c.url)) return 'idox_kb5';
  return 'plain_html';
}

/** Keeps a council's best candidates as entry points (adding or updating each by URL). */
export async function keepEntryPoints(store: Store, result: Pick<DiscoverResult, 'councilCode' | 'candidates'>): Promise<CrawlSource[]> {
  const kept: CrawlSource[] = [];
  for (const c of entryPointsOf(result.candidates))
    kept.push(await store.crawl.addSource({ url: c.url, council_code: result.councilCode, kind: c.kind as SourceKind, platform: sourcePlatformOf(c), title: c.title }));
  return kept;
}
