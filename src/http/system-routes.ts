// The system routes under /-/ (Datasette's convention): health with row counts, and the versions of the app, the
// scoring method, the taxonomy and the data.
import { APP_VERSION } from '../domain/version.js';
import { METHOD_VERSION } from '../scoring/config.js';
import { success } from './envelope.js';
import { noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const systemRoutes = createApiRoutes();

systemRoutes.get({ path: '/-/health', summary: 'Status and row counts', tag: 'system', query: noQuery, formats: ['json'], example: '/-/health' }, async (c) => {
  const counts = await c.get('store').counts();
  return success(c, { status: 'ok', counts });
});

systemRoutes.get(
  { path: '/-/version', summary: 'App, method and taxonomy versions, when the data was built', tag: 'system', query: noQuery, formats: ['json'], example: '/-/version' },
  async (c) => {
    const store = c.get('store');
    return success(c, {
      app: APP_VERSION,
      taxonomy_version: (await store.getMeta('taxonomy_version')) ?? null,
      method_version: METHOD_VERSION,
      data_built_at: (await store.getMeta('built_at')) ?? null,
      data_fingerprint: (await store.getMeta('data_fingerprint')) ?? null,
    });
  },
);
