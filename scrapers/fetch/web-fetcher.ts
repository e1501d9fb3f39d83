// The fetcher on the web platform's fetch (the Workers runtime's): the same timeouts, redirect limit, body cap and
// text decoding as the undici fetcher, redirects followed by hand with each hop checked. The runtime undoes
// Content-Encoding itself, so the decoded cap applies to the body as read. IP literals in private ranges are refused
// unless allowed; names cannot be resolved here (Cloudflare's network does not reach private addresses).
import { decodeText, isTextual } from './decode-text.js';
import { fetchError, isFetchError, type FetchError } from './fetch-error.js';
import { DEFAULT_ACCEPT, FETCH_DEFAULTS, REDIRECT_STATUSES, type FetchedPage, type Fetcher, type FetchLimits, type FetchRequest, FORM_TYPE, nextRequest, onceEach } from './fetch-port.js';
import { hostAllowed, literalBlocked } from './host-patterns.js';
import { userAgent } from './user-agent.js';

export interface WebFetcherOptions extends FetchLimits {
  userAgent?: string;
  /** Hosts allowed at private or loopback addresses (exact, or "*.suffix"). */
  allowHosts?: readonly string[];
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** Reads a body with a cap, a deadline for all of it and a limit on silence between chunks. */
async function readCapped(body: ReadableStream<Uint8Array> | null, url: string, o: Required<FetchLimits>, cap: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  try {
    for (;;) {
      const left = o.bodyDeadlineMs - (Date.now() - started);
      const wait = Math.min(o.bodyTimeoutMs, left);
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, wait))));
      const next = await Promise.race([reader.read(), late]);
      clearTimeout(timer);
      if (next === 'late') {
        await reader.cancel().catch(() => undefined);
        if (left <= o.bodyTimeoutMs) throw fetchError('slow_body', `the body took longer than ${o.bodyDeadlineMs} ms to arrive (${size} bytes by then): the server sends it too slowly`, url);
        throw fetchError('timeout_body', 'timed out waiting for the body', url);
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        throw fetchError('too_large', `body is larger than ${cap} bytes: refused`, url);
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function classify(e: unknown, url: string, o: Required<FetchLimits>, signal: AbortSignal | undefined, headersLate: boolean): FetchError {
  if (isFetchError(e)) return e;
  const err = e as Error;
  if (signal?.aborted) return fetchError('network', 'aborted', url);
  if (headersLate) return fetchError('timeout_headers', 'timed out waiting for response headers', url);
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return fetchError('timeout_total', `took longer than ${o.totalTimeoutMs} ms in all`, url);
  return fetchError('network', err.message, url);
}

export function createWebFetcher(options: WebFetcherOptions = {}): Fetcher {
  const o: Required<FetchLimits> = { ...FETCH_DEFAULTS, ...stripUndefined(options) };
  const allowHosts = options.allowHosts ?? [];
  const ua = options.userAgent ?? userAgent();
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function fetchOnce(req: FetchRequest): Promise<FetchedPage> {
    const started = performance.now();
    const total = AbortSignal.timeout(o.totalTimeoutMs);
    const redirects: string[] = [];
    let current = req.url;
    let form = req.form;
    const asked = onceEach(`${form === undefined ? 'GET' : 'POST'} ${req.url}`);
    let headersLate = false;
    try {
      for (;;) {
        let parsed: URL;
        try {
          parsed = new URL(current);
        } catch {
          throw fetchError('bad_url', `not a URL: ${current}`, req.url);
        }
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fetchError('bad_url', `only http and https are fetched, not ${parsed.protocol}`, current);
        const host = parsed.hostname.replace(/^\[|\]$/g, '');
        if (literalBlocked(host) && !hostAllowed(host, allowHosts))
          throw fetchError('blocked_address', `${host} is a private or special address, fetched only when the host is allowed`, current);
        const headers: Record<string, string> = { 'user-agent': ua, accept: req.accept ?? DEFAULT_ACCEPT, 'accept-language': 'en-GB,en;q=0.8' };
        if (redirects.length === 0 && req.etag && form === undefined) headers['if-none-match'] = req.etag;
        if (redirects.length === 0 && req.lastModified && form === undefined) headers['if-modified-since'] = req.lastModified;
        if (form !== undefined) headers['content-type'] = FORM_TYPE;
        // Connecting and the headers share one limit here: the runtime does not tell them apart.
        const waiting = new AbortController();
        const timer = setTimeout(() => ((headersLate = true), waiting.abort()), o.connectTimeoutMs + o.headersTimeoutMs);
        const signal = AbortSignal.any([total, waiting.signal, ...(req.signal ? [req.signal] : [])]);
        let res: Response;
        try {
          res = await doFetch(parsed.href, { method: form === undefined ? 'GET' : 'POST', body: form, headers, redirect: 'manual', signal });
        } finally {
          clearTimeout(timer);
        }
        const resHeaders: Record<string, string> = {};
        res.headers.forEach((v, k) => (resHeaders[k.toLowerCase()] = v));
        if (REDIRECT_STATUSES.has(res.status) && resHeaders.location) {
          await res.body?.cancel().catch(() => undefined);
          const to = new URL(resHeaders.location, parsed);
          const then = nextRequest(res.status, parsed, to, form);
          if ('refused' in then) throw fetchError('post_off_host', then.refused, req.url);
          form = then.form;
          const next = to.href;
          // A loop asks the same thing twice (a form post answered by a GET of its own address is not one).
          if (!asked.add(`${form === undefined ? 'GET' : 'POST'} ${next}`))
            throw fetchError('redirect_loop', `redirect loop: ${[req.url, ...redirects, next].join(' -> ')}`, req.url);
          redirects.push(next);
          if (redirects.length > o.maxRedirects) throw fetchError('too_many_redirects', `more than ${o.maxRedirects} redirects`, req.url);
          current = next;
          continue;
        }
        const empty = res.status === 304 || res.status === 204;
        if (empty) await res.body?.cancel().catch(() => undefined);
        const cap = resHeaders['content-encoding'] ? o.maxDecodedBytes : o.maxBodyBytes;
        const bytes = empty ? new Uint8Array(0) : await readCapped(res.body, current, o, cap);
        const contentType = resHeaders['content-type'] ?? null;
        const page: FetchedPage = {
          url: req.url, finalUrl: current, status: res.status, headers: resHeaders, contentType, bytes, warnings: [], redirects,
          elapsedMs: performance.now() - started,
        };
        if (bytes.length && isTextual(contentType)) {
          const decoded = decodeText(bytes, contentType);
          page.text = decoded.text;
          page.charset = decoded.charset;
          page.charsetSource = decoded.source;
          if (decoded.warning) page.warnings.push(decoded.warning);
        }
        return page;
      }
    } catch (e) {
      throw classify(e, current, o, req.signal, headersLate);
    }
  }

  return { fetch: fetchOnce, close: async () => undefined };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
