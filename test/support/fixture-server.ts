// A loopback HTTP server for crawler tests: serves fixture sites per path and Host, and misbehaves on demand.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib';

export type Behaviour =
  | { kind: 'static'; body: string | Buffer; status?: number; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'hang_body'; headers?: Record<string, string>; firstBytes?: string }
  | { kind: 'drip'; body: string; chunkBytes: number; intervalMs: number }
  | { kind: 'reset' }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'retry_after'; status: 429 | 503; retryAfter: string }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'gzip_bomb'; decompressedBytes: number }
  | { kind: 'encoded'; body: string | Buffer; encoding: 'gzip' | 'deflate' | 'br'; headers?: Record<string, string> }
  | { kind: 'etag'; body: string; etag: string; lastModified?: string }
  | { kind: 'delay'; ms: number; then: Behaviour }
  | { kind: 'sequence'; steps: Behaviour[] }
  /** Reads the request body (a form post), then answers as the behaviour `respond` picks for it. */
  | { kind: 'handler'; respond: (req: { method: string; path: string; body: string; headers: IncomingMessage['headers'] }) => Behaviour };

export interface RecordedRequest {
  method: string;
  /** Host header, lower-cased, port stripped ('' when absent). */
  host: string;
  /** req.url as sent: path plus query string. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** performance.now() when the request arrived. */
  at: number;
  /** The request body, kept for 'handler' routes (form posts). */
  body?: string;
}

export interface FixtureServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  hits(path: string, host?: string): number;
  route(path: string, behaviour: Behaviour, host?: string): void;
  routes(map: Record<string, Behaviour>, host?: string): void;
  gapsMs(host: string): number[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  routes?: Record<string, Behaviour>;
  fallback?: Behaviour;
}

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const CHUNK = 64 * 1024;

/** What one route serves, with how many requests it has had (for 'sequence'). */
interface Route {
  behaviour: Behaviour;
  count: number;
}

/** What a behaviour needs from the server around it. */
interface Context {
  req: IncomingMessage;
  record: RecordedRequest;
  res: ServerResponse;
  /** Index of this request among the route's requests, from 0. */
  n: number;
  /** True once the server is closing or the client has gone. */
  stopped: () => boolean;
  /** setTimeout that the server clears on close. */
  later: (ms: number, fn: () => void) => void;
}

