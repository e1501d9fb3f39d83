// The Workers fetcher (the web platform's fetch; here Node's own) against a misbehaving loopback server: the same
// timeouts, redirect limit, body cap, address refusal and text decoding as the undici fetcher `sbb scrape` uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFetchError } from '../../scrapers/fetch/fetch-error.js';
import { createWebFetcher } from '../../scrapers/fetch/web-fetcher.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return isFetchError(e) ? e.code : `not a fetch error: ${(e as Error).message}`;
  }
};

describe('the Workers fetcher', () => {
  let server: FixtureServer;
  const fetcher = (o: Parameters<typeof createWebFetcher>[0] = {}) => createWebFetcher({ allowHosts: ['127.0.0.1'], ...o });

  beforeAll(async () => {
    server = await startFixtureServer();
    server.routes({
      '/page': { kind: 'static', body: '<html><head><meta charset="windows-1252"></head><body>caf\xe9</body></html>', headers: { 'content-type': 'text/html' } },
      '/latin1': { kind: 'static', body: Buffer.from([0x3c, 0x70, 0x3e, 0xa3, 0x35, 0x3c, 0x2f, 0x70, 0x3e]), headers: { 'content-type': 'text/html; charset=windows-1252' } },
      '/hop1': { kind: 'redirect', location: '/hop2' },
      '/hop2': { kind: 'redirect', location: '/latin1', status: 301 },
      '/loop': { kind: 'redirect', location: '/loop2' },
      '/loop2': { kind: 'redirect', location: '/loop' },
      '/r1': { kind: 'redirect', location: '/r2' },
      '/r2': { kind: 'redirect', location: '/r3' },
      '/r3': { kind: 'redirect', location: '/page' },
      '/big': { kind: 'oversized', bytes: 300_000 },
      '/hang': { kind: 'hang' },
      '/drip': { kind: 'drip', body: 'x'.repeat(200), chunkBytes: 10, intervalMs: 100 },
      '/gz': { kind: 'encoded', body: '<p>compressed £5</p>', encoding: 'gzip', headers: { 'content-type': 'text/html; charset=utf-8' } },
      '/etag': { kind: 'etag', body: '<p>same</p>', etag: '"v1"' },
    });
  });
  afterAll(() => server.close());

  it('decodes text by its declared charset and follows redirects by hand', async () => {
    const page = await fetcher().fetch({ url: `${server.url}/hop1` });
    expect(page).toMatchObject({ status: 200, text: '<p>£5</p>', charset: 'windows-1252', finalUrl: `${server.url}/latin1`, redirects: [`${server.url}/hop2`, `${server.url}/latin1`] });
    const gz = await fetcher().fetch({ url: `${server.url}/gz` });
    expect(gz.text).toBe('<p>compressed £5</p>');
  });

  it('refuses redirect loops and more redirects than allowed', async () => {
    expect(await codeOf(fetcher().fetch({ url: `${server.url}/loop` }))).toBe('redirect_loop');
    expect(await codeOf(fetcher({ maxRedirects: 2 }).fetch({ url: `${server.url}/r1` }))).toBe('too_many_redirects');
    expect(await codeOf(fetcher({ maxRedirects: 3 }).fetch({ url: `${server.url}/r1` }))).toBe('ok');
  });

  it('caps the body, and times out a silent server and one that drips', async () => {
    expect(await codeOf(fetcher({ maxBodyBytes: 100_000 }).fetch({ url: `${server.url}/big` }))).toBe('too_large');
    expect(await codeOf(fetcher({ connectTimeoutMs: 100, headersTimeoutMs: 200 }).fetch({ url: `${server.url}/hang` }))).toBe('timeout_headers');
    expect(await codeOf(fetcher({ bodyDeadlineMs: 500 }).fetch({ url: `${server.url}/drip` }))).toBe('slow_body');
    expect(await codeOf(fetcher({ bodyTimeoutMs: 50 }).fetch({ url: `${server.url}/drip` }))).toBe('timeout_body');
  });

  it('refuses private addresses unless the host is allowed, and anything but http(s)', async () => {
    expect(await codeOf(createWebFetcher().fetch({ url: `${server.url}/page` }))).toBe('blocked_address');
    expect(await codeOf(createWebFetcher().fetch({ url: 'http://[::1]:9/' }))).toBe('blocked_address');
    expect(await codeOf(createWebFetcher().fetch({ url: 'http://10.1.2.3/' }))).toBe('blocked_address');
    expect(await codeOf(fetcher().fetch({ url: 'file:///etc/passwd' }))).toBe('bad_url');
  });

  it('makes conditional requests: a 304 has an empty body', async () => {
    const page = await fetcher().fetch({ url: `${server.url}/etag`, etag: '"v1"' });
    expect(page.status).toBe(304);
    expect(page.bytes.length).toBe(0);
  });
});
