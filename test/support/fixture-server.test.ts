// The fixture server itself: every behaviour, routing by path and Host, request records, and a fast close.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHALLENGE_PAGE, htmlPage, startFixtureServer, syntheticSite, type FixtureServer } from './fixture-server.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Options {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
}

/** A raw node:http request (no redirects followed, nothing decoded), optionally with a Host header. */
function get(server: FixtureServer, path: string, opts: Options = {}): Promise<Reply> {
  const headers = { ...opts.headers, ...(opts.host ? { host: opts.host } : {}) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(server.url + path, { method: opts.method ?? 'GET', agent: false, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The hrefs in an HTML document, in order. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

describe('fixture server', () => {
  let server: FixtureServer;

  beforeEach(async () => {
    server = await startFixtureServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and answers unknown paths with the 404 fallback', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(server.url + '/nowhere');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not found');
  });

  it('uses routes and a fallback given at start', async () => {
    const other = await startFixtureServer({ routes: { '/a': { kind: 'static', body: 'A' } }, fallback: { kind: 'status', status: 410 } });
    try {
      expect(await (await fetch(other.url + '/a')).text()).toBe('A');
      expect((await fetch(other.url + '/b')).status).toBe(410);
    } finally {
      await other.close();
    }
  });

  it('static: body, default status and content type, custom status and headers, HEAD without body', async () => {
    server.route('/page', { kind: 'static', body: '<p>hello</p>' });
    server.route('/json', { kind: 'static', body: Buffer.from('{"a":1}'), status: 201, headers: { 'Content-Type': 'application/json', 'x-fixture': 'yes' } });
    const page = await fetch(server.url + '/page');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>hello</p>');
    const json = await fetch(server.url + '/json');
    expect(json.status).toBe(201);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.headers.get('x-fixture')).toBe('yes');
    expect(await json.json()).toEqual({ a: 1 });
    const head = await get(server, '/page', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('12');
    expect(head.body.length).toBe(0);
  });

  it('hang: never answers; the client times out and the server still closes fast', async () => {
    server.route('/hang', { kind: 'hang' });
    const started = performance.now();
    await expect(fetch(server.url + '/hang', { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(server.hits('/hang')).toBe(1);
    const closing = performance.now();
    await server.close();
    expect(performance.now() - closing).toBeLessThan(1000);
  });

  it('hang_body: sends headers and the first bytes, then nothing more', async () => {
    server.route('/slow', { kind: 'hang_body', headers: { 'x-partial': '1' }, firstBytes: '<html><body>' });
    const res = await fetch(server.url + '/slow', { signal: AbortSignal.timeout(1500) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-partial')).toBe('1');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('<html><body>');
    const more = await Promise.race([reader.read().then(() => 'more', () => 'error'), sleep(250).then(() => 'nothing')]);
    expect(more).toBe('nothing');
    await reader.cancel().catch(() => {});
  });

  it('drip: writes the body a few bytes at a time', async () => {
    server.route('/drip', { kind: 'drip', body: 'abcdefghij', chunkBytes: 2, intervalMs: 40 });
    const started = performance.now();
    const res = await get(server, '/drip');
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('abcdefghij');
    expect(elapsed).toBeGreaterThanOrEqual(5 * 40 - 40);
    expect(elapsed).toBeLessThan(1500);
  });

  it('reset: the connection drops with no response', async () => {
    server.route('/reset', { kind: 'reset' });
    await expect(fetch(server.url + '/reset')).rejects.toThrow(TypeError);
    await expect(get(server, '/reset')).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('status: 500 with a body, 404, 410 and 403 with headers', async () => {
    server.route('/500', { kind: 'status', status: 500, body: 'boom' });
    server.route('/410', { kind: 'status', status: 410 });
    server.route('/403', { kind: 'status', status: 403, body: CHALLENGE_PAGE, headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge' } });
    const res = await fetch(server.url + '/500');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('boom');
    expect((await fetch(server.url + '/410')).status).toBe(410);
    const blocked = await fetch(server.url + '/403');
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get('cf-mitigated')).toBe('challenge');
    expect(await blocked.text()).toContain('<title>Just a moment...</title>');
  });

  it('retry_after: 429 and 503 carry Retry-After', async () => {
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    server.route('/429', { kind: 'retry_after', status: 429, retryAfter: '2' });
    server.route('/503', { kind: 'retry_after', status: 503, retryAfter: date });
    const a = await fetch(server.url + '/429');
    expect([a.status, a.headers.get('retry-after')]).toEqual([429, '2']);
    const b = await fetch(server.url + '/503');
    expect([b.status, b.headers.get('retry-after')]).toEqual([503, date]);
  });

  it('redirect: 302 by default, other codes on request, relative locations kept as is', async () => {
    server.route('/old', { kind: 'redirect', location: '/new' });
    server.route('/moved', { kind: 'redirect', location: 'https://elsewhere.test/x', status: 301 });
    server.route('/new', { kind: 'static', body: 'new' });
    const a = await get(server, '/old');
    expect([a.status, a.headers.location]).toEqual([302, '/new']);
    const b = await get(server, '/moved');
    expect([b.status, b.headers.location]).toEqual([301, 'https://elsewhere.test/x']);
    const followed = await fetch(server.url + '/old');
    expect(followed.url).toBe(server.url + '/new');
    expect(await followed.text()).toBe('new');
  });

  it('oversized: streams exactly the bytes asked for, without a content-length', async () => {
    const bytes = 3 * 64 * 1024 + 123;
    server.route('/big', { kind: 'oversized', bytes });
    const res = await get(server, '/big');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.length).toBe(bytes);
  });

  it('gzip_bomb: a small gzip body that inflates to the size asked for', async () => {
    const decompressedBytes = 10 * 1024 * 1024;
    server.route('/bomb', { kind: 'gzip_bomb', decompressedBytes });
    const res = await get(server, '/bomb');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.length).toBeLessThan(decompressedBytes / 100);
    const inflated = gunzipSync(res.body);
    expect(inflated.length).toBe(decompressedBytes);
    expect(inflated.every((byte) => byte === 0x20)).toBe(true);
  });

  it('encoded: gzip, deflate and br bodies round-trip, raw and through fetch', async () => {
    const body = htmlPage('Encoded', '<p>Short breaks £ café</p>'.repeat(20));
    const decode = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };
    for (const encoding of ['gzip', 'deflate', 'br'] as const) {
      server.route(`/${encoding}`, { kind: 'encoded', body, encoding });
      const raw = await get(server, `/${encoding}`);
      expect(raw.headers['content-encoding']).toBe(encoding);
      expect(raw.body.length).toBeLessThan(Buffer.byteLength(body));
      expect(decode[encoding](raw.body).toString('utf8')).toBe(body);
      expect(await (await fetch(server.url + `/${encoding}`)).text()).toBe(body);
    }
  });

  it('etag: 304 without a body on a matching If-None-Match or If-Modified-Since', async () => {
    const lastModified = 'Tue, 01 Apr 2025 10:00:00 GMT';
    server.route('/e', { kind: 'etag', body: 'v1', etag: '"abc"', lastModified });
    const first = await get(server, '/e');
    expect([first.status, first.headers.etag, first.headers['last-modified'], first.body.toString()]).toEqual([200, '"abc"', lastModified, 'v1']);
    const same = await get(server, '/e', { headers: { 'if-none-match': '"zzz", W/"abc"' } });
    expect([same.status, same.body.length, same.headers.etag]).toEqual([304, 0, '"abc"']);
    expect((await get(server, '/e', { headers: { 'if-none-match': '"old"' } })).status).toBe(200);
    expect((await get(server, '/e', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await get(server, '/e', { headers: { 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' } })).status).toBe(200);
  });

  it('delay: waits before applying the inner behaviour', async () => {
    server.route('/late', { kind: 'delay', ms: 150, then: { kind: 'status', status: 503, body: 'later' } });
    const started = performance.now();
    const res = await fetch(server.url + '/late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect([res.status, await res.text()]).toEqual([503, 'later']);
  });

  it('sequence: each request gets the next step, the last step repeats', async () => {
    server.route('/flaky', { kind: 'sequence', steps: [{ kind: 'status', status: 500 }, { kind: 'static', body: 'ok' }] });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(server.url + '/flaky')).status);
    expect(statuses).toEqual([500, 200, 200]);
    server.route('/flaky', { kind: 'sequence', steps: [{ kind: 'status', status: 500 }, { kind: 'static', body: 'ok' }] });
    expect((await fetch(server.url + '/flaky')).status).toBe(500); // replacing a route restarts its count
  });

  it('records requests and counts hits by path (with query) and Host', async () => {
    server.route('/x', { kind: 'static', body: 'x' });
    await get(server, '/x', { host: 'council-001.test' });
    await get(server, '/x', { host: 'Council-001.TEST:8080' });
    await get(server, '/x', { host: 'council-002.test' });
    await get(server, '/x?page=2', { host: 'council-001.test', headers: { 'user-agent': 'sbb-test' } });
    expect(server.hits('/x')).toBe(3);
    expect(server.hits('/x', 'council-001.test')).toBe(2);
    expect(server.hits('/x', 'council-002.test')).toBe(1);
    expect(server.hits('/x?page=2')).toBe(1);
    expect(server.hits('/x', 'nobody.test')).toBe(0);
    const last = server.requests.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', host: 'council-001.test', path: '/x?page=2' });
    expect(last.headers['user-agent']).toBe('sbb-test');
    expect(server.requests.map((r) => r.at)).toEqual([...server.requests.map((r) => r.at)].sort((a, b) => a - b));
  });

  it('a host-specific route wins over a host-less one', async () => {
    server.routes({ '/': { kind: 'static', body: 'anyone' }, '/only-shared': { kind: 'static', body: 'shared' } });
    server.routes({ '/': { kind: 'static', body: 'council one' } }, 'council-001.test');
    expect((await get(server, '/', { host: 'council-001.test:80' })).body.toString()).toBe('council one');
    expect((await get(server, '/', { host: 'council-002.test' })).body.toString()).toBe('anyone');
    expect((await get(server, '/')).body.toString()).toBe('anyone');
    expect((await get(server, '/only-shared', { host: 'council-001.test' })).body.toString()).toBe('shared');
  });

  it('gapsMs: time between request arrivals for one host', async () => {
    server.route('/g', { kind: 'static', body: 'g' });
    for (let i = 0; i < 3; i++) {
      await get(server, '/g', { host: 'council-001.test' });
      await get(server, '/g', { host: 'council-002.test' });
      await sleep(80);
    }
    const gaps = server.gapsMs('council-001.test');
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(70);
    expect(server.gapsMs('COUNCIL-002.test:443')).toHaveLength(2);
    expect(server.gapsMs('nobody.test')).toEqual([]);
  });

  it('close() resolves within 1 s with hanging, half-sent and dripping responses open', async () => {
    server.routes({
      '/hang': { kind: 'hang' },
      '/half': { kind: 'hang_body', firstBytes: 'x' },
      '/drip': { kind: 'drip', body: 'x'.repeat(100), chunkBytes: 1, intervalMs: 100 },
      '/later': { kind: 'delay', ms: 5000, then: { kind: 'static', body: 'never' } },
    });
    const pending = ['/hang', '/half', '/drip', '/later'].map((path) => get(server, path).then(() => 'answered', () => 'dropped'));
    while (server.requests.length < 4) await sleep(10);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await Promise.all(pending)).toEqual(['dropped', 'dropped', 'dropped', 'dropped']);
    await server.close(); // a second close is harmless
  });

  it('rejects behaviours that cannot be served when they are registered', () => {
    expect(() => server.route('/bad', { kind: 'drip', body: 'x', chunkBytes: 0, intervalMs: 10 })).toThrow(/chunkBytes/);
    expect(() => server.route('/bad', { kind: 'sequence', steps: [] })).toThrow(/step/);
  });
});

describe('fixture site helpers', () => {
  it('htmlPage builds a small HTML5 document with an escaped title', () => {
    const page = htmlPage('Tom & Jerry <3', '<p>raw <b>body</b></p>', { charsetMeta: 'windows-1252' });
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<meta charset="windows-1252">');
    expect(page).toContain('<title>Tom &amp; Jerry &lt;3</title>');
    expect(page).toContain('<body>\n<p>raw <b>body</b></p>\n</body>');
    expect(htmlPage('t', '')).toContain('<meta charset="utf-8">');
  });

  it('CHALLENGE_PAGE looks like a Cloudflare interstitial', () => {
    expect(CHALLENGE_PAGE).toContain('<title>Just a moment...</title>');
    expect(CHALLENGE_PAGE).toContain('Checking your browser before accessing');
    expect(CHALLENGE_PAGE).toMatch(/<noscript>.*Enable JavaScript and cookies to continue.*<\/noscript>/);
    expect(CHALLENGE_PAGE).toMatch(/<script[^>]*>[^<]*\/cdn-cgi\/challenge-platform\//);
  });

  it('syntheticSite serves an index, linked pages of about the size asked for, and an open robots.txt', async () => {
    const server = await startFixtureServer();
    try {
      server.routes(syntheticSite({ pages: 3, bytesPerPage: 3000, host: 'council-001.test' }), 'council-001.test');
      const fetchText = async (path: string) => (await get(server, path, { host: 'council-001.test' })).body.toString('utf8');
      const index = await fetchText('/');
      expect(index).toContain('Exampleshire County Council (synthetic)');
      expect(hrefs(index)).toEqual(['/page/1', '/page/2', '/page/3']);
      for (let i = 1; i <= 3; i++) {
        const page = await fetchText(`/page/${i}`);
        expect(page).toMatch(/^<!doctype html>/);
        expect(Buffer.byteLength(page)).toBeGreaterThanOrEqual(3000);
        expect(Buffer.byteLength(page)).toBeLessThan(3600);
        expect(hrefs(page)).toEqual(i < 3 ? ['/', `/page/${i + 1}`] : ['/']);
      }
      const robots = await get(server, '/robots.txt', { host: 'council-001.test' });
      expect(robots.headers['content-type']).toMatch(/^text\/plain/);
      expect(robots.body.toString()).toMatch(/User-agent: \*\nAllow: \//);
      expect((await get(server, '/page/1', { host: 'council-002.test' })).status).toBe(404);
      const small = syntheticSite({ pages: 1 })['/page/1'];
      expect(small?.kind === 'static' && Buffer.byteLength(small.body)).toBeGreaterThanOrEqual(2048);
    } finally {
      await server.close();
    }
  });
});
