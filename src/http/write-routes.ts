// Writes over HTTP: POST /api/import (curated records as JSON) and POST /api/scrape (start a scrape run). They exist
// only behind a bearer token from the environment, are off when none is set, and run only where the runtime hands
// in an implementation (the Node server); elsewhere they answer 501.
import { z } from 'zod';
import { invalid } from '../domain/errors.js';
import { forgetDataVersion } from '../store/data-version.js';
import { success } from './envelope.js';
import { councilParam, noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';
import { authorise, jsonBody } from './write-input.js';
import { councilNotFound } from '../domain/council-lookup.js';

export type { WriteActions, WriteOptions } from './runtime.js';

export const writeRoutes = createApiRoutes();

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const ScrapeBody = z
  .object({ councils: z.array(councilParam).min(1).max(153).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((b) => Boolean(b.all) !== Boolean(b.councils), { message: 'give "councils": [CODE, ...] or "all": true' });

/** What every write route is: JSON, no query parameters, the bearer token, no example (a write changes data). */
const WRITE_ROUTE = { tag: 'writes' as const, query: noQuery, formats: ['json' as const], example: '', auth: true };

writeRoutes.post(
  {
    path: '/api/import',
    summary: 'Import curated records (a JSON array, or {"records": [...]}), validated like sbb import, then classify the councils touched',
    ...WRITE_ROUTE,
  },
  async (c) => {
    const actions = authorise(c);
    const body = await jsonBody(c, MAX_IMPORT_BYTES);
    const records = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records : undefined;
    if (!records) throw invalid(undefined, 'the body must be a JSON array of records, or {"records": [...]}', { problems: [{ field: 'body', message: 'no records array' }] });
    if (!records.length) throw invalid(undefined, 'the body holds no records', { problems: [{ field: 'records', message: 'empty' }] });
    const result = await actions.importRecords(c.get('store'), records);
    forgetDataVersion(c.get('store'));
    return success(c, result);
  },
);

writeRoutes.post(
  {
    path: '/api/scrape',
    summary: 'Start a scrape run ({"councils": [CODE, ...]} or {"all": true}), one at a time; answers 202 with the run id',
    ...WRITE_ROUTE,
  },
  async (c) => {
    const actions = authorise(c);
    const parsed = ScrapeBody.safeParse(await jsonBody(c, 64 * 1024));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
      throw invalid(undefined, `invalid body: ${problems[0]!.field}: ${problems[0]!.message}`, { problems });
    }
    // Each council in the body goes through the one lookup; one that names no council is a bad body field (400).
    const store = c.get('store');
    const lookup = await store.councilLookup();
    const councils = parsed.data.councils?.map((key, i) => {
      const field = `councils.${i}`;
      const found = lookup.find(key);
      if (found) return found.code;
      const missing = councilNotFound(key, lookup.suggest(key), field);
      throw invalid(field, `invalid body: ${field}: ${missing.message}`, { cause: missing });
    });
    const { run_id } = await actions.startScrape(store, councils ? { ...parsed.data, councils } : parsed.data);
    c.status(202);
    return success(c, { run_id, status: 'running', status_url: `/api/runs/${run_id}` });
  },
);
