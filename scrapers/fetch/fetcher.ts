// The HTTP fetcher on undici: timeouts, a body cap, decoding, redirects followed by hand (each hop re-checked).
import { isIP } from 'node:net';
import { Agent, errors, request, type Dispatcher } from 'undici';
import { guardedLookup, hostAllowed, isBlockedAddress, type Resolver } from './address-guard.js';
import { decodeContentEncoding } from './decode-body.js';
import { decodeText, isTextual } from './decode-text.js';
import { fetchError, isFetchError, type FetchError } from './fetch-error.js';
import { DEFAULT_ACCEPT, FETCH_DEFAULTS, REDIRECT_STATUSES, type FetchedPage, type Fetcher, type FetchLimits, type FetchRequest, FORM_TYPE, nextRequest, onceEach } from './fetch-port.js';
import { userAgent } from './user-agent.js';

export type { FetchedPage, FetchRequest, Fetcher } from './fetch-port.js';

export interface FetcherOptions extends FetchLimits {
  userAgent?: string;
  /** Hosts allowed to resolve to private or loopback addresses (exact, or "*.suffix"). */
  allowHosts?: readonly string[];
  /** DNS resolution (tests map *.test to 127.0.0.1). */
  resolver?: Resolver;
}

const DEFAULTS = FETCH_DEFAULTS;
const REDIRECTS = REDIRECT_STATUSES;

/** Drops a body we will not read; undici's stream errors on destroy, so give that error somewhere to go. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function classify(e: unknown, url: string, totalTimeoutMs: number, signal: AbortSignal | undefined): FetchError {
  const err = e as Error & { code?: string; cause?: Error & { code?: string } };
  // The address guard refuses at connect time; undici hands its error on as is or as the cause.
  const blocked = [err, err.cause].find((x) => isFetchError(x) && x.code === 'blocked_address');
  if (blocked) return fetchError('blocked_address', blocked.message, url);
  if (isFetchError(e)) return e;
  const code = err.code ?? err.cause?.code;
  if (err instanceof errors.ConnectTimeoutError) return fetchError('timeout_connect', 'timed out connecting', url);
  if (err instanceof errors.HeadersTimeoutError) return fetchError('timeout_headers', 'timed out waiting for response headers', url);
  if (err instanceof errors.BodyTimeoutError) return fetchError('timeout_body', 'timed out waiting for the body', url);
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || code === 'UND_ERR_ABORTED') {
    if (signal?.aborted) return fetchError('network', 'aborted', url);
    return fetchError('timeout_total', `took longer than ${totalTimeoutMs} ms in all`, url);
  }
  return fetchError('network', `${code ? `${code}: ` : ''}${(err.cause ?? err).message}`, url);
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const o = { ...DEFAULTS, ...options };
  const allowHosts = options.allowHosts ?? [];
  const ua = options.userAgent ?? userAgent();
  const agent = new Agent({
    connect: { timeout: o.connectTimeoutMs, lookup: guardedLookup(allowHosts, options.resolver) as never },
    headersTimeout: o.headersTimeoutMs,
    bodyTimeout: o.bodyTimeoutMs,
    keepAliveTimeout: 10_000,
    connections: 4,
  });

  async function readCapped(body: Dispatcher.ResponseData['body'], url: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    let late: FetchError | undefined;
    const deadline = setTimeout(() => {
      late = fetchError('slow_body', `the body took longer than ${o.bodyDeadlineMs} ms to arrive (${size} bytes by then): the server sends it too slowly`, url);
      discard(body);
    }, o.bodyDeadlineMs);
    try {
      for await (const chunk of body) {
        size += (chunk as Buffer).length;
        if (size > o.maxBodyBytes) {
          discard(body);
          throw fetchError('too_large', `body is larger than ${o.maxBodyBytes} bytes: refused`, url);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      throw late ?? e;
    } finally {
      clearTimeout(deadline);
    }
    if (late) throw late;
    return Buffer.concat(chunks, size);
  }

  async function fetchOnce(req: FetchRequest): Promise<FetchedPage> {
    const started = performance.now();
    const deadline = AbortSignal.timeout(o.totalTimeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    const redirects: string[] = [];
    let current = req.url;
    let form = req.form;
    const asked = onceEach(`${form === undefined ? 'GET' : 'POST'} ${req.url}`);
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
        if (isIP(host) && isBlockedAddress(host) && !hostAllowed(host, allowHosts))
          throw fetchError('blocked_address', `${host} is a private or special address, fetched only when the host is allowed`, current);
        const headers: Record<string, string> = {
          'user-agent': ua,
          accept: req.accept ?? DEFAULT_ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'en-GB,en;q=0.8',
        };
        if (redirects.length === 0 && req.etag && form === undefined) headers['if-none-match'] = req.etag;
        if (redirects.length === 0 && req.lastModified && form === undefined) headers['if-modified-since'] = req.lastModified;
        if (form !== undefined) headers['content-type'] = FORM_TYPE;
        const res = await request(parsed, { method: form === undefined ? 'GET' : 'POST', body: form, headers, dispatcher: agent, signal });
        const resHeaders = flatHeaders(res.headers);
        if (REDIRECTS.has(res.statusCode) && resHeaders.location) {
          discard(res.body);
          const to = new URL(resHeaders.location, parsed);
          const then = nextRequest(res.statusCode, parsed, to, form);
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
        const empty = res.statusCode === 304 || res.statusCode === 204;
        if (empty) discard(res.body);
        const raw = empty ? Buffer.alloc(0) : await readCapped(res.body, current);
        const bytes = decodeContentEncoding(raw, resHeaders['content-encoding'], o.maxDecodedBytes, current);
        const contentType = resHeaders['content-type'] ?? null;
        const page: FetchedPage = {
          url: req.url, finalUrl: current, status: res.statusCode, headers: resHeaders, contentType,
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), warnings: [], redirects,
          elapsedMs: performance.now() - started,
        };
        if (bytes.length && isTextual(contentType)) {
          const decoded = decodeText(page.bytes, contentType);
          page.text = decoded.text;
          page.charset = decoded.charset;
          page.charsetSource = decoded.source;
          if (decoded.warning) page.warnings.push(decoded.warning);
        }
        return page;
      }
    } catch (e) {
      throw classify(e, current, o.totalTimeoutMs, req.signal);
    }
  }

  return { fetch: fetchOnce, close: () => agent.close() };
}
