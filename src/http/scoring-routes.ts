// Scoring over HTTP: GET /api/compare/:code, /api/gaps/:code and /api/scores, as JSON or CSV, with every query
// parameter validated (an unknown or malformed one is a 400 naming it).
import { z } from 'zod';
import { compare, gaps, scoreAll } from '../scoring/compare.js';
import { MEMBER_COLUMNS, memberRows, positionSentence, SCORE_COLUMNS, scoreRows } from '../scoring/present.js';
import { scoringModelFor } from '../services/scoring-model.js';
import { compareEnvelopeJson } from './compare-json.js';
import { csvResponse } from './csv.js';
import { success } from './envelope.js';
import { splitFormat } from './format.js';
import { jsonTextBytes } from './json-bytes.js';
import { CODE_PARAM, intParam } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const scoringRoutes = createApiRoutes();

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

const GAP_COLUMNS = ['type', 'time_slot', 'peers', 'exemplar_council', 'exemplar', 'source_url', 'published', 'retrieved'];

scoringRoutes.get(
  {
    path: '/api/compare/{code}',
    summary: 'A council against its comparator group: scores, rank, sensitivity, context and explanations',
    tag: 'scoring',
    query: CompareQuery,
    params: CODE_PARAM,
    formats: ['json', 'csv'],
    example: '/api/compare/E10000017',
  },
  async (c, q) => {
    const { key, format } = splitFormat(c.req.param('code') ?? '');
    const r = compare(await scoringModelFor(c.get('store')), key, q);
    if (format === 'csv') return csvResponse(c, `compare-${r.council.code}`, memberRows(r), MEMBER_COLUMNS);
    // The success envelope, its text made from the parts the group shares between weightings (compare-json.ts).
    return jsonTextBytes(c, compareEnvelopeJson(r, { method_version: r.method_version, group: r.group.id, weights: r.weights.spec, position: positionSentence(r) }));
  },
);

scoringRoutes.get(
  {
    path: '/api/gaps/{code}',
    summary: 'What comparators offer that the council does not, with exemplar offers and sources',
    tag: 'scoring',
    query: GapsQuery,
    params: CODE_PARAM,
    formats: ['json', 'csv'],
    example: '/api/gaps/E10000017',
  },
  async (c, q) => {
    const { key, format } = splitFormat(c.req.param('code') ?? '');
    const g = gaps(await scoringModelFor(c.get('store')), key, q);
    if (format === 'csv') {
      const rows = g.analysis.gaps.flatMap((x) =>
        (x.exemplars.length ? x.exemplars : [null]).map((e) => ({
          type: x.type,
          time_slot: x.slot,
          peers: x.peers.map((p) => p.code).join(' '),
          exemplar_council: e?.council_code ?? null,
          exemplar: e?.name ?? null,
          source_url: e?.source.url ?? null,
          published: e?.published ?? null,
          retrieved: e?.retrieved ?? null,
        })),
      );
      return csvResponse(c, `gaps-${g.council.code}`, rows, GAP_COLUMNS);
    }
    return success(c, g, { method_version: g.method_version, group: g.group.id, count: g.analysis.gaps.length });
  },
);

scoringRoutes.get(
  { path: '/api/scores', summary: 'Every council scored within its own comparator group', tag: 'scoring', query: ScoresQuery, formats: ['json', 'csv'], example: '/api/scores' },
  async (c, q, format) => {
    const r = scoreAll(await scoringModelFor(c.get('store')), q);
    if (format === 'csv') return csvResponse(c, 'scores', scoreRows(r), SCORE_COLUMNS);
    return success(c, r, { method_version: r.method_version, group: r.group, count: r.scores.length });
  },
);
