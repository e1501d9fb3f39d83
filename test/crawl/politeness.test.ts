// Politeness: one request at a time per host with the delay between, Crawl-delay honoured, hosts crawled in parallel,
// links followed up to the per-source page cap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlPage } from '../support/fixture-server.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';

const hostResolver = async () => ['127.0.0.1'];

describe('politeness', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const site = (host: string, pages: number, robots = 'User-agent: *\nAllow: /\n') => {
    const links = Array.from({ length: pages }, (_, i) => `<a href="/p/${i + 1}">page ${i + 1}</a>`).join(' ');
    h.server.routes(
      {
        '/robots.txt': { kind: 'static', body: robots, headers: { 'content-type': 'text/plain' } },
        '/': { kind: 'static', body: htmlPage(`${host} index (synthetic)`, links) },
        ...Object.fromEntries(Array.from({ length: pages }, (_, i) => [`/p/${i + 1}`, { kind: 'static' as const, body: htmlPage(`${host} page ${i + 1} (synthetic)`, '') }])),
      },
      host,
    );
  };
  const urlFor = (host: string, path = '/') => `http://${host}:${h.server.port}${path}`;

  it('waits the delay between requests to one host and never overlaps them', async () => {
    site('alpha.test', 6);
    const r = await h.scrape([], { urls: [{ url: urlFor('alpha.test'), councilCode: COUNCIL, adapter: 'test-html' }], resolver: hostResolver, delayMs: 150, settings: { allowHosts: ['*.test'] } });
    expect(r.sources[0]).toMatchObject({ status: 'ok', pages: 7, records: 7 });
    const gaps = h.server.gapsMs('alpha.test');
    expect(gaps).toHaveLength(7); // robots.txt + index + 6 pages = 8 requests
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(148);
  });

  it('crawls different hosts in parallel, each at its own pace', async () => {
    for (const host of ['h1.test', 'h2.test', 'h3.test', 'h4.test']) site(host, 4);
    const started = performance.now();
    const r = await h.scrape([], {
      urls: ['h1.test', 'h2.test', 'h3.test', 'h4.test'].map((host) => ({ url: urlFor(host), councilCode: COUNCIL, adapter: 'test-html' })),
      resolver: hostResolver, delayMs: 200, settings: { allowHosts: ['*.test'], concurrency: 8 },
    });
    const wall = performance.now() - started;
    expect(r.sources.every((s) => s.status === 'ok' && s.pages === 5)).toBe(true);
    // 6 requests per host with 5 gaps of 200 ms: about 1 s in parallel, 4 s if hosts were taken one after another.
    expect(wall).toBeLessThan(2500);
    for (const host of ['h1.test', 'h2.test', 'h3.test', 'h4.test']) expect(Math.min(...h.server.gapsMs(host))).toBeGreaterThanOrEqual(198);
  });

  it('honours Crawl-delay from robots.txt when it is longer than the configured delay', async () => {
    site('slow.test', 2, 'User-agent: *\nCrawl-delay: 1\nAllow: /\n');
    const r = await h.scrape([], { urls: [{ url: urlFor('slow.test'), councilCode: COUNCIL, adapter: 'test-html' }], resolver: hostResolver, delayMs: 10, settings: { allowHosts: ['*.test'] } });
    expect(r.sources[0]!.pages).toBe(3);
    const gaps = h.server.gapsMs('slow.test');
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(990);
  });

  it('stops following links at the per-source page cap', async () => {
    site('big.test', 20);
    const r = await h.scrape([], { urls: [{ url: urlFor('big.test'), councilCode: COUNCIL, adapter: 'test-html' }], resolver: hostResolver, settings: { allowHosts: ['*.test'], maxPagesPerSource: 5 } });
    expect(r.sources[0]!.pages).toBe(5);
    expect(h.server.requests.filter((q) => q.host === 'big.test' && q.path.startsWith('/p/'))).toHaveLength(4);
  });

  it('sends a User-Agent naming the product and a contact URL', async () => {
    site('ua.test', 0);
    await h.scrape([], { urls: [{ url: urlFor('ua.test'), councilCode: COUNCIL }], resolver: hostResolver, settings: { allowHosts: ['*.test'] } });
    const ua = String(h.server.requests.find((q) => q.host === 'ua.test')!.headers['user-agent']);
    expect(ua).toMatch(/^short-breaks-benchmark\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+; /);
  });

  it('a page linked from two pages is fetched once', async () => {
    h.server.routes({
      '/robots.txt': { kind: 'static', body: '' },
      '/': { kind: 'static', body: htmlPage('Home (synthetic)', '<a href="/a">a</a><a href="/b">b</a>') },
      '/a': { kind: 'static', body: htmlPage('A (synthetic)', '<a href="/shared">s</a><a href="/">home</a>') },
      '/b': { kind: 'static', body: htmlPage('B (synthetic)', '<a href="/shared">s</a>') },
      '/shared': { kind: 'static', body: htmlPage('Shared (synthetic)', '') },
    });
    const r = await h.scrape(['/']);
    expect(r.sources[0]!.pages).toBe(4);
    expect(h.server.hits('/shared')).toBe(1);
    expect(h.server.hits('/')).toBe(1);
    // Records cite the pages they came from, but only the entry URL is a source the next scrape starts from.
    expect((await h.store.offersOf(COUNCIL)).map((o) => new URL(o.source.url).pathname).sort()).toEqual(['/', '/a', '/b', '/shared']);
    const local = (await h.store.crawl.sourcesFor([COUNCIL])).filter((s) => s.url.startsWith(h.server.url));
    expect(local.map((s) => new URL(s.url).pathname)).toEqual(['/']);
  });

  it('an unreachable robots.txt (5xx) means "disallowed for now"; a missing one (404) means allowed', async () => {
    h.server.routes({ '/robots.txt': { kind: 'status', status: 503 }, '/': { kind: 'static', body: htmlPage('Down (synthetic)', '') } }, 'down.test');
    h.server.routes({ '/robots.txt': { kind: 'status', status: 404 }, '/': { kind: 'static', body: htmlPage('Open (synthetic)', '') } }, 'open.test');
    const r = await h.scrape([], {
      urls: ['down.test', 'open.test'].map((host) => ({ url: urlFor(host), councilCode: COUNCIL, adapter: 'test-html' })),
      resolver: hostResolver, settings: { allowHosts: ['*.test'] },
    });
    expect(r.sources.find((s) => s.url.includes('down.test'))).toMatchObject({ status: 'blocked_by_robots', reason: expect.stringMatching(/unreachable.*503/) });
    expect(r.sources.find((s) => s.url.includes('open.test'))).toMatchObject({ status: 'ok' });
    expect(h.server.hits('/', 'down.test')).toBe(0);
  });

  it('a redirect to a private address is refused at that hop', async () => {
    h.server.routes({ '/robots.txt': { kind: 'static', body: '' }, '/go': { kind: 'redirect', location: `http://internal.example:${h.server.port}/admin` } }, 'public.test');
    const r = await h.scrape([], { urls: [{ url: urlFor('public.test', '/go'), councilCode: COUNCIL }], resolver: hostResolver, settings: { allowHosts: ['public.test'] } });
    expect(r.sources[0]).toMatchObject({ status: 'error', reason: expect.stringMatching(/internal\.example resolves to 127\.0\.0\.1: a private or special address/) });
    expect(h.server.hits('/admin')).toBe(0);
  });
});
