// GET /api/councils/{code}/history: a council's offer history (what `sbb diff` lists), dated by when each page was
// read and when it says it was published; `since` keeps the changes noted on or after a date.
import { z } from 'zod';
import { councilHistory } from '../services/council-history.js';
import { success } from './envelope.js';
import { CODE_PARAM } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const historyRoutes = createApiRoutes();

export const HistoryQuery = z.object({ since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)').optional() }).strict();

historyRoutes.get(
  {
    path: '/api/councils/{code}/history',
    summary: "One council's history of changes to its offers (appeared, changed, disappeared), dated by when each page was read and published",
    tag: 'councils',
    query: HistoryQuery,
    params: CODE_PARAM,
    formats: ['json'],
    example: '/api/councils/E10000017/history',
  },
  async (c, q) => {
    const h = await councilHistory(c.get('store'), c.req.param('code') ?? '', q.since ?? null);
    return success(c, h, { count: h.changes.length, council: h.council.code });
  },
);
