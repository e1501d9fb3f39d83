import { describe, expect, it } from 'vitest';
import { HostBreaker, isHostFailure } from './host-breaker.js';

const item = (n: number) => ({ url: `http://a.test/p/${n}`, sourceId: 's', label: 'page', depth: 1 });
const timeout = { kind: 'error', code: 'timeout_headers', message: 'timed out waiting for response headers' } as const;

describe('isHostFailure', () => {
  it.each([
    [timeout, true],
    [{ kind: 'error', code: 'network', message: 'ECONNRESET' }, true],
    [{ kind: 'error', code: 'slow_body', message: 'slow' }, true],
    [{ kind: 'response', status: 502 }, true],
    [{ kind: 'response', status: 503 }, true],
    [{ kind: 'response', status: 503, retryAfter: '30' }, false],
    [{ kind: 'response', status: 404 }, false],
    [{ kind: 'response', status: 200 }, false],
    [{ kind: 'error', code: 'too_large', message: 'big' }, false],
  ] as const)('%o -> %s', (outcome, failure) => expect(isHostFailure(outcome)).toBe(failure));
});

describe('HostBreaker', () => {
  it('gives the host up at the limit of failures in a row, an answer starting the count again', () => {
    const b = new HostBreaker('a.test', { failures: 3, budgetMs: 60_000 }, new AbortController().signal);
    b.attempt(timeout, 'timed out');
    b.attempt(timeout, 'timed out');
    b.attempt({ kind: 'response', status: 404 }, 'HTTP 404');
    b.attempt(timeout, 'timed out');
    b.attempt(timeout, 'timed out');
    expect(b.gaveUp).toBe(false);
    b.attempt(timeout, 'timed out');
    expect(b.reason).toBe('host a.test given up for this run: 3 requests in a row failed (last: timed out)');
    expect(b.signal.aborted).toBe(true);
  });

  it('hands back the pages that failed in the run of failures, not those before an answer', () => {
    const b = new HostBreaker('a.test', { failures: 5, budgetMs: 60_000 }, new AbortController().signal);
    b.attempt(timeout, 'x');
    b.pageFailed(item(1));
    b.attempt({ kind: 'response', status: 200 }, 'ok');
    b.attempt(timeout, 'x');
    b.pageFailed(item(2));
    expect(b.takeFailedPages()).toEqual([item(2)]);
    expect(b.takeFailedPages()).toEqual([]);
  });

  it('cuts short what passes the time budget, and refuses more once it is spent', async () => {
    const b = new HostBreaker('a.test', { failures: 0, budgetMs: 50 }, new AbortController().signal);
    await b.timed(() => new Promise<void>((resolve) => b.signal.addEventListener('abort', () => resolve())));
    expect(b.reason).toMatch(/took more than its time budget of 50 ms/);
  });

  it('aborts with the run', () => {
    const run = new AbortController();
    const b = new HostBreaker('a.test', { failures: 5, budgetMs: 60_000 }, run.signal);
    run.abort();
    expect(b.signal.aborted).toBe(true);
    expect(b.gaveUp).toBe(false);
  });
});
