/** @jsxImportSource hono/jsx */
// The facilitator's routes under /w/CODE/facilitate: the key (entered once, or ?key= once, then kept in a cookie
// scoped to this workshop), the room's page, and every action as a plain form that posts and redirects back.
import type { Problem } from '../domain/errors.js';
import { AppError } from '../domain/errors.js';
import { DECISIONS, type Decision } from '../domain/workshop.js';
import {
  closeWorkshop,
  decideOption,
  deleteWorkshop,
  editOptions,
  facilitatorComments,
  getWorkshop,
  moderateComment,
  setScoringOpen,
  workshopResults,
} from '../services/workshops.js';
import { pageQuery } from './page-html.js';
import { qrSvg } from './qr-svg.js';
import { RoomPage } from './workshop-room-page.js';
import { DeleteConfirmPage, FacilitatePage, FacilitatorKeyPage, type FacilitateValues } from './workshop-facilitate-page.js';
import { registerDocumentRoutes } from './workshop-document-routes.js';
import { WorkshopProblemPage } from './workshop-layout-page.js';
import { registerLiveRoutes } from './workshop-live.js';
import { limitAddress } from './workshop-context.js';
import { canStream, codeParam, shown, workshopByCode, FACILITATOR_COOKIE, formOf, forgetKey, keepKey, keyOf, page, workshopsOf, type Ctx, type WorkshopPageGroup } from './workshop-route-group.js';

const isKeyError = (e: unknown) => e instanceof AppError && (e.kind === 'forbidden' || e.kind === 'unauthorized');

/** The facilitator key this device keeps for the workshop; a page asking for it when there is none or it is wrong. */
export async function facilitatorKey(c: Ctx): Promise<{ code: string; key: string } | Response> {
  const w = await workshopByCode(c, codeParam(c));
  const key = keyOf(c, FACILITATOR_COOKIE);
  if (!key) return page(c, <FacilitatorKeyPage code={w.code} />, 403);
  return { code: w.code, key };
}

async function facilitatePage(c: Ctx, code: string, key: string, extra: { problems?: Problem[]; values?: FacilitateValues; notice?: string } = {}, status: 200 | 400 = 200) {
  const ws = workshopsOf(c);
  let r;
  try {
    r = await workshopResults(ws, code, key);
  } catch (e) {
    if (!isKeyError(e)) throw e;
    forgetKey(c, FACILITATOR_COOKIE, code);
    return page(c, <FacilitatorKeyPage code={code} problems={[{ field: 'key', message: 'That facilitator key does not open this workshop.' }]} />, 403);
  }
  const [w, comments] = await Promise.all([getWorkshop(ws, code).then(shown), facilitatorComments(ws, code, key)]);
  const { joinUrl, live } = roomParts(c, w.code);
  return page(c, <FacilitatePage w={w} r={r} comments={comments} joinUrl={joinUrl} qr={qrSvg(joinUrl)} live={live} {...extra} />, status);
}

/** The join link and where the live totals come from (server-sent events only where the server can stream). */
const roomParts = (c: Ctx, code: string) => ({
  joinUrl: `${new URL(c.req.url).origin}/w/${code}`,
  live: { src: `/w/${code}/facilitate/live`, events: canStream(c) ? `/w/${code}/facilitate/events` : undefined },
});

