// The system routes under /-/ (Datasette's convention): health with row counts, and the versions of the app, the
// scoring method, the taxonomy and the data.
import { APP_VERSION } from '../domain/version.js';
import { METHOD_VERSION } from '../scoring/config.js';
import { readBuildState } from '../store/build-state.js';
import { success } from './envelope.js';
import { noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const systemRoutes = createApiRoutes();

/**
 * Status, row counts and the database: its last build as recorded in meta (complete; building, when a build is
 * writing it now; not finished, when one started and never ended) and its integrity as checked when it was opened.
 * What the runtime cannot know (a Worker on D1: integrity, a build running) is `unknown`.
 */
systemRoutes.get({ path: '/-/health', summary: 'Status, row counts, build state and integrity of the database', tag: 'system', query: noQuery, formats: ['json'], example: '/-/health' }, async (c) => {
  const store = c.get('store');
  const [counts, build, built_at] = await Promise.all([store.counts(), readBuildState((k) => store.getMeta(k)), store.getMeta('built_at')]);
  const known = c.get('runtime').database?.(store);
  const build_state = build.state === 'building' ? (known?.build_running ? 'building' : 'not finished') : build.state;
  const integrity = known?.integrity ?? 'unknown';
  const database = {
    build_state,
    built_at: built_at ?? null,
    ...(build.state === 'building' ? { build_started_at: build.started_at } : {}),
    integrity,
    integrity_findings: known?.integrity_findings ?? [],
    integrity_checked_at: known?.integrity_checked_at ?? null,
  };
  const status = integrity === 'corrupt' || build_state === 'not finished' ? 'degraded' : 'ok';
  return success(c, { status, counts, database });
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
