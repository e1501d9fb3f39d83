// The Hono app shared by Node and Workers: routes, envelopes, formats. The store comes from the runtime per request.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../store/store.js';
import { APP_VERSION } from '../domain/version.js';
import { METHOD_VERSION } from '../scoring/config.js';
import { councilDetail } from '../services/council-detail.js';
import { ApiError, failure, success } from './envelope.js';
import { splitFormat } from './format.js';
import { csvResponse } from './csv.js';
import { readQuery } from './query.js';
import { z } from 'zod';
import { registerPageRoutes } from './page-routes.js';
import { httpCache } from './http-cache.js';
import { registerWriteRoutes, type WriteOptions } from './write-routes.js';
import { openApiDocument } from './openapi.js';
import { registerPackRoutes, type PackBuilder } from './pack-routes.js';
import { registerScoringRoutes } from './scoring-routes.js';
import { registerListingRoutes } from './listing-routes.js';

export interface AppOptions<Env> {
  /** Gives the store for a request: a shared better-sqlite3 store on Node, a D1 store built from c.env on Workers. */
  storeFor: (env: Env) => Store;
  /** Builds workshop option packs; the Node server hands one in, Workers have none (packs answer 501). */
  packs?: PackBuilder;
  /** Keep recent response bodies in memory (default on); ETags and 304s are sent either way. */
  responseCache?: boolean;
  /** The bearer token and the implementations of the writes (Node only); writes are off without a token. */
  writes?: WriteOptions;
}


export function createApp<Env extends object = object>(options: AppOptions<Env>) {
  const app = new Hono<{ Bindings: Env; Variables: { store: Store } }>();

  app.use('*', async (c, next) => {
    c.set('store', options.storeFor(c.env));
    await next();
  });
  // The response cache is outermost: a hit returns the stored body and headers (CORS included) at once.
  app.use('/api/*', httpCache({ skip: (path) => options.responseCache === false || path.startsWith('/api/packs') }));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Vary', 'Accept-Encoding');
  });
  // CORS is open for reads only: a preflight allows GET and HEAD, never the bearer-token writes.
  app.options('/api/*', (c) => {
    c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    c.header('Access-Control-Allow-Headers', 'If-None-Match');
    c.header('Access-Control-Max-Age', '86400');
    return c.body(null, 204);
  });
  app.use('/-/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  registerPageRoutes(app as unknown as Parameters<typeof registerPageRoutes>[0], { packs: Boolean(options.packs) });

  let openapi: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', (c) => {
    readQuery(c, z.object({}).strict());
    openapi ??= openApiDocument();
    return c.json(openapi);
  });

  app.get('/-/health', async (c) => {
    readQuery(c, z.object({}).strict());
    const counts = await c.get('store').counts();
    return success(c, { status: 'ok', counts });
  });

  app.get('/-/version', async (c) => {
    readQuery(c, z.object({}).strict());
    const store = c.get('store');
    return success(c, {
      app: APP_VERSION,
      taxonomy_version: (await store.getMeta('taxonomy_version')) ?? null,
      method_version: METHOD_VERSION,
      data_built_at: (await store.getMeta('built_at')) ?? null,
      data_fingerprint: (await store.getMeta('data_fingerprint')) ?? null,
    });
  });

  registerListingRoutes(app as unknown as Parameters<typeof registerListingRoutes>[0]);

  app.get('/api/runs/:id', async (c) => {
    const { key, format } = splitFormat(c.req.param('id'));
    readQuery(c, z.object({}).strict());
    const run = await c.get('store').runDetail(key);
    if (!run) throw new ApiError(404, `no run with id "${key}"`, [{ field: 'id', message: 'see /api/runs for the runs' }]);
    if (format === 'csv') return csvResponse(c, `run-${key}`, run.sources as Array<Record<string, unknown>>, ['source_id', 'url', 'council_code', 'kind', 'platform', 'adapter', 'status', 'reason', 'pages', 'records']);
    return success(c, run);
  });

  app.get('/api/councils/:code', async (c) => {
    const { key, format } = splitFormat(c.req.param('code'));
    readQuery(c, z.object({}).strict());
    const detail = await councilDetail(c.get('store'), key);
    if (!detail) throw new ApiError(404, `no council with code "${key}"`, [{ field: 'code', message: 'use a GSS code such as E10000017 or an LA number such as 888' }]);
    // As CSV, a council is its row of the councils list (Datasette's row CSV); its offers are /api/offers.csv?council=CODE.
    if (format === 'csv') return csvResponse(c, `council-${detail.council.code}`, [detail.council as unknown as Record<string, unknown>], ['code', 'la_number', 'name', 'type', 'region_code', 'region_name', 'web_domain', 'ofsted_urn', 'offer_count', 'fact_count']);
    return success(c, detail);
  });

  registerScoringRoutes(app as unknown as Parameters<typeof registerScoringRoutes>[0]);
  registerPackRoutes(app as unknown as Parameters<typeof registerPackRoutes>[0], options.packs);

  registerWriteRoutes(app as unknown as Parameters<typeof registerWriteRoutes>[0], options.writes ?? {});

  app.notFound((c) => failure(c, 404, `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((err, c) => {
    if (err instanceof ApiError) return failure(c, err.status, err.message, err.errors);
    if (err instanceof HTTPException) return failure(c, err.status, err.message);
    console.error(err);
    return failure(c, 500, 'internal error');
  });
  return app;
}
