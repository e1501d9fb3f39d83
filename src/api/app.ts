// The Hono app shared by Node and Workers: routes, envelopes, formats. The store comes from the runtime per request.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../store/store.js';
import { APP_VERSION } from '../version.js';
import { councilDetail } from './council-detail.js';
import { toCsv } from './csv.js';
import { ApiError, failure, success } from './envelope.js';
import { splitFormat } from './format.js';
import { HomePage } from './home-page.js';
import { registerPackRoutes, type PackBuilder } from './pack-routes.js';
import { registerScoringRoutes } from './scoring-routes.js';

export interface AppOptions<Env> {
  /** Gives the store for a request: a shared better-sqlite3 store on Node, a D1 store built from c.env on Workers. */
  storeFor: (env: Env) => Store;
  /** Builds workshop option packs; the Node server hands one in, Workers have none (packs answer 501). */
  packs?: PackBuilder;
}

const COUNCIL_CSV_COLUMNS = ['code', 'la_number', 'name', 'type', 'region_code', 'region_name', 'web_domain', 'ofsted_urn', 'offer_count', 'fact_count'];

export function createApp<Env extends object = object>(options: AppOptions<Env>) {
  const app = new Hono<{ Bindings: Env; Variables: { store: Store } }>();

  app.use('*', async (c, next) => {
    c.set('store', options.storeFor(c.env));
    await next();
  });
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
  });
  app.use('/-/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/', async (c) => {
    const store = c.get('store');
    const [councils, taxonomyVersion, builtAt] = await Promise.all([store.listCouncils(), store.getMeta('taxonomy_version'), store.getMeta('built_at')]);
    return c.html(HomePage({ councils, taxonomyVersion, builtAt }));
  });

  app.get('/-/health', async (c) => {
    const counts = await c.get('store').counts();
    return success(c, { status: 'ok', counts });
  });

  app.get('/-/version', async (c) => {
    const store = c.get('store');
    return success(c, {
      app: APP_VERSION,
      taxonomy_version: (await store.getMeta('taxonomy_version')) ?? null,
      data_built_at: (await store.getMeta('built_at')) ?? null,
      data_fingerprint: (await store.getMeta('data_fingerprint')) ?? null,
    });
  });

  const listCouncils = async (c: Context<{ Bindings: Env; Variables: { store: Store } }>, format: 'json' | 'csv') => {
    const councils = await c.get('store').listCouncils();
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'inline; filename="councils.csv"');
      return c.body(toCsv(councils as unknown as Array<Record<string, unknown>>, COUNCIL_CSV_COLUMNS));
    }
    return success(c, councils, { count: councils.length });
  };
  app.get('/api/councils', (c) => listCouncils(c, 'json'));
  app.get('/api/councils.json', (c) => listCouncils(c, 'json'));
  app.get('/api/councils.csv', (c) => listCouncils(c, 'csv'));

  app.get('/api/councils/:code', async (c) => {
    const { key, format } = splitFormat(c.req.param('code'));
    if (format === 'csv') throw new ApiError(400, 'one council is available as JSON only; use /api/councils.csv for the list');
    const detail = await councilDetail(c.get('store'), key);
    if (!detail) throw new ApiError(404, `no council with code "${key}"`, [{ field: 'code', message: 'use a GSS code such as E10000017 or an LA number such as 888' }]);
    return success(c, detail);
  });

  registerScoringRoutes(app as unknown as Parameters<typeof registerScoringRoutes>[0]);
  registerPackRoutes(app as unknown as Parameters<typeof registerPackRoutes>[0], options.packs);

  app.notFound((c) => failure(c, 404, `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((err, c) => {
    if (err instanceof ApiError) return failure(c, err.status, err.message, err.errors);
    if (err instanceof HTTPException) return failure(c, err.status, err.message);
    console.error(err);
    return failure(c, 500, 'internal error');
  });
  return app;
}
