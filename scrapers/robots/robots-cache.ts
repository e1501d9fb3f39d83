// Per-origin robots.txt cache: one fetch per origin, shared in-flight fetches, unreachable files re-checked after a TTL.
import { ROBOTS_PRODUCT_TOKEN, rulesForStatus, rulesFromFile, type RobotsRules } from './robots-rules.js';

/** Status after following redirects (the caller's fetcher follows up to 5). */
export interface RobotsFetchResult {
  status: number;
  body: string;
}

/** Rejects on a network error. */
export type RobotsFetcher = (robotsUrl: string) => Promise<RobotsFetchResult>;

export interface RobotsCacheOptions {
  productToken?: string;
  /** Re-check an unreachable robots.txt after this long (default 5 minutes). */
  unreachableTtlMs?: number;
  now?: () => number;
}

export const DEFAULT_UNREACHABLE_TTL_MS = 5 * 60 * 1000;

interface Entry {
  rules: Promise<RobotsRules>;
  /** Set once the fetch settles: when the rules go stale (Infinity for a file or not_found). */
  expiresAt?: number;
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly productToken: string;
  private readonly unreachableTtlMs: number;
  private readonly now: () => number;
  private fetches = 0;

  constructor(
    private readonly fetcher: RobotsFetcher,
    options: RobotsCacheOptions = {},
  ) {
    this.productToken = options.productToken ?? ROBOTS_PRODUCT_TOKEN;
    this.unreachableTtlMs = options.unreachableTtlMs ?? DEFAULT_UNREACHABLE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** robots.txt fetches started so far: one per origin, plus one per re-check of an unreachable file. */
  get fetchCount(): number {
    return this.fetches;
  }

  /** Rules for the URL's origin (scheme://host:port); fetches /robots.txt once per origin; concurrent calls share the one in-flight fetch. */
  async rulesFor(url: string): Promise<RobotsRules> {
    const origin = originOf(url);
    const cached = this.entries.get(origin);
    if (cached && !this.isStale(cached)) return cached.rules;
    const entry = this.startFetch(`${origin}/robots.txt`);
    this.entries.set(origin, entry);
    return entry.rules;
  }

  private isStale(entry: Entry): boolean {
    return entry.expiresAt !== undefined && this.now() >= entry.expiresAt;
  }

  private startFetch(robotsUrl: string): Entry {
    const entry: Entry = { rules: this.load(robotsUrl) };
    void entry.rules.then(
      (rules) => {
        entry.expiresAt = rules.source === 'unreachable' ? this.now() + this.unreachableTtlMs : Infinity;
      },
      () => {
        entry.expiresAt = this.now(); // an unexpected failure: let the next call try again
      },
    );
    return entry;
  }

  private async load(robotsUrl: string): Promise<RobotsRules> {
    this.fetches += 1;
    let result: RobotsFetchResult;
    try {
      result = await this.fetcher(robotsUrl);
    } catch {
      return rulesForStatus('network_error', robotsUrl);
    }
    return isSuccess(result.status)
      ? rulesFromFile(robotsUrl, result.body, this.productToken)
      : rulesForStatus(result.status, robotsUrl);
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function originOf(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`robots.txt applies to http(s) URLs only: ${url}`);
  }
  return parsed.origin;
}
