// The facilitator's JSON routes (each needs X-Facilitator-Key): comments to approve or hide, scoring opened and
// closed per option, a decision per option with its reason, options dropped, added and reordered, close, reopen, delete.
import type { Context } from 'hono';
import { z } from 'zod';
import { DECISIONS } from '../domain/workshop.js';
import * as svc from '../services/workshops.js';
import type { AppEnv } from './app-env.js';
import { success } from './envelope.js';
import type { createApiRoutes } from './route-registry.js';
import { guardCode, workshopStoreOf } from './workshop-context.js';

type Routes = ReturnType<typeof createApiRoutes>;
interface Helpers {
  JSON_ROUTE: { tag: 'workshops'; query: z.ZodTypeAny; formats: Array<'json'>; example: string; params: Record<string, { description: string; example: string }>; errors: Record<string, string> };
  /** The 403 every facilitator route answers without the facilitator key. */
  FACILITATOR_ONLY: Record<string, string>;
  body: <T extends z.ZodTypeAny>(c: Context<AppEnv>, schema: T) => Promise<z.output<T>>;
  code: (c: Context<AppEnv>) => string;
  facilitatorKey: (c: Context<AppEnv>) => string;
}

const OPTION = { option: { description: 'an option id (O1, R1, ...)', example: 'O1' } };
const COMMENT = { comment: { description: 'a comment id', example: 'x' } };

export function addFacilitatorRoutes(routes: Routes, h: Helpers): void {
  const { body, code, facilitatorKey } = h;
  const JSON_ROUTE = { ...h.JSON_ROUTE, errors: { ...h.JSON_ROUTE.errors, ...h.FACILITATOR_ONLY } };
  const run = <T>(c: Context<AppEnv>, fn: (ws: svc.WorkshopStore, code: string, key: string) => Promise<T>) =>
    guardCode(c, async () => success(c, await fn(workshopStoreOf(c), code(c), facilitatorKey(c))));
  const done = (ws: svc.WorkshopStore, code: string, key: string) => svc.workshopResults(ws, code, key);

  routes.get({ ...JSON_ROUTE, path: '/api/workshops/{workshop}/comments', summary: 'Every comment, pending, approved or hidden, for the facilitator to moderate (X-Facilitator-Key)' }, (c) =>
    run(c, (ws, code, key) => svc.facilitatorComments(ws, code, key)),
  );

  routes.post(
    { ...JSON_ROUTE, params: { ...JSON_ROUTE.params, ...COMMENT }, path: '/api/workshops/{workshop}/comments/{comment}', summary: 'Approve or hide a comment ({"status": "approved"|"hidden"}; X-Facilitator-Key)' },
    async (c) => {
      const { status } = await body(c, z.object({ status: z.enum(['approved', 'hidden']) }).strict());
      return run(c, async (ws, code, key) => (await svc.moderateComment(ws, code, key, c.req.param('comment') ?? '', status), { id: c.req.param('comment') ?? '', status }));
    },
  );

  routes.post(
    { ...JSON_ROUTE, params: { ...JSON_ROUTE.params, ...OPTION }, path: '/api/workshops/{workshop}/options/{option}/scoring', summary: 'Open or close scoring on one option ({"open": true|false}; X-Facilitator-Key)' },
    async (c) => {
      const { open } = await body(c, z.object({ open: z.boolean() }).strict());
      return run(c, async (ws, code, key) => (await svc.setScoringOpen(ws, code, key, c.req.param('option') ?? '', open), await svc.getWorkshop(ws, code)));
    },
  );

  routes.put(
    { ...JSON_ROUTE, params: { ...JSON_ROUTE.params, ...OPTION }, path: '/api/workshops/{workshop}/options/{option}/decision', summary: `Record the room's decision on an option ({"decision": ${DECISIONS.join('|')}, "reason"}; X-Facilitator-Key)` },
    async (c) => {
      const b = await body(c, z.object({ decision: z.enum(DECISIONS), reason: z.string().max(2000) }).strict());
      return run(c, async (ws, code, key) => (await svc.decideOption(ws, code, key, c.req.param('option') ?? '', b.decision, b.reason), await svc.getWorkshop(ws, code)));
    },
  );

  routes.put(
    { ...JSON_ROUTE, path: '/api/workshops/{workshop}/options', summary: 'Edit the options ({"order"?: [id], "drop"?: [id], "add"?: [{"title", "summary"?}]}; X-Facilitator-Key); dropping one deletes its scores and comments' },
    async (c) => {
      const b = await body(c, z.object({ order: z.array(z.string()).max(200).optional(), drop: z.array(z.string()).max(200).optional(), add: z.array(z.object({ title: z.string(), summary: z.string().optional() }).strict()).max(50).optional() }).strict());
      return run(c, (ws, code, key) => svc.editOptions(ws, code, key, b));
    },
  );

  routes.post({ ...JSON_ROUTE, path: '/api/workshops/{workshop}/close', summary: 'Close the workshop: no more joining or scoring; results stay (X-Facilitator-Key)' }, (c) =>
    run(c, async (ws, code, key) => (await svc.closeWorkshop(ws, code, key), done(ws, code, key))),
  );

  routes.post({ ...JSON_ROUTE, path: '/api/workshops/{workshop}/reopen', summary: 'Open a closed workshop again (X-Facilitator-Key)' }, (c) =>
    run(c, async (ws, code, key) => (await svc.reopenWorkshop(ws, code, key), done(ws, code, key))),
  );

  routes.delete({ ...JSON_ROUTE, path: '/api/workshops/{workshop}', summary: 'Delete the workshop and everything in it: options, participants, scores, comments, decisions (X-Facilitator-Key)' }, (c) =>
    run(c, async (ws, code, key) => (await svc.deleteWorkshop(ws, code, key), { deleted: true })),
  );
}
