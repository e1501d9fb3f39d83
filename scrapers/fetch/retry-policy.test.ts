// The retry policy: which outcomes are retried, how long backoff waits, and Retry-After honoured without spending retries.
import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter } from './retry-policy.js';

const fresh = { retries: 0, throttleWaits: 0 };

describe('backoffDelay', () => {
  it('doubles each retry within equal jitter, capped', () => {
    const p = { baseDelayMs: 1000, maxDelayMs: 8000 };
    expect([0, 1, 2, 3, 4].map((r) => backoffDelay(r, p, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([0, 1, 2, 3, 4].map((r) => backoffDelay(r, p, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  const half = () => 0.5;
  it.each([
    [{ kind: 'response', status: 200 }, 'done'],
    [{ kind: 'response', status: 304 }, 'done'],
    [{ kind: 'response', status: 404 }, 'done'],
    [{ kind: 'response', status: 410 }, 'done'],
    [{ kind: 'response', status: 403 }, 'done'],
    [{ kind: 'response', status: 500 }, 'retry'],
    [{ kind: 'response', status: 502 }, 'retry'],
    [{ kind: 'response', status: 429 }, 'retry'],
    [{ kind: 'response', status: 503, retryAfter: '2' }, 'wait'],
    [{ kind: 'response', status: 429, retryAfter: '1' }, 'wait'],
    [{ kind: 'error', code: 'network', message: 'ECONNRESET' }, 'retry'],
    [{ kind: 'error', code: 'timeout_total', message: 'slow' }, 'retry'],
    [{ kind: 'error', code: 'too_large', message: 'big' }, 'give_up'],
    [{ kind: 'error', code: 'decompression_bomb', message: 'bomb' }, 'give_up'],
    [{ kind: 'error', code: 'redirect_loop', message: 'loop' }, 'give_up'],
    [{ kind: 'error', code: 'blocked_address', message: 'private' }, 'give_up'],
  ] as const)('%o -> %s', (outcome, action) => {
    expect(decideRetry(outcome, fresh, DEFAULT_RETRY_POLICY, half).action).toBe(action);
  });

  it('gives up after the retry budget, naming the last reason', () => {
    const d = decideRetry({ kind: 'response', status: 500 }, { retries: 3, throttleWaits: 0 });
    expect(d).toEqual({ action: 'give_up', reason: 'HTTP 500 (after 3 retries)' });
  });

  it('waits as told by Retry-After, even with the retry budget spent', () => {
    const d = decideRetry({ kind: 'response', status: 429, retryAfter: '7' }, { retries: 3, throttleWaits: 0 });
    expect(d).toEqual({ action: 'wait', delayMs: 7000, reason: 'HTTP 429 with Retry-After 7' });
  });

  it('gives up when told to wait longer than the cap or too many times', () => {
    expect(decideRetry({ kind: 'response', status: 503, retryAfter: '3600' }, fresh).action).toBe('give_up');
    expect(decideRetry({ kind: 'response', status: 503, retryAfter: '1' }, { retries: 0, throttleWaits: 5 }).action).toBe('give_up');
  });

  it('caps the time a URL is held by Retry-After in all: beyond it, skipped for this run (throttled)', () => {
    const d = decideRetry({ kind: 'response', status: 503, retryAfter: '300' }, fresh);
    expect(d).toMatchObject({ action: 'give_up', throttled: true, reason: expect.stringMatching(/asked to wait 300 s \(Retry-After\), more than the 120 s a page may be held: skipped for this run/) });
    expect(decideRetry({ kind: 'response', status: 429, retryAfter: '60' }, { retries: 0, throttleWaits: 1, waitedMs: 60_000 }).action).toBe('wait');
    expect(decideRetry({ kind: 'response', status: 429, retryAfter: '61' }, { retries: 0, throttleWaits: 1, waitedMs: 60_000 })).toMatchObject({ action: 'give_up', throttled: true });
  });
});