/** Lower-cases a Host value and strips its port ('[::1]:80' keeps its brackets). */
export function normaliseHost(host: string | undefined): string {
  const h = (host ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** Rejects behaviours that could never be served, when they are registered rather than mid-request. */
function validate(b: Behaviour, where: string): void {
  const fail = (why: string) => {
    throw new Error(`fixture route ${where}: ${b.kind} ${why}`);
  };
  const count = (x: number) => Number.isInteger(x) && x >= 0;
  if (b.kind === 'drip' && (!Number.isInteger(b.chunkBytes) || b.chunkBytes < 1 || !count(b.intervalMs)))
    fail('needs chunkBytes >= 1 and intervalMs >= 0 (integers)');
  if (b.kind === 'oversized' && !count(b.bytes)) fail('needs a whole number of bytes');
  if (b.kind === 'gzip_bomb' && !count(b.decompressedBytes)) fail('needs a whole number of decompressedBytes');
  if (b.kind === 'delay') {
    if (!(b.ms >= 0)) fail('needs ms >= 0');
    validate(b.then, where);
  }
  if (b.kind === 'sequence') {
    if (b.steps.length === 0) fail('needs at least one step');
    for (const step of b.steps) validate(step, where);
  }
}

/** Merges header maps by lower-cased name, later maps winning. */
function headersOf(...maps: Array<Record<string, string> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const map of maps) for (const [k, v] of Object.entries(map ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function bytesOf(body: string | Buffer): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** Sends a whole response; no body for HEAD, 204 and 304 (HEAD still gets the GET content-length). */
function send(ctx: Context, status: number, headers: Record<string, string>, body: Buffer = Buffer.alloc(0)): void {
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  const h = noBody ? headers : { ...headers, 'content-length': String(body.length) };
  ctx.res.writeHead(status, h);
  ctx.res.end(noBody || ctx.req.method === 'HEAD' ? undefined : body);
}

/** Resolves when the response can take more data, or has closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** 64 KiB of harmless HTML-ish filler, sliced for the last chunk. */
const FILLER = Buffer.from('<p>Exampleshire filler.</p>\n'.repeat(Math.ceil(CHUNK / 28)).slice(0, CHUNK), 'utf8');

/** Streams `total` filler bytes without a content-length, honouring back-pressure. */
async function streamFiller(ctx: Context, total: number): Promise<void> {
  ctx.res.writeHead(200, { 'content-type': HTML });
  if (ctx.req.method === 'HEAD') return void ctx.res.end();
  let sent = 0;
  while (sent < total && !ctx.stopped()) {
    const n = Math.min(CHUNK, total - sent);
    const ok = ctx.res.write(n === CHUNK ? FILLER : FILLER.subarray(0, n));
    sent += n;
    if (!ok) await drained(ctx.res);
  }
  if (!ctx.stopped()) ctx.res.end();
}

/** Writes the body chunkBytes at a time, each chunk intervalMs after the one before (the first one too). */
function drip(ctx: Context, body: string, chunkBytes: number, intervalMs: number): void {
  ctx.res.writeHead(200, { 'content-type': HTML });
  ctx.res.flushHeaders();
  if (ctx.req.method === 'HEAD') return void ctx.res.end();
  const bytes = Buffer.from(body, 'utf8');
  const next = (offset: number) => {
    if (ctx.stopped()) return;
    if (offset >= bytes.length) return void ctx.res.end();
    ctx.later(intervalMs, () => {
      if (ctx.stopped()) return;
      ctx.res.write(bytes.subarray(offset, offset + chunkBytes));
      next(offset + chunkBytes);
    });
  };
  next(0);
}

/** Gzip bodies that inflate to N spaces, built once per N (streamed, so large N costs little memory). */
const bombs = new Map<number, Promise<Buffer>>();

function gzipBomb(decompressedBytes: number): Promise<Buffer> {
  let bomb = bombs.get(decompressedBytes);
  if (!bomb) {
    bomb = buildBomb(decompressedBytes);
    bombs.set(decompressedBytes, bomb);
  }
  return bomb;
}

async function buildBomb(decompressedBytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9, memLevel: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = once(gzip, 'end');
  const block = Buffer.alloc(1 << 20, 0x20);
  for (let left = decompressedBytes; left > 0; left -= block.length) {
    if (!gzip.write(left >= block.length ? block : block.subarray(0, left))) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return Buffer.concat(parts);
}

/** Starts building any gzip bombs a behaviour will need, so the first request is not slow. */
function warmUp(b: Behaviour): void {
  if (b.kind === 'gzip_bomb') gzipBomb(b.decompressedBytes).catch(() => {});
  if (b.kind === 'delay') warmUp(b.then);
  if (b.kind === 'sequence') b.steps.forEach(warmUp);
}

function compress(body: Buffer, encoding: 'gzip' | 'deflate' | 'br'): Buffer {
  if (encoding === 'gzip') return gzipSync(body);
  if (encoding === 'deflate') return deflateSync(body); // HTTP 'deflate' is the zlib format
  return brotliCompressSync(body);
}

/** True when any entity tag in If-None-Match matches (weak comparison, '*' matches anything). */
function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Answers one request according to a behaviour. */
async function serve(ctx: Context, b: Behaviour): Promise<void> {
  const { req, res } = ctx;
  switch (b.kind) {
    case 'static':
      return send(ctx, b.status ?? 200, headersOf({ 'content-type': HTML }, b.headers), bytesOf(b.body));
    case 'hang':
      return;
    case 'hang_body':
      res.writeHead(200, headersOf({ 'content-type': HTML }, b.headers));
      res.flushHeaders();
      if (b.firstBytes && req.method !== 'HEAD') res.write(b.firstBytes);
      return;
    case 'drip':
      return drip(ctx, b.body, b.chunkBytes, b.intervalMs);
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'status':
      return send(ctx, b.status, headersOf({ 'content-type': TEXT }, b.headers), bytesOf(b.body ?? ''));
    case 'retry_after':
      return send(ctx, b.status, { 'content-type': TEXT, 'retry-after': b.retryAfter }, bytesOf('slow down\n'));
    case 'redirect':
      return send(ctx, b.status ?? 302, { location: b.location });
    case 'oversized':
      return streamFiller(ctx, b.bytes);
    case 'gzip_bomb': {
      const body = await gzipBomb(b.decompressedBytes);
      if (ctx.stopped()) return;
      return send(ctx, 200, { 'content-type': HTML, 'content-encoding': 'gzip' }, body);
    }
    case 'encoded': {
      const headers = headersOf({ 'content-type': HTML }, b.headers, { 'content-encoding': b.encoding });
      return send(ctx, 200, headers, compress(bytesOf(b.body), b.encoding));
    }
    case 'etag': {
      const headers = headersOf({ 'content-type': HTML, etag: b.etag }, b.lastModified ? { 'last-modified': b.lastModified } : {});
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const fresh = inm !== undefined ? etagMatches(inm, b.etag) : b.lastModified !== undefined && ims === b.lastModified;
      return fresh ? send(ctx, 304, headers) : send(ctx, 200, headers, bytesOf(b.body));
    }
    case 'delay':
      ctx.later(b.ms, () => void serve(ctx, b.then).catch(() => fail(ctx)));
      return;
    case 'sequence':
      return serve(ctx, b.steps[Math.min(ctx.n, b.steps.length - 1)]!);
    case 'handler': {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      await once(req, 'end');
      const body = Buffer.concat(chunks).toString('utf8');
      ctx.record.body = body;
      const next = b.respond({ method: req.method ?? 'GET', path: req.url ?? '/', body, headers: req.headers });
      validate(next, req.url ?? '/');
      return serve(ctx, next);
    }
  }
}

/** A fixture bug answers 500 instead of crashing the test process. */
function fail(ctx: Context): void {
  if (ctx.stopped()) return;
  if (!ctx.res.headersSent) send(ctx, 500, { 'content-type': TEXT }, bytesOf('fixture server error\n'));
  else ctx.res.destroy();
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const fallback: Route = { behaviour: options.fallback ?? { kind: 'status', status: 404, body: 'not found' }, count: 0 };
  validate(fallback.behaviour, 'fallback');
  warmUp(fallback.behaviour);
  const table = new Map<string, Route>();
  const key = (path: string, host: string) => `${host} ${path}`;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closing) fn();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    req.on('error', () => {});
    res.on('error', () => {});
    req.resume();
    const host = normaliseHost(req.headers.host);
    const path = req.url ?? '/';
    const record: RecordedRequest = { method: req.method ?? 'GET', host, path, headers: { ...req.headers }, at: performance.now() };
    requests.push(record);
    const route = (host && table.get(key(path, host))) || table.get(key(path, '')) || fallback;
    const ctx: Context = { req, record, res, n: route.count++, later, stopped: () => closing !== undefined || res.destroyed };
    serve(ctx, route.behaviour).catch(() => fail(ctx));
  });
  server.on('connection', (socket) => {
    if (closing) return void socket.destroy();
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('error', () => {});

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  const fixture: FixtureServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    hits(path, host) {
      const h = host === undefined ? undefined : normaliseHost(host);
      return requests.filter((r) => r.path === path && (h === undefined || r.host === h)).length;
    },
    route(path, behaviour, host) {
      validate(behaviour, path);
      warmUp(behaviour);
      table.set(key(path, normaliseHost(host)), { behaviour, count: 0 });
    },
    routes(map, host) {
      for (const [path, behaviour] of Object.entries(map)) fixture.route(path, behaviour, host);
    },
    gapsMs(host) {
      const h = normaliseHost(host);
      const times = requests.filter((r) => r.host === h).map((r) => r.at);
      return times.slice(1).map((t, i) => t - times[i]!);
    },
    close() {
      if (!closing) {
        closing = new Promise((resolve) => server.close(() => resolve()));
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }
      return closing;
    },
  };
  if (options.routes) fixture.routes(options.routes);
  return fixture;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A small valid HTML5 document; the title is escaped, bodyHtml goes in as is. */
export function htmlPage(title: string, bodyHtml: string, opts: { charsetMeta?: string } = {}): string {
  const charset = escapeHtml(opts.charsetMeta ?? 'utf-8');
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="${charset}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n</head>\n` +
    `<body>\n${bodyHtml}\n</body>\n</html>\n`
  );
}

/** A synthetic Cloudflare-style bot interstitial; serve it with 403 and `cf-mitigated: challenge`. */
export const CHALLENGE_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head>
<title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=Edge">
<meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}body{display:flex;flex-direction:column;height:100vh;min-height:100vh}.main-content{margin:8rem auto;max-width:60rem;padding-left:1.5rem}</style>
</head>
<body class="no-js">
<div class="main-wrapper" role="main">
<div class="main-content">
<h1 class="zone-name-title h1">council.example</h1>
<h2 class="h2" id="challenge-running">Checking your browser before accessing council.example.</h2>
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript>
<div id="challenge-body-text" class="core-msg spacer">This process is automatic. Your browser will redirect to your requested content shortly.</div>
</div>
</div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:'council.example',cType:'managed',cRay:'0000000000000000',cH:'synthetic',cUPMDTk:'/?__cf_chl_tk=synthetic',cFPWv:'b',cITimeS:'1700000000'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=0000000000000000';window._cf_chl_opt.cOgUHash=location.hash;document.getElementsByTagName('head')[0].appendChild(a);}());</script>
<div class="footer" role="contentinfo"><div class="footer-inner"><div class="text-center">Ray ID: <code>0000000000000000</code></div><div class="text-center">Performance &amp; security by Cloudflare</div></div></div>
</body>
</html>
`;

const COUNCIL = 'Exampleshire County Council (synthetic)';

const PARAGRAPHS = [
  'Short breaks give disabled children and young people time to have fun with friends, and give their families and carers a break from caring.',
  'You can ask for a short breaks assessment if your child lives in Exampleshire and has a disability or additional need.',
  'Activities include after-school clubs, holiday play schemes, overnight stays and sessions with a trained carer.',
  'Families can choose a direct payment to arrange support themselves, or ask the council to arrange it for them.',
  'Contact the Children with Disabilities Team on 01234 567890 (a fictional number) from Monday to Friday, 9am to 5pm.',
];

/** Adds paragraphs until the page is about `bytes` long. */
function padded(title: string, head: string, tail: string, bytes: number): string {
  const paras: string[] = [];
  let page = htmlPage(title, head + tail);
  for (let i = 0; Buffer.byteLength(page) < bytes; i++) {
    paras.push(`<p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p>`);
    page = htmlPage(title, `${head}\n${paras.join('\n')}\n${tail}`);
  }
  return page;
}

/**
 * A small council site: '/' links to /page/1..N, each page links home and to the next,
 * and '/robots.txt' allows everything. Links are root-relative; `host` only labels the text.
 */
export function syntheticSite(opts: { pages: number; bytesPerPage?: number; host?: string }): Record<string, Behaviour> {
  const bytes = opts.bytesPerPage ?? 2048;
  const label = opts.host ? ` — ${escapeHtml(opts.host)}` : '';
  const site: Record<string, Behaviour> = {
    '/robots.txt': { kind: 'static', body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': TEXT } },
  };
  const links = Array.from({ length: opts.pages }, (_, i) => `<li><a href="/page/${i + 1}">Short breaks page ${i + 1}</a></li>`);
  site['/'] = {
    kind: 'static',
    body: htmlPage(`${COUNCIL}: short breaks`, `<h1>${COUNCIL}${label}</h1>\n<p>Short breaks for disabled children.</p>\n<ul>\n${links.join('\n')}\n</ul>`),
  };
  for (let i = 1; i <= opts.pages; i++) {
    const next = i < opts.pages ? `<p><a href="/page/${i + 1}">Next: short breaks page ${i + 1}</a></p>` : '';
    const head = `<p><a href="/">Home</a></p>\n<h1>Short breaks page ${i}${label}</h1>`;
    site[`/page/${i}`] = { kind: 'static', body: padded(`Short breaks page ${i} — ${COUNCIL}`, head, next, bytes) };
  }
  return site;
}