export function registerFacilitatorRoutes(r: WorkshopPageGroup) {
  r.get({ path: '/w/{code}/facilitate', summary: "The facilitator's page: join code, link and QR code, live totals, comments, scoring, decisions, options (facilitator key; ?key= once)" }, async (c) => {
    const q = pageQuery(c, ['key', 'created']);
    const w = await workshopByCode(c, codeParam(c));
    if (q.key !== undefined) {
      try {
        await workshopResults(workshopsOf(c), w.code, q.key);
      } catch (e) {
        if (!isKeyError(e)) throw e;
        limitAddress(c, 'guess_per_address', 'wrong facilitator keys from this address');
        return page(c, <FacilitatorKeyPage code={w.code} problems={[{ field: 'key', message: 'That facilitator key does not open this workshop.' }]} />, 403);
      }
      keepKey(c, FACILITATOR_COOKIE, w.code, q.key);
      return c.redirect(`/w/${w.code}/facilitate`, 303);
    }
    if (c.req.param('code') !== w.code) return c.redirect(`/w/${w.code}/facilitate`, 301);
    const auth = await facilitatorKey(c);
    if (auth instanceof Response) return auth;
    const notice = q.created !== undefined ? `Workshop created. Your facilitator key is ${auth.key}: keep it safe, you need it to open this page on another device.` : undefined;
    return facilitatePage(c, auth.code, auth.key, { notice });
  });

  r.get({ path: '/w/{code}/facilitate/room', summary: 'The page for the big screen: join code, link and QR code, live totals and approved comments, no controls (facilitator key)' }, async (c) => {
    pageQuery(c, []);
    const auth = await facilitatorKey(c);
    if (auth instanceof Response) return auth;
    const ws = workshopsOf(c);
    const [r, w] = await Promise.all([workshopResults(ws, auth.code, auth.key), getWorkshop(ws, auth.code).then(shown)]);
    const { joinUrl, live } = roomParts(c, w.code);
    return page(c, <RoomPage w={w} r={r} joinUrl={joinUrl} qr={qrSvg(joinUrl)} live={live} />);
  });

  r.post({ path: '/w/{code}/facilitate/key', summary: 'Enter the facilitator key (key=); kept in a cookie for this workshop' }, async (c) => {
    const w = await workshopByCode(c, codeParam(c));
    const key = (await formOf(c))('key');
    if (!key) return page(c, <FacilitatorKeyPage code={w.code} problems={[{ field: 'key', message: 'Enter the facilitator key.' }]} />, 400);
    try {
      await workshopResults(workshopsOf(c), w.code, key);
    } catch (e) {
      if (!isKeyError(e)) throw e;
      limitAddress(c, 'guess_per_address', 'wrong facilitator keys from this address');
      return page(c, <FacilitatorKeyPage code={w.code} problems={[{ field: 'key', message: 'That facilitator key does not open this workshop.' }]} />, 403);
    }
    keepKey(c, FACILITATOR_COOKIE, w.code, key);
    return c.redirect(`/w/${w.code}/facilitate`, 303);
  });

  /** A facilitator's action: the key first, then the action, then back to the page at `anchor`. */
  const act = (path: string, summary: string, run: (c: Ctx, code: string, key: string, form: (n: string) => string) => Promise<string | Response>) =>
    r.post({ path, summary }, async (c) => {
      const auth = await facilitatorKey(c);
      if (auth instanceof Response) return auth;
      const out = await run(c, auth.code, auth.key, await formOf(c));
      return out instanceof Response ? out : c.redirect(`/w/${auth.code}/facilitate${out}`, 303);
    });

  act('/w/{code}/facilitate/comments/{comment}', 'Approve or hide a comment (status=approved|hidden)', async (c, code, key, form) => {
    const status = form('status');
    if (status !== 'approved' && status !== 'hidden') throw new AppError('invalid', 'Choose to approve or hide the comment.');
    await moderateComment(workshopsOf(c), code, key, c.req.param('comment') ?? '', status);
    return '#comments';
  });

  act('/w/{code}/facilitate/options/{option}/scoring', 'Open or close scoring on an option (open=1|0)', async (c, code, key, form) => {
    await setScoringOpen(workshopsOf(c), code, key, c.req.param('option') ?? '', form('open') === '1');
    return '#options';
  });

  act('/w/{code}/facilitate/options/{option}/decision', 'Record the decision on an option with its reason (decision=, reason=)', async (c, code, key, form) => {
    const ws = workshopsOf(c);
    const id = c.req.param('option') ?? '';
    const w = await getWorkshop(ws, code);
    const n = w.options.findIndex((o) => o.id === id) + 1;
    if (!n) throw new AppError('not_found', `Workshop ${code} has no option "${id.slice(0, 60)}".`);
    const decision = form('decision');
    const reason = form('reason');
    const problems: Problem[] = [];
    if (!(DECISIONS as readonly string[]).includes(decision)) problems.push({ field: `decision-${n}`, message: `Choose a decision on option ${n}.` });
    if (!reason) problems.push({ field: `reason-${n}`, message: `Say why, for option ${n}: families will read it.` });
    else if (reason.length > 2000) problems.push({ field: `reason-${n}`, message: `The reason for option ${n} is ${reason.length} characters long: write at most 2,000.` });
    if (problems.length) return facilitatePage(c, code, key, { problems, values: { decision: { option: id, decision, reason } } }, 400);
    await decideOption(ws, code, key, id, decision as Decision, reason);
    return `#option-${n}`;
  });

  act('/w/{code}/facilitate/options/{option}/move', 'Move an option up or down the order (to=up|down)', async (c, code, key, form) => {
    const ws = workshopsOf(c);
    const ids = (await getWorkshop(ws, code)).options.map((o) => o.id);
    const i = ids.indexOf(c.req.param('option') ?? '');
    const j = form('to') === 'up' ? i - 1 : i + 1;
    if (i >= 0 && j >= 0 && j < ids.length) {
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      await editOptions(ws, code, key, { order: ids });
    }
    return j >= 0 ? `#option-${j + 1}` : '#options';
  });

  act('/w/{code}/facilitate/options/{option}/drop', 'Drop an option from the workshop', async (c, code, key) => {
    await editOptions(workshopsOf(c), code, key, { drop: [c.req.param('option') ?? ''] });
    return '#options';
  });

  act('/w/{code}/facilitate/options', 'Add an option of the room\'s own (title=, summary=)', async (c, code, key, form) => {
    const title = form('title');
    const summary = form('summary');
    if (!title || title.length > 200) return facilitatePage(c, code, key, { problems: [{ field: 'add-title', message: title ? 'Write a title of at most 200 characters.' : 'Enter a title for the new option.' }], values: { add: { title, summary } } }, 400);
    await editOptions(workshopsOf(c), code, key, { add: [{ title, summary: summary || undefined }] });
    return '#options';
  });

  act('/w/{code}/facilitate/close', 'Close the workshop: scoring ends, results stay', async (c, code, key) => {
    await closeWorkshop(workshopsOf(c), code, key);
    return '#end';
  });

  r.get({ path: '/w/{code}/facilitate/delete', summary: 'Confirm deleting the workshop and everything in it' }, async (c) => {
    const auth = await facilitatorKey(c);
    if (auth instanceof Response) return auth;
    await workshopResults(workshopsOf(c), auth.code, auth.key);
    return page(c, <DeleteConfirmPage w={shown(await getWorkshop(workshopsOf(c), auth.code))} />);
  });

  act('/w/{code}/facilitate/delete', 'Delete the workshop and everything in it (confirm=yes)', async (c, code, key, form) => {
    if (form('confirm') !== 'yes') return c.redirect(`/w/${code}/facilitate/delete`, 303);
    await deleteWorkshop(workshopsOf(c), code, key);
    forgetKey(c, FACILITATOR_COOKIE, code);
    return page(c, <WorkshopProblemPage title="Workshop deleted" message={`Workshop ${code} and everything in it (options, scores, comments, decisions) are deleted.`} />);
  });

  registerLiveRoutes(r, facilitatorKey);
  registerDocumentRoutes(r, facilitatorKey);
}
