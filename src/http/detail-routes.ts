// One resource by its key: a council (GSS code, previous code or LA number) and a run, as JSON or as CSV (.csv).
import { notFound } from '../domain/errors.js';
import { councilDetail } from '../services/council-detail.js';
import { csvResponse } from './csv.js';
import { success } from './envelope.js';
import { splitFormat } from './format.js';
import { CODE_PARAM, noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const detailRoutes = createApiRoutes();

const COUNCIL_COLUMNS = ['code', 'la_number', 'name', 'type', 'region_code', 'region_name', 'web_domain', 'ofsted_urn', 'offer_count', 'fact_count'];
const RUN_SOURCE_COLUMNS = ['source_id', 'url', 'council_code', 'kind', 'platform', 'adapter', 'status', 'reason', 'pages', 'records'];

detailRoutes.get(
  {
    path: '/api/councils/{code}',
    summary: 'One council: neighbours, figures beside region and England, inspections, findings, providers, offers and facts with sources',
    tag: 'councils',
    query: noQuery,
    params: CODE_PARAM,
    formats: ['json', 'csv'],
    example: '/api/councils/E10000017',
  },
  async (c) => {
    const { key, format } = splitFormat(c.req.param('code') ?? '');
    const detail = await councilDetail(c.get('store'), key);
    // As CSV, a council is its row of the councils list (Datasette's row CSV); its offers are /api/offers.csv?council=CODE.
    if (format === 'csv') return csvResponse(c, `council-${detail.council.code}`, [detail.council as unknown as Record<string, unknown>], COUNCIL_COLUMNS);
    return success(c, detail);
  },
);

detailRoutes.get(
  {
    path: '/api/runs/{id}',
    summary: 'One run with the status of each of its sources',
    tag: 'sources',
    query: noQuery,
    params: { id: { description: 'run id from /api/runs', example: '' } },
    formats: ['json', 'csv'],
    example: '',
  },
  async (c) => {
    const { key, format } = splitFormat(c.req.param('id') ?? '');
    const run = await c.get('store').runDetail(key);
    if (!run) throw notFound('id', `no run with id "${key}"`, { problems: [{ field: 'id', message: 'see /api/runs for the runs' }] });
    if (format === 'csv') return csvResponse(c, `run-${key}`, run.sources as Array<Record<string, unknown>>, RUN_SOURCE_COLUMNS);
    return success(c, run);
  },
);
