// Workshop mode's JSON interface (issue 18): create with the bearer token, join with a role, score with the
// participant key, results (JSON, CSV, XLSX) and everything the facilitator does with the facilitator key.
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError, invalid } from '../domain/errors.js';
import { displayCode, joinPath, type Workshop } from '../domain/workshop.js';
import * as svc from '../services/workshops.js';
import { resultsCsvColumns, resultsCsvRows } from '../services/workshops-results.js';
import type { AppEnv } from './app-env.js';
import { csvResponse } from './csv.js';
import { success } from './envelope.js';
import { noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';
import { guardCode, limitAddress, workshopRuntimeOf, workshopStoreOf } from './workshop-context.js';
import { jsonBody, sameToken } from './write-input.js';
import { addFacilitatorRoutes } from './workshop-api-facilitate.js';

export const workshopApiRoutes = createApiRoutes();

// A workshop answer is someone's own (their scores, the facilitator's results): never stored by a shared cache. Set
// before the answer is made (routes with a cache rule of their own set theirs over it), so the answer is not copied.
for (const path of ['/api/workshops', '/api/workshops/*'])
  workshopApiRoutes.app.use(path, async (c, next) => {
    c.header('Cache-Control', 'private, no-store');
    await next();
  });

/** What each write spent, by part, for its Server-Timing header (app: the whole answer; db: in the store). */
const timingsOf = new WeakMap<Request, { t0: number; parts: svc.Timings; sent?: boolean }>();

/** Sets the Server-Timing header from what the request has spent so far: call just before making the answer. */
function serverTiming(c: Context<AppEnv>): void {
  const t = timingsOf.get(c.req.raw);
  if (!t) return;
  t.sent = true;
  const parts = Object.entries({ app: performance.now() - t.t0, ...t.parts }).map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`);
  c.header('Server-Timing', parts.join(', '));
}

// Every write says what the server itself spent on it, apart from the network and the client: Server-Timing. The
// busy writes (scores, joins) set it just before their answer; the others get it here, afterwards.
for (const path of ['/api/workshops', '/api/workshops/*'])
  workshopApiRoutes.app.use(path, async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    timingsOf.set(c.req.raw, { t0: performance.now(), parts: {} });
    await next();
    if (!timingsOf.get(c.req.raw)?.sent) serverTiming(c);
  });

const BODY_MAX = 256 * 1024;
const W = { workshop: { description: 'the join code (ABCD-EFGH; any case, dash optional)', example: 'ABCD-EFGH' } };
/** What the workshop routes answer beyond 400 and 404, as the OpenAPI document lists them. */
const TOO_MANY = { '429': 'Too many requests: unknown codes tried from this address, or joins or submissions over their limits (Retry-After says when to try again)' };
const BODY_ERRORS = { '413': 'The body is too large', '415': 'The body is not application/json' };
const FACILITATOR_ONLY = { '403': "The facilitator key (X-Facilitator-Key) is missing or not this workshop's" };
const PARTICIPANT_ONLY = { '403': "The participant key is missing or not one of this workshop's (join again to get one)" };
export const JSON_ROUTE = { tag: 'workshops' as const, query: noQuery, formats: ['json' as const], example: '', params: W, errors: TOO_MANY as Record<string, string> };

const code = (c: Context<AppEnv>) => c.req.param('workshop') ?? '';
const facilitatorKey = (c: Context<AppEnv>) => c.req.header('X-Facilitator-Key') ?? '';

/**
 * A body parsed with its schema: a 400 naming the first wrong field. `plainlyRight` may say a body is right as it
 * stands (the busy path of a room's submissions), skipping the schema's copy of it; anything else goes to the schema.
 */
async function body<T extends z.ZodTypeAny>(c: Context<AppEnv>, schema: T, plainlyRight?: (b: unknown) => boolean): Promise<z.output<T>> {
  const raw = await jsonBody(c, BODY_MAX);
  if (plainlyRight?.(raw)) return raw as z.output<T>;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  throw invalid(problems[0]!.field, `invalid body: ${problems[0]!.field}: ${problems[0]!.message}`, { problems });
}

/** Answers a read that changes with the workshop: private, revalidated every time, 304 when the version is unchanged. */
function versioned(c: Context<AppEnv>, version: string, answer: () => Response | Promise<Response>): Response | Promise<Response> {
  const etag = `"w-${version}-${new URL(c.req.url).pathname.split('.').pop()}"`;
  c.header('Cache-Control', 'private, no-cache');
  c.header('ETag', etag);
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
  return answer();
}

/** What everyone may see of a workshop: no keys, no scores. */
const publicView = (w: Workshop) => ({ ...w, display_code: displayCode(w.code), join_path: joinPath(w.code) });

const CreateBody = z.object({ council: z.string().trim().min(1).max(100), group: z.string().max(3000).optional(), theme: z.string().max(40).optional(), title: z.string().max(200).optional(), weights: z.string().max(500).optional() }).strict();

workshopApiRoutes.post({ ...JSON_ROUTE, params: undefined, created: true, errors: { '401': 'No bearer token, or not the right one', '403': 'Creating workshops is off on this server (it has no SBB_WRITE_TOKEN)', ...BODY_ERRORS }, path: '/api/workshops', summary: 'Create a workshop from a comparison ({"council", "group"?, "theme"?, "title"?, "weights"?}); answers 201 with its code and facilitator key', auth: true }, async (c) => {
  const rt = workshopRuntimeOf(c);
  const token = rt.token(c.env as object);
  if (!token) throw new AppError('forbidden', 'creating workshops is off on this server: set SBB_WRITE_TOKEN to turn it on', { field: 'authorization' });
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '');
  if (!m || !sameToken(m[1]!, token)) {
    c.header('WWW-Authenticate', 'Bearer realm="sbb writes"');
    throw new AppError('unauthorized', 'creating a workshop needs the bearer token: Authorization: Bearer <token>', { field: 'authorization' });
  }
  const input = await body(c, CreateBody);
  const { workshop, facilitator_key } = await svc.createWorkshop(workshopStoreOf(c), c.get('store'), input);
  c.status(201);
  return success(c, {
    code: workshop.code,
    display_code: displayCode(workshop.code),
    join_path: joinPath(workshop.code),
    facilitator_key,
    title: workshop.title,
    council_code: workshop.council_code,
    council_name: workshop.council_name,
    options: workshop.options.map((o) => ({ id: o.id, title: o.title })),
    factors: workshop.factors.map((f) => ({ id: f.id, title: f.title })),
  });
});

workshopApiRoutes.get({ ...JSON_ROUTE, path: '/api/workshops/{workshop}', summary: 'A workshop as participants see it: title, options, factors, the 0-5 scale, status' }, (c) =>
  guardCode(c, async () => {
    const ws = workshopStoreOf(c);
    const version = await svc.workshopVersion(ws, code(c));
    return versioned(c, version, async () => success(c, publicView(await svc.getWorkshop(ws, code(c)))));
  }),
);

workshopApiRoutes.post({ ...JSON_ROUTE, created: true, errors: { ...TOO_MANY, '409': 'The workshop is closed', ...BODY_ERRORS }, path: '/api/workshops/{workshop}/participants', summary: 'Join a workshop with a role ({"role"}; no personal data); answers 201 with the participant key' }, (c) =>
  guardCode(c, async () => {
    limitAddress(c, 'join_per_address', 'joins from this address');
    const { role } = await body(c, z.object({ role: z.string().max(40) }).strict());
    const out = await svc.joinWorkshop(workshopStoreOf(c), code(c), role, timingsOf.get(c.req.raw)?.parts);
    serverTiming(c);
    c.status(201);
    return success(c, out);
  }),
);

workshopApiRoutes.get({ ...JSON_ROUTE, errors: { ...TOO_MANY, ...PARTICIPANT_ONLY }, path: '/api/workshops/{workshop}/scores', summary: "A participant's own scores and comments so far (X-Participant-Key)" }, (c) =>
  guardCode(c, async () => success(c, await svc.participantView(workshopStoreOf(c), code(c), c.req.header('X-Participant-Key') ?? ''))),
);

const ScoresBody = z.object({ participant_key: z.string().max(200), scores: z.array(z.unknown()).max(600), comments: z.array(z.unknown()).max(100).optional() }).strict();
/** What ScoresBody accepts, checked without copying: only these keys, a key of at most 200 characters, the lists within bounds. */
function scoresBodyIsRight(b: unknown): boolean {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return false;
  const o = b as Record<string, unknown>;
  for (const k in o) if (k !== 'participant_key' && k !== 'scores' && k !== 'comments') return false;
  if (typeof o.participant_key !== 'string' || o.participant_key.length > 200) return false;
  if (!Array.isArray(o.scores) || o.scores.length > 600) return false;
  return o.comments === undefined || (Array.isArray(o.comments) && o.comments.length <= 100);
}

workshopApiRoutes.put(
  { ...JSON_ROUTE, errors: { ...TOO_MANY, ...PARTICIPANT_ONLY, '409': 'The workshop, or an option scored, is closed to scoring', ...BODY_ERRORS }, path: '/api/workshops/{workshop}/scores', summary: 'Score options ({"participant_key", "scores": [{"option", "factor", "score" 0-5}], "comments"?: [{"option", "text"}]}); a changed score replaces the old one; answers what this submission saved (GET gives everything so far)' },
  (c) =>
    guardCode(c, async () => {
      const timings = timingsOf.get(c.req.raw)?.parts;
      const b = await svc.timed(timings, 'parse', () => body(c, ScoresBody, scoresBodyIsRight));
      const input = { scores: b.scores as svc.ScoreBody['scores'], comments: b.comments as svc.ScoreBody['comments'] };
      const saved = await svc.submitScores(workshopStoreOf(c), code(c), b.participant_key, input, timings);
      serverTiming(c);
      return success(c, saved);
    }),
);

workshopApiRoutes.get(
  {
    ...JSON_ROUTE,
    errors: { ...TOO_MANY, ...FACILITATOR_ONLY, '501': 'XLSX is not made on this runtime (Workers): ask for .csv or .json' },
    formats: ['json', 'csv', 'xlsx'],
    query: z.object({ comments: z.enum(['approved', 'pending']).optional() }).strict(),
    path: '/api/workshops/{workshop}/results',
    summary: 'Results for the facilitator (X-Facilitator-Key): participants by role; per option responses, mean, by role, by factor, spread, approved comments (comments=pending adds those waiting), decision; add .csv or .xlsx',
  },
  (c, query) =>
    guardCode(c, async () => {
      const ws = workshopStoreOf(c);
      const { workshop, row } = await svc.checkFacilitator(ws, code(c), facilitatorKey(c));
      const format = /\.(csv|xlsx)$/i.exec(c.req.param('file') ?? '')?.[1]?.toLowerCase() ?? 'json';
      const pending = query.comments === 'pending';
      return versioned(c, `${row.code}-${row.revision}${pending ? '-p' : ''}`, async () => {
        const results = await svc.resultsOf(ws, workshop, row, pending);
        const name = `workshop-${displayCode(row.code)}-results`;
        if (format === 'csv') return csvResponse(c, name, resultsCsvRows(results, workshop.factors), resultsCsvColumns(workshop.factors));
        if (format === 'xlsx') {
          const xlsx = workshopRuntimeOf(c).xlsx;
          if (!xlsx) throw new AppError('unsupported', 'XLSX results are not made on this runtime: use .csv or .json here, or sbb serve on Node (which has the XLSX writer)', { field: 'format' });
          c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          c.header('Content-Disposition', `attachment; filename="${name}.xlsx"`);
          return c.body((await xlsx(results, workshop)) as Uint8Array<ArrayBuffer>);
        }
        return success(c, results);
      });
    }),
  { at: '/api/workshops/:workshop/:file{results(?:\\.json|\\.csv|\\.xlsx)?}' },
);

addFacilitatorRoutes(workshopApiRoutes, { JSON_ROUTE, FACILITATOR_ONLY, body, code, facilitatorKey });
