// A host that hangs, drips bytes, asks to be left alone for 5 minutes or is simply too slow is given up for the run:
// its source ends as host_unavailable, its other pages are skipped (not failed) and fetched by `--resume`, after a
// bounded number of requests; other hosts in the same run are not affected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlPage, type Behaviour } from '../support/fixture-server.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';
import { runCli } from '../support/temp-db.js';

const resolver = async () => ['127.0.0.1'];
const PAGES = 8;

describe('per-host circuit breaker', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  /** A site on `host`: robots.txt and an index that answer, linking to PAGES pages that behave as `page` says. */
  const site = (host: string, page: (n: number) => Behaviour) =>
    h.server.routes(
      {
        '/robots.txt': { kind: 'static', body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } },
        '/': { kind: 'static', body: htmlPage(`${host} index (synthetic)`, Array.from({ length: PAGES }, (_, i) => `<a href="/p/${i + 1}">${i + 1}</a>`).join(' ')) },
        ...Object.fromEntries(Array.from({ length: PAGES }, (_, i) => [`/p/${i + 1}`, page(i + 1)])),
      },
      host,
    );
  const fine = (host: string) => (n: number): Behaviour => ({ kind: 'static', body: htmlPage(`${host} page ${n} (synthetic)`, '') });
  const entry = (host: string) => ({ url: `http://${host}:${h.server.port}/`, councilCode: COUNCIL, adapter: 'test-html' });
  const pageHits = (host: string) => h.server.requests.filter((r) => r.host === host && r.path.startsWith('/p/')).length;
  const frontier = (runId: string, host: string) =>
    h.store.driver.all<{ status: string; outcome: string | null; n: number }>(
      'SELECT status, outcome, COUNT(*) AS n FROM frontier WHERE run_id = ? AND url LIKE ? GROUP BY status, outcome ORDER BY status',
      [runId, `http://${host}:%`],
    );
  const sourceOf = (r: Awaited<ReturnType<Harness['scrape']>>, host: string) => r.sources.find((s) => s.url.includes(`//${host}:`))!;

  it('a host whose pages hang is given up after 5 failed requests in a row; --resume fetches its pages later', async () => {
    site('up.test', fine('up.test'));
    site('hang.test', () => ({ kind: 'hang' }));
    const r = await h.scrape([], {
      urls: [entry('up.test'), entry('hang.test')], resolver,
      settings: { allowHosts: ['*.test'] }, fetch: { headersTimeoutMs: 150, totalTimeoutMs: 1000 },
    });
    expect(r.status).toBe('completed');
    // The other host in the same run is untouched.
    expect(sourceOf(r, 'up.test')).toMatchObject({ status: 'ok', pages: PAGES + 1, pagesSkipped: 0, records: PAGES + 1 });
    const hang = sourceOf(r, 'hang.test');
    expect(hang).toMatchObject({ status: 'host_unavailable', pages: 1, pagesSkipped: PAGES });
    expect(hang.reason).toMatch(/^8 page\(s\) skipped: host hang\.test:\d+ given up for this run: 5 requests in a row failed \(last: (timed out waiting for response headers|took longer than 1000 ms in all)\)$/);
    expect(r.skipped).toBe(PAGES);
    // Four tries of the first page and one of the second, then nothing more: not 4 tries of every page.
    expect(pageHits('hang.test')).toBe(5);
    expect(await frontier(r.runId, 'hang.test')).toEqual([
      { status: 'done', outcome: 'ok', n: 1 },
      { status: 'skipped', outcome: 'host_unavailable', n: PAGES },
    ]);

    // The host is back: --resume fetches the skipped pages, and only those.
    site('hang.test', fine('hang.test'));
    const upHits = h.server.requests.filter((x) => x.host === 'up.test').length;
    const resumed = await h.scrape([], { resume: true, resolver, settings: { allowHosts: ['*.test'] } });
    expect(resumed).toMatchObject({ runId: r.runId, resumed: true, status: 'completed', skipped: 0 });
    expect(sourceOf(resumed, 'hang.test')).toMatchObject({ status: 'ok', pages: PAGES + 1, pagesSkipped: 0, records: PAGES + 1 });
    expect(h.server.requests.filter((x) => x.host === 'up.test').length).toBe(upHits);
    expect(await frontier(r.runId, 'hang.test')).toEqual([{ status: 'done', outcome: 'ok', n: PAGES + 1 }]);
    await expect(h.scrape([], { resume: true, resolver })).rejects.toThrow(/no unfinished scrape run/);
  });

  it('a host that drips bytes: each body cut at its deadline, not retried, the host given up after the configured failures', async () => {
    site('up.test', fine('up.test'));
    site('drip.test', () => ({ kind: 'drip', body: 'x'.repeat(400), chunkBytes: 1, intervalMs: 25 }));
    const r = await h.scrape([], {
      urls: [entry('up.test'), entry('drip.test')], resolver,
      settings: { allowHosts: ['*.test'], hostFailures: 3 }, fetch: { bodyDeadlineMs: 300, bodyTimeoutMs: 5000, totalTimeoutMs: 8000 },
    });
    expect(sourceOf(r, 'up.test')).toMatchObject({ status: 'ok', pagesSkipped: 0 });
    const drip = sourceOf(r, 'drip.test');
    expect(drip).toMatchObject({ status: 'host_unavailable', pages: 1, pagesSkipped: PAGES });
    expect(drip.reason).toMatch(/3 requests in a row failed \(last: the body took longer than 300 ms to arrive/);
    expect(pageHits('drip.test')).toBe(3);
  }, 20_000);

  it('Retry-After: 300 beyond the cap: the page is skipped for this run at once, with its host, and resumable', async () => {
    site('up.test', fine('up.test'));
    site('busy.test', () => ({ kind: 'retry_after', status: 503, retryAfter: '300' }));
    const r = await h.scrape([], { urls: [entry('up.test'), entry('busy.test')], resolver, settings: { allowHosts: ['*.test'], retryAfterCapMs: 1000 } });
    expect(sourceOf(r, 'up.test')).toMatchObject({ status: 'ok', pagesSkipped: 0 });
    const busy = sourceOf(r, 'busy.test');
    expect(busy).toMatchObject({ status: 'host_unavailable', pagesSkipped: PAGES });
    expect(busy.reason).toMatch(/\/p\/1: HTTP 503: asked to wait 300 s \(Retry-After\), more than the 1 s a page may be held: skipped for this run/);
    expect(pageHits('busy.test')).toBe(1);
    expect(await frontier(r.runId, 'busy.test')).toContainEqual({ status: 'skipped', outcome: 'host_unavailable', n: PAGES });
  });

  it('a host slower than its time budget: given up when the budget is spent, the rest skipped', async () => {
    site('up.test', fine('up.test'));
    site('slow.test', (n) => ({ kind: 'delay', ms: 150, then: { kind: 'static', body: htmlPage(`slow page ${n} (synthetic)`, '') } }));
    const r = await h.scrape([], { urls: [entry('up.test'), entry('slow.test')], resolver, settings: { allowHosts: ['*.test'], hostBudgetMs: 500 } });
    expect(sourceOf(r, 'up.test')).toMatchObject({ status: 'ok', pagesSkipped: 0 });
    const slow = sourceOf(r, 'slow.test');
    expect(slow.status).toBe('host_unavailable');
    expect(slow.reason).toMatch(/given up for this run: it took more than its time budget of 500 ms in this run/);
    expect(slow.pages + slow.pagesSkipped).toBe(PAGES + 1);
    expect(slow.pagesSkipped).toBeGreaterThanOrEqual(PAGES - 4);
    expect(pageHits('slow.test')).toBeLessThanOrEqual(4);
  });

  it('sbb scrape: the host given up shows as host_unavailable, exit 0, with how to fetch its pages later', async () => {
    h.server.routes({ '/robots.txt': { kind: 'static', body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } }, '/down': { kind: 'hang' } });
    const r = await runCli('scrape', '--council', COUNCIL, '--url', `${h.server.url}/down`, '--adapter', 'snapshot', '--allow-host', '127.0.0.1',
      '--delay-ms', '0', '--timeout-ms', '300', '--host-failures', '2', '--db', h.dbPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^E10000017\s+host_unavailable\s+0\s+0\s+0\s+http:\/\/127\.0\.0\.1:\d+\/down\s+1 page\(s\) skipped: host 127\.0\.0\.1:\d+ given up for this run: 2 requests in a row/m);
    expect(r.stdout).toMatch(/1 page skipped on hosts given up for this run \(host_unavailable\): fetch them later with `sbb scrape --resume --db /);
    expect(h.server.hits('/down')).toBe(2);
    expect((await runCli('scrape', '--host-failures', 'many', '--resume')).stderr).toMatch(/--host-failures: "many" is not a whole number/);
  });
});
