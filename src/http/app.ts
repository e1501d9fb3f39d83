// The Hono app shared by Node and Workers: the middleware (store, response cache, CORS for reads, no-store for
// /-/), every route group mounted with app.route(), and errors answered once. The runtime hands in the store.
import { Hono } from 'hono';
import type { Store } from '../store/store.js';
import type { AppEnv } from './app-env.js';
import { errorResponse, noRoute } from './errors.js';
import { httpCache, type Digest } from './http-cache.js';
import { wantsHtml } from './page-html.js';
import { notFoundPage } from './page-routes.js';
import { ROUTE_GROUPS } from './route-catalog.js';
import type { DatabaseStatus, PackBuilder, Runtime, WorkshopRuntime, WriteOptions } from './runtime.js';

export interface AppOptions<Bindings extends object> {
  /** Gives the store for a request: a shared better-sqlite3 store on Node, a D1 store built from c.env on Workers. */
  storeFor: (env: Bindings) => Store;
  /** Builds workshop option packs; the Node server hands one in, Workers have none (packs answer 501). */
  packs?: PackBuilder;
  /** Keep recent response bodies in memory (default on); ETags and 304s are sent either way. */
  responseCache?: boolean;
  /**
   * The SHA-1 behind ETags. Node hands in node:crypto's, which runs in line: WebCrypto's (the default, and Workers')
   * goes through the thread pool, which under 50 connections queued every API read behind the others' hashes.
   */
  sha1?: Digest;
  /** The bearer token and the implementations of the writes (Node only); writes are off without a token. */
  writes?: WriteOptions;
  /** The database's integrity as checked on open and whether a build runs (Node only; unknown on Workers). */
  database?: (store: Store) => DatabaseStatus;
  /** Workshop mode's store, creating token and rate limits (Node: a SQLite file of its own; Workers: D1). */
  workshops?: WorkshopRuntime;
}

export function createApp<Bindings extends object = object>(options: AppOptions<Bindings>) {
  const app = new Hono<AppEnv<Bindings>>();
  const runtime: Runtime = { packs: options.packs, writes: options.writes ?? {}, database: options.database, workshops: options.workshops };

  app.use('*', async (c, next) => {
    c.set('store', options.storeFor(c.env));
    c.set('runtime', runtime);
    await next();
  });
  // The response cache is outermost: a hit returns the stored body and headers (CORS included) at once.
  // The Open Referral UK feed (/openreferral/*) is cached and open to every origin as the API is.
  for (const open of ['/api/*', '/openreferral/*']) {
    app.use(open, httpCache({ sha1: options.sha1, skip: (path) => options.responseCache === false || path.startsWith('/api/packs') || path.startsWith('/api/workshops') }));
    // Set before the answer is made, so it carries them as made (set afterwards, each would copy the answer).
    app.use(open, async (c, next) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Vary', 'Accept-Encoding');
      await next();
    });
    // CORS is open for reads only: a preflight allows GET and HEAD, never the bearer-token writes.
    app.options(open, (c) => {
      c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'If-None-Match');
      c.header('Access-Control-Max-Age', '86400');
      return c.body(null, 204);
    });
  }
  app.use('/-/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  for (const group of ROUTE_GROUPS) app.route('/', group.app);

  // A browser gets an HTML 404 page; the API and the system routes keep their JSON.
  app.notFound((c) => (wantsHtml(c) ? notFoundPage(c) : noRoute(c)));
  app.onError(errorResponse);
  return app;
}
