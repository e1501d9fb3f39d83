// Writes over HTTP: POST /api/import (curated records as JSON) and POST /api/scrape (start a scrape run). They exist
// only behind a bearer token from the environment, are off when none is set, and run only where the runtime hands
// in an implementation (the Node server); elsewhere they answer 501.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { forgetDataVersion } from '../store/data-version.js';
import type { Store } from '../store/store.js';
import { ApiError, success } from './envelope.js';
import { councilParam, readQuery } from './query.js';

type Env = { Bindings: object; Variables: { store: Store } };

export interface WriteProblem {
  field: string;
  message: string;
}

/** Thrown by write actions for input the caller must fix (a bad record, an unknown council): a 400 or 409. */
export class WriteRejected extends Error {
  constructor(
    message: string,
    readonly problems: WriteProblem[],
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

export interface WriteActions {
  importRecords(store: Store, records: unknown[]): Promise<Record<string, unknown>>;
  startScrape(store: Store, request: { councils?: string[]; all?: boolean }): Promise<{ run_id: string }>;
}

export interface WriteOptions {
  /** The bearer token; writes are off when it is missing or empty. */
  token?: string;
  actions?: WriteActions;
}

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Compares in time that does not depend on where the strings differ. */
function sameToken(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) diff |= (ea[i] ?? 0) ^ (eb[i] ?? 0);
  return diff === 0;
}

function authorise(c: Context, options: WriteOptions): WriteActions {
  if (!options.token) throw new ApiError(403, 'writes are off on this server: set SBB_WRITE_TOKEN to turn them on', [{ field: 'authorization', message: 'writes are off' }]);
  const header = c.req.header('Authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m || !sameToken(m[1]!, options.token)) {
    c.header('WWW-Authenticate', 'Bearer realm="sbb writes"');
    throw new ApiError(401, 'a write needs the bearer token: Authorization: Bearer <token>', [{ field: 'authorization', message: m ? 'the token is wrong' : 'missing bearer token' }]);
  }
  if (!options.actions) throw new ApiError(501, 'writes are not available on this runtime: run them where Node runs (sbb serve, sbb import, sbb scrape)', [{ field: 'runtime', message: 'not available' }]);
  return options.actions;
}

async function jsonBody(c: Context, max: number): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'send the body as application/json', [{ field: 'content-type', message: `got "${type || 'none'}"` }]);
  const length = Number(c.req.header('Content-Length') ?? 0);
  if (length > max) throw new ApiError(413, `the body is ${length} bytes; at most ${max}`, [{ field: 'body', message: 'too large' }]);
  const text = await c.req.text();
  if (text.length > max) throw new ApiError(413, `the body is over ${max} bytes`, [{ field: 'body', message: 'too large' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ApiError(400, `the body is not JSON: ${(e as Error).message}`, [{ field: 'body', message: 'not JSON' }]);
  }
}

const ScrapeBody = z
  .object({ councils: z.array(councilParam).min(1).max(153).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((b) => Boolean(b.all) !== Boolean(b.councils), { message: 'give "councils": [CODE, ...] or "all": true' });

const rejected = (e: unknown) => (e instanceof WriteRejected ? new ApiError(e.status, e.message, e.problems) : e);

export function registerWriteRoutes(app: Hono<Env>, options: WriteOptions): void {
  app.post('/api/import', async (c) => {
    readQuery(c, z.object({}).strict());
    const actions = authorise(c, options);
    const body = await jsonBody(c, MAX_IMPORT_BYTES);
    const records = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records : undefined;
    if (!records) throw new ApiError(400, 'the body must be a JSON array of records, or {"records": [...]}', [{ field: 'body', message: 'no records array' }]);
    if (!records.length) throw new ApiError(400, 'the body holds no records', [{ field: 'records', message: 'empty' }]);
    try {
      const result = await actions.importRecords(c.get('store'), records);
      forgetDataVersion(c.get('store'));
      return success(c, result);
    } catch (e) {
      throw rejected(e);
    }
  });

  app.post('/api/scrape', async (c) => {
    readQuery(c, z.object({}).strict());
    const actions = authorise(c, options);
    const parsed = ScrapeBody.safeParse(await jsonBody(c, 64 * 1024));
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
      throw new ApiError(400, `invalid body: ${errors[0]!.field}: ${errors[0]!.message}`, errors);
    }
    try {
      const { run_id } = await actions.startScrape(c.get('store'), parsed.data);
      c.status(202);
      return success(c, { run_id, status: 'running', status_url: `/api/runs/${run_id}` });
    } catch (e) {
      throw rejected(e);
    }
  });
}
