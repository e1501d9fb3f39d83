// Scoring over HTTP: GET /api/compare/:code, /api/gaps/:code and /api/scores, as JSON or CSV, with every query
// parameter validated (an unknown or malformed one is a 400 naming it).
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { compare, gaps, scoreAll } from '../scoring/compare.js';
import { scoringModelFor } from '../services/scoring-model.js';
import { MEMBER_COLUMNS, memberRows, positionSentence, SCORE_COLUMNS, scoreRows } from '../scoring/present.js';
import type { Store } from '../store/store.js';
import { csvResponse } from './csv.js';
import { ApiError, success } from './envelope.js';
import { splitFormat } from './format.js';
import { intParam, readQuery } from './query.js';
import { AppError } from '../domain/errors.js';

type Env = { Bindings: object; Variables: { store: Store } };


export const CompareQuery = z
  .object({
    group: z.string().max(3000).optional(),
    weights: z.string().max(500).optional(),
    samples: intParam(0, 100_000).optional(),
    seed: intParam(0, 2 ** 31).optional(),
    explain: z.enum(['local', 'all', 'none'], { message: 'one of local, all, none' }).optional(),
  })
  .strict();
export const GapsQuery = z.object({ group: z.string().max(3000).optional() }).strict();
export const ScoresQuery = z.object({ group: z.string().max(3000).optional(), weights: z.string().max(500).optional() }).strict();

const asApiError = (e: unknown) => {
  if (e instanceof AppError && (e.kind === 'invalid' || e.kind === 'not_found')) {
    const status = e.kind === 'not_found' ? 404 : 400;
    return new ApiError(status, e.message, [{ field: e.field ?? 'query', message: e.message }]);
  }
  return e;
};

export function registerScoringRoutes(app: Hono<Env>): void {
  app.get('/api/compare/:code', async (c) => {
    const { key, format } = splitFormat(c.req.param('code'));
    const q = readQuery(c, CompareQuery);
    const model = await scoringModelFor(c.get('store'));
    try {
      const r = compare(model, key, q);
      if (format === 'csv') return csvResponse(c, `compare-${r.council.code}`, memberRows(r), MEMBER_COLUMNS);
      return success(c, r, { method_version: r.method_version, group: r.group.id, weights: r.weights.spec, position: positionSentence(r) });
    } catch (e) {
      throw asApiError(e);
    }
  });

  app.get('/api/gaps/:code', async (c) => {
    const { key, format } = splitFormat(c.req.param('code'));
    const q = readQuery(c, GapsQuery);
    const model = await scoringModelFor(c.get('store'));
    try {
      const g = gaps(model, key, q);
      if (format === 'csv')
        return csvResponse(c,
          `gaps-${g.council.code}`,
          g.analysis.gaps.flatMap((x) => (x.exemplars.length ? x.exemplars : [null]).map((e) => ({ type: x.type, time_slot: x.slot, peers: x.peers.map((p) => p.code).join(' '), exemplar_council: e?.council_code ?? null, exemplar: e?.name ?? null, source_url: e?.source.url ?? null, published: e?.published ?? null, retrieved: e?.retrieved ?? null }))),
          ['type', 'time_slot', 'peers', 'exemplar_council', 'exemplar', 'source_url', 'published', 'retrieved'],
        );
      return success(c, g, { method_version: g.method_version, group: g.group.id, count: g.analysis.gaps.length });
    } catch (e) {
      throw asApiError(e);
    }
  });

  const scores = async (c: Context<Env>, format: 'json' | 'csv') => {
    const q = readQuery(c, ScoresQuery);
    const model = await scoringModelFor(c.get('store'));
    try {
      const r = scoreAll(model, q);
      if (format === 'csv') return csvResponse(c, 'scores', scoreRows(r), SCORE_COLUMNS);
      return success(c, r, { method_version: r.method_version, group: r.group, count: r.scores.length });
    } catch (e) {
      throw asApiError(e);
    }
  };
  app.get('/api/scores', (c) => scores(c, 'json'));
  app.get('/api/scores.json', (c) => scores(c, 'json'));
  app.get('/api/scores.csv', (c) => scores(c, 'csv'));
}
