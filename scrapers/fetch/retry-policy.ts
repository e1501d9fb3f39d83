// Decides what to do after an attempt: done, retry with jittered backoff, wait as the server asked, or give up.
import { isTransient, type FetchErrorCode } from './fetch-error.js';

export interface RetryPolicy {
  /** Retries for network errors and 5xx (429/503 with Retry-After do not count). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How many times a host may ask us to wait (Retry-After) for one URL. */
  maxThrottleWaits: number;
  /** The longest a URL may be held by Retry-After waits in all; a longer wait means skip it for this run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxThrottleWaits: 5,
  maxRetryAfterMs: 2 * 60_000,
};

export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfter?: string }
  | { kind: 'error'; code: FetchErrorCode; message: string };

export interface AttemptState {
  /** Retries already spent (not counting throttle waits). */
  retries: number;
  throttleWaits: number;
  /** Time already spent waiting as Retry-After asked, for this URL. */
  waitedMs?: number;
}

export type RetryDecision =
  | { action: 'done' }
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'wait'; delayMs: number; reason: string }
  /** `throttled`: the server asked us to wait longer than we may hold the URL: skip it for this run, resumable. */
  | { action: 'give_up'; reason: string; throttled?: boolean };

/** Exponential backoff with "equal jitter": half the step fixed, half random. Pure: the random source is injected. */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + (step / 2) * random());
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function decideRetry(
  outcome: AttemptOutcome,
  state: AttemptState,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
  now: number = Date.now(),
): RetryDecision {
  const retryOrGiveUp = (reason: string): RetryDecision =>
    state.retries < policy.maxRetries
      ? { action: 'retry', delayMs: backoffDelay(state.retries, policy, random), reason }
      : { action: 'give_up', reason: `${reason} (after ${state.retries} retries)` };

  if (outcome.kind === 'error') return isTransient(outcome.code) ? retryOrGiveUp(outcome.message) : { action: 'give_up', reason: outcome.message };

  const { status } = outcome;
  if (status === 429 || status === 503) {
    const wait = parseRetryAfter(outcome.retryAfter, now);
    if (wait !== undefined) {
      const waited = state.waitedMs ?? 0;
      if (waited + wait > policy.maxRetryAfterMs) {
        const total = waited ? ` (after ${Math.round(waited / 1000)} s of waiting)` : '';
        return { action: 'give_up', throttled: true, reason: `HTTP ${status}: asked to wait ${Math.round(wait / 1000)} s (Retry-After)${total}, more than the ${policy.maxRetryAfterMs / 1000} s a page may be held: skipped for this run` };
      }
      if (state.throttleWaits >= policy.maxThrottleWaits) return { action: 'give_up', throttled: true, reason: `HTTP ${status}: still throttled after ${state.throttleWaits} waits: skipped for this run` };
      return { action: 'wait', delayMs: wait, reason: `HTTP ${status} with Retry-After ${outcome.retryAfter}` };
    }
    return retryOrGiveUp(`HTTP ${status}`);
  }
  if (status >= 500) return retryOrGiveUp(`HTTP ${status}`);
  return { action: 'done' };
}
