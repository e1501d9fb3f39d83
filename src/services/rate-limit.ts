// Rate limits for workshop mode: a small in-memory token bucket per (bucket, key). On Node one process holds them all;
// on Workers each isolate keeps its own (best effort: a determined guesser spread over isolates gets further).
import { AppError } from '../domain/errors.js';
import type { LimitCheck } from '../store/workshop-store.js';

export interface BucketRule {
  /** Tokens when full: the burst allowed at once. */
  capacity: number;
  /** Tokens added back per second. */
  per_second: number;
}

/**
 * The buckets: joins and code guesses per client address (a whole room may share one address behind the venue's
 * wifi, so joins are generous), joins and submissions per code, submissions per participant key.
 */
export const DEFAULT_LIMITS: Record<string, BucketRule> = {
  join_per_address: { capacity: 400, per_second: 4 },
  join_per_code: { capacity: 600, per_second: 6 },
  // 2^40 codes: at 1 guess a second an address needs decades to hit one of a thousand open workshops, while a room
  // behind one venue address can mistype a few dozen codes without being locked out.
  guess_per_address: { capacity: 60, per_second: 1 },
  submit_per_key: { capacity: 30, per_second: 1 },
  submit_per_code: { capacity: 4000, per_second: 200 },
};

/** Buckets idle this long are full again and forgotten (so memory stays small). */
const FORGET_AFTER_MS = 10 * 60 * 1000;

export function createRateLimiter(rules: Record<string, BucketRule> = DEFAULT_LIMITS, now: () => number = Date.now): LimitCheck & { size(): number } {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();
  const check = (bucket: string, key: string, cost = 1): number | null => {
    const rule = rules[bucket];
    if (!rule) return null;
    const t = now();
    if (t - sweptAt > FORGET_AFTER_MS) {
      for (const [k, b] of buckets) if (t - b.at > FORGET_AFTER_MS) buckets.delete(k);
      sweptAt = t;
    }
    const id = `${bucket}\u0000${key}`;
    const b = buckets.get(id) ?? { tokens: rule.capacity, at: t };
    b.tokens = Math.min(rule.capacity, b.tokens + ((t - b.at) / 1000) * rule.per_second);
    b.at = t;
    buckets.set(id, b);
    if (b.tokens >= 1) {
      b.tokens -= cost;
      return null;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rule.per_second));
  };
  return Object.assign(check, { size: () => buckets.size });
}

/** The 429 every rate limit answers (code rate_limited), with Retry-After. */
export const rateLimited = (seconds: number, what: string) =>
  new AppError('unavailable', `too many ${what}: try again in ${seconds} s`, { code: 'rate_limited', retryAfterSeconds: seconds, problems: [{ field: 'rate', message: `too many ${what}` }] });

/** Takes a token from a bucket, or throws the 429 (no limits where the store has none). */
export function takeToken(limits: LimitCheck | undefined, bucket: string, key: string, what: string): void {
  const wait = limits?.(bucket, key) ?? null;
  if (wait !== null) throw rateLimited(wait, what);
}
