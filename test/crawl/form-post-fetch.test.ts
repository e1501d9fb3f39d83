// Form posts through both fetchers (undici on Node, the web platform's fetch the Worker uses) against a loopback
// server: the body and its type are sent, never conditional; a 303 goes on as GET, a 307 keeps the POST on the same
// host and is refused towards another; a post answered by a GET of its own address is not a redirect loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFetchError } from '../../scrapers/fetch/fetch-error.js';
import { createFetcher } from '../../scrapers/fetch/fetcher.js';
import type { Fetcher } from '../../scrapers/fetch/fetch-port.js';
import { createWebFetcher } from '../../scrapers/fetch/web-fetcher.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

const FORM = '__EVENTTARGET=ctl00%24Pager%24Next&__VIEWSTATE=abc%2B%2F%3D&q=short+breaks';

describe.each([
  ['undici (Node)', () => createFetcher({ allowHosts: ['127.0.0.1', 'localhost'] })],
  ['web fetch (Workers)', () => createWebFetcher({ allowHosts: ['127.0.0.1', 'localhost'] })],
])('form posts with the %s fetcher', (_name, make) => {
  let server: FixtureServer;
  let fetcher: Fetcher;
  const echo = { kind: 'handler' as const, respond: ({ method, body }: { method: string; body: string }) => ({ kind: 'static' as const, body: `<p>${method} ${body}</p>` }) };
  beforeAll(async () => {
    server = await startFixtureServer();
    fetcher = make();
    server.routes({
      '/form': echo,
      '/see-other': { kind: 'handler', respond: ({ method }) => (method === 'POST' ? { kind: 'redirect', location: '/form', status: 303 } : { kind: 'status', status: 500 }) },
      '/same-address': { kind: 'handler', respond: ({ method }) => (method === 'POST' ? { kind: 'redirect', location: '/same-address', status: 302 } : { kind: 'static', body: '<p>results</p>' }) },
      '/keep': { kind: 'redirect', location: '/form', status: 307 },
      '/away': { kind: 'handler', respond: () => ({ kind: 'redirect', location: `http://localhost:${server.port}/form`, status: 307 }) },
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });
  const last = () => server.requests.at(-1)!;

  it('sends the body with its type, and no validators', async () => {
    const page = await fetcher.fetch({ url: `${server.url}/form`, form: FORM, etag: '"v1"', lastModified: 'Mon, 01 Dec 2026 00:00:00 GMT' });
    expect(page.text).toBe(`<p>POST ${FORM}</p>`);
    expect(last()).toMatchObject({ method: 'POST', body: FORM, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(last().headers['if-none-match']).toBeUndefined();
    expect(last().headers['if-modified-since']).toBeUndefined();
  });

  it('a 303 answer goes on as GET without the body; a post answered by a GET of its own address is no loop', async () => {
    expect((await fetcher.fetch({ url: `${server.url}/see-other`, form: FORM })).text).toBe('<p>GET </p>');
    expect(last()).toMatchObject({ method: 'GET', path: '/form', body: '' });
    expect((await fetcher.fetch({ url: `${server.url}/same-address`, form: FORM })).text).toBe('<p>results</p>');
  });

  it('a 307 keeps the POST on the same host, and is refused towards another host', async () => {
    expect((await fetcher.fetch({ url: `${server.url}/keep`, form: FORM })).text).toBe(`<p>POST ${FORM}</p>`);
    const before = server.requests.length;
    const err = await fetcher.fetch({ url: `${server.url}/away`, form: FORM }).catch((e: unknown) => e);
    expect(isFetchError(err) && err.code).toBe('post_off_host');
    expect((err as Error).message).toMatch(/redirected \(307\) to another host, localhost:\d+: not sent there/);
    expect(server.requests.slice(before).map((q) => q.path)).toEqual(['/away']);
  });
});
