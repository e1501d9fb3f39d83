// Tests for RobotsCache: one fetch per origin, shared in-flight fetches, status handling and the unreachable TTL.
// The fetcher is a synthetic stub; no network is used.
import { describe, expect, it } from 'vitest';
import { RobotsCache, type RobotsFetchResult, type RobotsFetcher } from './robots-cache.js';

type Reply = RobotsFetchResult | Error;

/** A fetcher answering from a table (404 by default) and recording the URLs it was asked for. */
function stubFetcher(replies: Record<string, Reply | Reply[]> = {}): RobotsFetcher & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = async (robotsUrl: string): Promise<RobotsFetchResult> => {
    calls.push(robotsUrl);
    const entry = replies[robotsUrl] ?? { status: 404, body: '' };
    const reply = Array.isArray(entry) ? (entry.shift() ?? { status: 404, body: '' }) : entry;
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return Object.assign(fetcher, { calls });
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const SITE = 'https://www.example-council.gov.uk';
const FILE: RobotsFetchResult = { status: 200, body: 'User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n' };

describe('RobotsCache', () => {
  it('fetches robots.txt once per origin for many URLs', async () => {
    const fetcher = stubFetcher({ [`${SITE}/robots.txt`]: FILE });
    const cache = new RobotsCache(fetcher);
    const paths = ['/', '/services', '/private/a', '/a?b=c', '/x/y/z'];
    const rules = await Promise.all(paths.map((p) => cache.rulesFor(`${SITE}${p}`)));
    for (const r of rules) expect(r).toBe(rules[0]);
    expect(fetcher.calls).toEqual([`${SITE}/robots.txt`]);
    expect(cache.fetchCount).toBe(1);
    expect(rules[0]!.isAllowed(`${SITE}/private/a`)).toBe(false);
    expect(rules[0]!.crawlDelayMs).toBe(1000);
  });

  it('shares one in-flight fetch between concurrent calls', async () => {
    const reply = deferred<RobotsFetchResult>();
    let calls = 0;
    const cache = new RobotsCache(() => {
      calls += 1;
      return reply.promise;
    });
    const pending = [cache.rulesFor(`${SITE}/a`), cache.rulesFor(`${SITE}/b`), cache.rulesFor(`${SITE}/c`)];
    reply.resolve(FILE);
    const [a, b, c] = await Promise.all(pending);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('treats scheme, host and port as the origin', async () => {
    const fetcher = stubFetcher();
    const cache = new RobotsCache(fetcher);
    await cache.rulesFor('https://a.gov.uk/x');
    await cache.rulesFor('https://A.gov.uk:443/y'); // same origin: default port, host case
    await cache.rulesFor('https://a.gov.uk:8443/x');
    await cache.rulesFor('http://a.gov.uk/x');
    await cache.rulesFor('https://b.gov.uk/x');
    expect(fetcher.calls).toEqual([
      'https://a.gov.uk/robots.txt',
      'https://a.gov.uk:8443/robots.txt',
      'http://a.gov.uk/robots.txt',
      'https://b.gov.uk/robots.txt',
    ]);
    expect(cache.fetchCount).toBe(4);
  });

  it.each([
    { name: '404 -> not_found, allow all', reply: { status: 404, body: 'Not found' }, source: 'not_found', allowed: true },
    { name: '503 -> unreachable', reply: { status: 503, body: '' }, source: 'unreachable', allowed: false },
    { name: 'network error -> unreachable', reply: new Error('ECONNRESET'), source: 'unreachable', allowed: false },
    { name: '200 -> the file', reply: FILE, source: 'file', allowed: true },
  ])('$name', async ({ reply, source, allowed }) => {
    const cache = new RobotsCache(stubFetcher({ [`${SITE}/robots.txt`]: reply }));
    const rules = await cache.rulesFor(`${SITE}/services`);
    expect(rules.source).toBe(source);
    expect(rules.isAllowed(`${SITE}/services`)).toBe(allowed);
  });

  it('explains a network error', async () => {
    const cache = new RobotsCache(stubFetcher({ [`${SITE}/robots.txt`]: new Error('ENOTFOUND') }));
    const rules = await cache.rulesFor(`${SITE}/`);
    expect(rules.explain(`${SITE}/`)).toBe('robots.txt unreachable (network error): disallow for now');
  });

  it('re-fetches an unreachable robots.txt after the TTL, then keeps the file', async () => {
    let now = 1_000;
    const fetcher = stubFetcher({ [`${SITE}/robots.txt`]: [new Error('timeout'), FILE] });
    const cache = new RobotsCache(fetcher, { unreachableTtlMs: 60_000, now: () => now });
    expect((await cache.rulesFor(`${SITE}/`)).source).toBe('unreachable');
    now += 59_999;
    expect((await cache.rulesFor(`${SITE}/`)).source).toBe('unreachable');
    expect(cache.fetchCount).toBe(1);
    now += 1;
    expect((await cache.rulesFor(`${SITE}/`)).source).toBe('file');
    now += 10 * 365 * 24 * 3600_000;
    expect((await cache.rulesFor(`${SITE}/`)).source).toBe('file');
    expect(fetcher.calls).toHaveLength(2);
    expect(cache.fetchCount).toBe(2);
  });

  it('keeps not_found rules for the cache life', async () => {
    let now = 0;
    const fetcher = stubFetcher();
    const cache = new RobotsCache(fetcher, { unreachableTtlMs: 10, now: () => now });
    await cache.rulesFor(`${SITE}/`);
    now = 1e12;
    expect((await cache.rulesFor(`${SITE}/`)).source).toBe('not_found');
    expect(fetcher.calls).toHaveLength(1);
  });

  it('uses the 5-minute default TTL', async () => {
    let now = 0;
    const fetcher = stubFetcher({ [`${SITE}/robots.txt`]: { status: 500, body: '' } });
    const cache = new RobotsCache(fetcher, { now: () => now });
    await cache.rulesFor(`${SITE}/`);
    now = 5 * 60_000 - 1;
    await cache.rulesFor(`${SITE}/`);
    expect(fetcher.calls).toHaveLength(1);
    now = 5 * 60_000;
    await cache.rulesFor(`${SITE}/`);
    expect(fetcher.calls).toHaveLength(2);
  });

  it('passes the product token to the rules', async () => {
    const body = 'User-agent: *\nAllow: /\n\nUser-agent: otherbot\nDisallow: /\n';
    const cache = new RobotsCache(stubFetcher({ [`${SITE}/robots.txt`]: { status: 200, body } }), { productToken: 'OtherBot' });
    expect((await cache.rulesFor(`${SITE}/x`)).isAllowed(`${SITE}/x`)).toBe(false);
  });

  it('rejects a URL that is not http(s)', async () => {
    const cache = new RobotsCache(stubFetcher());
    await expect(cache.rulesFor('ftp://a.gov.uk/file')).rejects.toThrow(/http\(s\)/);
    await expect(cache.rulesFor('not a url')).rejects.toThrow();
    expect(cache.fetchCount).toBe(0);
  });
});
