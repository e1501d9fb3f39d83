// Every way a server can misbehave: the run completes, the page gets a status a researcher can act on,
// the good page in the same run is kept, and what was stored before is not lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_PAGE, htmlPage } from '../support/fixture-server.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';

describe('scraping misbehaving servers', () => {
  let h: Harness;
  let baseline: { offers: number; snapshots: number };

  const snapshotsOf = (url: string) => h.store.driver.all<{ status: number; sha256: string }>('SELECT status, sha256 FROM snapshots WHERE url = ? ORDER BY fetched_at', [url]);
  const countSnapshots = async () => Number((await h.store.driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM snapshots'))!.n);
  const pageStatus = async (runId: string, path: string) =>
    h.store.driver.get<{ outcome: string; reason: string | null; attempts: number }>('SELECT outcome, reason, attempts FROM frontier WHERE run_id = ? AND url = ?', [runId, h.server.url + path]);

  beforeAll(async () => {
    h = await startHarness();
    h.server.routes({
      '/robots.txt': { kind: 'static', body: 'User-agent: *\nDisallow: /private/\n', headers: { 'content-type': 'text/plain' } },
      '/kept': { kind: 'static', body: htmlPage('Saturday club (synthetic)', '<p>kept</p>') },
      '/fine': { kind: 'static', body: htmlPage('Holiday scheme (synthetic)', '<p>fine</p>') },
    });
    const first = await h.scrape(['/kept']);
    expect(first.sources[0]).toMatchObject({ status: 'ok', records: 1 });
    baseline = { offers: (await h.store.counts()).offers, snapshots: await countSnapshots() };
  });
  afterAll(() => h.close());

  /** Scrapes /fine and the bad path together; checks the run completed, /fine is stored and nothing earlier was lost. */
  async function scrapeBeside(path: string, extra: Parameters<Harness['scrape']>[1] = {}) {
    const before = await countSnapshots();
    const result = await h.scrape(['/fine', path], extra);
    expect(result.status).toBe('completed');
    const fine = result.sources.find((s) => s.url.endsWith('/fine'));
    expect(fine).toMatchObject({ status: 'ok', records: 1 });
    const bad = result.sources.find((s) => s.url === h.server.url + path)!;
    expect((await h.store.offersOf(COUNCIL)).map((o) => o.name)).toContain('Saturday club (synthetic)');
    expect(await countSnapshots()).toBeGreaterThanOrEqual(before + 1);
    expect((await snapshotsOf(h.server.url + '/kept'))[0]?.status).toBe(200);
    expect((await h.store.counts()).offers).toBeGreaterThanOrEqual(baseline.offers);
    return { result, bad, page: await pageStatus(result.runId, path) };
  }

  it('a server that never answers: error (timed out), the run goes on', async () => {
    h.server.route('/hang', { kind: 'hang' });
    const { bad } = await scrapeBeside('/hang');
    expect(bad).toMatchObject({ status: 'error' });
    expect(bad.reason).toMatch(/timed out waiting for response headers/);
  });

  it('a server that drips bytes slowly: error once the whole-fetch deadline passes', async () => {
    h.server.route('/drip', { kind: 'drip', body: 'x'.repeat(40), chunkBytes: 1, intervalMs: 200 });
    const { bad } = await scrapeBeside('/drip', { retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxThrottleWaits: 0, maxRetryAfterMs: 0 } });
    expect(bad.status).toBe('error');
    expect(bad.reason).toMatch(/took longer than 1500 ms|timed out waiting for the body/);
  });

  it('a connection reset: retried with backoff, then error naming the cause', async () => {
    h.server.route('/reset', { kind: 'reset' });
    const { bad, page } = await scrapeBeside('/reset');
    expect(bad.status).toBe('error');
    expect(bad.reason).toMatch(/after 3 retries/);
    expect(page!.attempts).toBe(4);
    expect(h.server.hits('/reset')).toBe(4);
  });

  it('HTTP 500 that recovers: retried until ok', async () => {
    h.server.route('/flaky', { kind: 'sequence', steps: [{ kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'static', body: htmlPage('Recovered (synthetic)', '') }] });
    const { bad, page } = await scrapeBeside('/flaky');
    expect(bad).toMatchObject({ status: 'ok', records: 1 });
    expect(page!.attempts).toBe(3);
  });

  it('HTTP 500 for good: error after the retry budget', async () => {
    h.server.route('/broken', { kind: 'status', status: 500, body: 'oops' });
    const { bad } = await scrapeBeside('/broken');
    expect(bad).toMatchObject({ status: 'error', reason: 'HTTP 500 (after 3 retries)' });
  });

  it('429 with Retry-After: waits as told without spending the retry budget', async () => {
    h.server.route('/throttled', { kind: 'sequence', steps: [{ kind: 'retry_after', status: 429, retryAfter: '1' }, { kind: 'retry_after', status: 503, retryAfter: '1' }, { kind: 'static', body: htmlPage('Throttled then fine (synthetic)', '') }] });
    const started = performance.now();
    const { bad, page } = await scrapeBeside('/throttled', { retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxThrottleWaits: 5, maxRetryAfterMs: 10_000 } });
    expect(bad.status).toBe('ok');
    expect(page!.attempts).toBe(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    const arrivals = h.server.requests.filter((r) => r.path === '/throttled').map((r) => r.at);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it('a redirect loop: error naming the loop, not retried', async () => {
    h.server.routes({ '/loop-a': { kind: 'redirect', location: '/loop-b' }, '/loop-b': { kind: 'redirect', location: '/loop-a' } });
    const { bad } = await scrapeBeside('/loop-a');
    expect(bad.status).toBe('error');
    expect(bad.reason).toMatch(/redirect loop: .*loop-a -> .*loop-b -> .*loop-a/);
    expect(h.server.hits('/loop-a')).toBe(1);
  });

  it('an oversized body: refused at the cap, not retried', async () => {
    h.server.route('/huge', { kind: 'oversized', bytes: 2 * 1024 * 1024 });
    const { bad } = await scrapeBeside('/huge');
    expect(bad).toMatchObject({ status: 'error', reason: expect.stringMatching(/larger than 262144 bytes/) });
    expect(h.server.hits('/huge')).toBe(1);
  });

  it('a gzip bomb: refused as a decompression bomb', async () => {
    h.server.route('/bomb', { kind: 'gzip_bomb', decompressedBytes: 50 * 1024 * 1024 });
    const { bad } = await scrapeBeside('/bomb');
    expect(bad.status).toBe('error');
    expect(bad.reason).toMatch(/decompression bomb/);
  });

  it('a wrong charset: windows-1252 bytes labelled UTF-8 are read as windows-1252, with a warning', async () => {
    const body = Buffer.from(htmlPage('Café club, £2 an hour (synthetic)', ''), 'latin1');
    h.server.route('/charset', { kind: 'static', body, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const { bad } = await scrapeBeside('/charset');
    expect(bad.status).toBe('ok');
    expect(bad.reason).toMatch(/declared charset "utf-8" .* read as windows-1252/);
    expect((await h.store.offersOf(COUNCIL)).map((o) => o.name)).toContain('Café club, £2 an hour (synthetic)');
  });

  it('malformed HTML: parsed as far as it goes, the run goes on', async () => {
    h.server.route('/malformed', { kind: 'static', body: '<html><head><title>Broken page (synthetic)</title><body><div><p>unclosed <a href="/fine">x<table><tr><td>\u0000\u0007' });
    const { bad } = await scrapeBeside('/malformed');
    expect(bad.status).toBe('ok');
  });

  it('an adapter that crashes on a page: error for that page, the run goes on', async () => {
    h.server.route('/explodes', { kind: 'static', body: htmlPage('THROW', '') });
    const { bad } = await scrapeBeside('/explodes');
    expect(bad).toMatchObject({ status: 'error', reason: 'unexpected failure: adapter exploded on purpose' });
  });

  it('robots.txt disallows: blocked_by_robots, and the page is never requested', async () => {
    h.server.route('/private/secret', { kind: 'static', body: htmlPage('Secret', '') });
    const { bad } = await scrapeBeside('/private/secret');
    expect(bad).toMatchObject({ status: 'blocked_by_robots', reason: expect.stringMatching(/Disallow: \/private\//) });
    expect(h.server.hits('/private/secret')).toBe(0);
  });

  it('a bot-protection challenge page: flagged for manual retrieval, never retried', async () => {
    h.server.route('/challenge', { kind: 'status', status: 403, body: CHALLENGE_PAGE, headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge' } });
    const { bad } = await scrapeBeside('/challenge');
    expect(bad).toMatchObject({ status: 'bot_protection', reason: expect.stringMatching(/Cloudflare challenge .*retrieve this page by hand/) });
    expect(h.server.hits('/challenge')).toBe(1);
  });

  it('404 and 410: not_found, not retried', async () => {
    h.server.route('/gone', { kind: 'status', status: 410 });
    const { bad } = await scrapeBeside('/gone');
    expect(bad).toMatchObject({ status: 'not_found', reason: 'HTTP 410' });
    expect(h.server.hits('/gone')).toBe(1);
    expect((await scrapeBeside('/never-existed')).bad).toMatchObject({ status: 'not_found', reason: 'HTTP 404' });
  });

  it('a page whose layout changed: layout_changed, with the adapter\'s reason', async () => {
    h.server.route('/redesigned', { kind: 'static', body: htmlPage('Redesigned', '<p>NEW-LAYOUT</p>') });
    const { bad } = await scrapeBeside('/redesigned');
    expect(bad).toMatchObject({ status: 'layout_changed', reason: expect.stringMatching(/no longer matches the test-html adapter; no results list/) });
  });

  it('an unchanged page: a conditional request, 304, reusing the stored snapshot', async () => {
    h.server.route('/etagged', { kind: 'etag', body: htmlPage('Stable page (synthetic)', ''), etag: '"v1"' });
    await h.scrape(['/etagged']);
    const second = await h.scrape(['/etagged']);
    expect(second.sources[0]).toMatchObject({ status: 'not_modified' });
    const snaps = await snapshotsOf(h.server.url + '/etagged');
    expect(snaps.map((s) => s.status)).toEqual([200, 304]);
    expect(snaps[1]!.sha256).toBe(snaps[0]!.sha256);
    const last = h.server.requests.filter((r) => r.path === '/etagged').at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
  });

  it('a private address without --allow-host: refused before connecting', async () => {
    const result = await h.scrape([], { urls: [{ url: 'http://10.255.255.1/short-breaks', councilCode: COUNCIL }], settings: { allowHosts: [] } });
    expect(result.sources[0]).toMatchObject({ status: 'error', reason: expect.stringMatching(/10\.255\.255\.1 is a private or special address/) });
    const loop = await h.scrape([], { urls: [{ url: `${h.server.url}/fine`, councilCode: COUNCIL }], settings: { allowHosts: [] } });
    expect(loop.sources[0]!.reason).toMatch(/private or special address/);
  });
});
