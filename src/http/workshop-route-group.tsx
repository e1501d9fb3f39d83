/** @jsxImportSource hono/jsx */
// The workshop pages' route group (GET and POST pages, catalogued like the site's pages) and what its handlers
// share: the workshop store, the participant's and facilitator's keys in HttpOnly SameSite=Strict cookies scoped to
// /w/CODE (never in a URL), form fields, and errors answered as plain HTML pages (an unknown code is a 404 page).
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../domain/errors.js';
import { displayCode, normaliseCode, type Workshop } from '../domain/workshop.js';
import { getWorkshop } from '../services/workshops.js';
import type { AppEnv } from './app-env.js';
import { statusOf } from './errors.js';
import { html } from './page-html.js';
import { servedPaths, type PageInfo, type ServedPath } from './route-registry.js';
import { limitAddress, workshopStoreOf } from './workshop-context.js';
import { WorkshopProblemPage } from './workshop-layout-page.js';

type Reply = Response | Promise<Response>;
export type Ctx = Context<AppEnv>;

/** A group of workshop pages: a Hono sub-app and the pages (GET and POST) it registered. */
export function createWorkshopPageGroup() {
  const app = new Hono<AppEnv>();
  const routes: PageInfo[] = [];
  const served: ServedPath[] = [];
  const define = (method: 'GET' | 'POST') => (info: { path: string; summary: string }, handler: (c: Ctx) => Reply) => {
    const page: PageInfo = { method, ...info };
    routes.push(page);
    for (const s of servedPaths(page)) {
      served.push(s);
      app.on(method, s.path, handler);
    }
  };
  return { app, routes, served, get: define('GET'), post: define('POST') };
}
export type WorkshopPageGroup = ReturnType<typeof createWorkshopPageGroup>;

/** The workshop store the runtime hands in (Node: a SQLite file of its own; Worker: D1). */
export const workshopsOf = (c: Ctx) => workshopStoreOf(c);

/** A workshop as the pages show it: its code as people read it out (ABCD-EFGH), which the services take too. */
export const shown = (w: Workshop): Workshop => ({ ...w, code: displayCode(w.code) });

/** The workshop a code names, as shown; a code that names none costs the address a guess (the limit is a 429). */
export async function workshopByCode(c: Ctx, code: string): Promise<Workshop> {
  try {
    return shown(await getWorkshop(workshopsOf(c), code));
  } catch (e) {
    if (e instanceof AppError && e.kind === 'not_found') limitAddress(c, 'guess_per_address', 'wrong workshop codes from this address');
    throw e;
  }
}

/** The server holds a connection open for server-sent events (the Node server); the Worker is polled instead. */
export const canStream = (c: Ctx) => Boolean(c.get('runtime').packs);

export const PARTICIPANT_COOKIE = 'sbb_participant';
export const FACILITATOR_COOKIE = 'sbb_facilitator';

/** Keeps a key for this workshop only: HttpOnly, SameSite=Strict, scoped to /w/CODE, Secure over https. */
export function keepKey(c: Ctx, name: string, code: string, key: string) {
  setCookie(c, name, key, { path: `/w/${code}`, httpOnly: true, sameSite: 'Strict', secure: new URL(c.req.url).protocol === 'https:', maxAge: 60 * 60 * 24 * 30 });
}
export const keyOf = (c: Ctx, name: string) => getCookie(c, name) || undefined;
export const forgetKey = (c: Ctx, name: string, code: string) => deleteCookie(c, name, { path: `/w/${code}` });

/** A form's fields as trimmed text (a file or a missing field is ''); a body over 64 KiB is refused. */
export async function formOf(c: Ctx): Promise<(name: string) => string> {
  if (Number(c.req.header('Content-Length') ?? 0) > 65536) throw new AppError('too_large', 'The form sent too much text.');
  const body = await c.req.parseBody();
  return (name) => {
    const v = body[name];
    return typeof v === 'string' ? v.trim() : '';
  };
}

/** The code as the path gave it, upper case: codes are case-insensitive. */
export const codeParam = (c: Ctx) => (c.req.param('code') ?? '').trim().toUpperCase().slice(0, 40);

export const page = (c: Ctx, body: unknown, status: ContentfulStatusCode = 200) => {
  c.header('Cache-Control', 'no-store');
  return html(c, String(body), status);
};

const TITLES: Partial<Record<number, string>> = { 400: 'There is a problem', 403: 'You cannot do that here', 404: 'Workshop not found', 409: 'Closed', 413: 'Too much text', 429: 'Too many tries: wait a moment', 501: 'Not available here', 503: 'Too many requests: wait a moment' };

/** Errors from the workshop service as plain pages; anything that is not an AppError goes on to the app's handler. */
export function workshopErrorPage(err: Error, c: Ctx): Response | Promise<Response> {
  if (!(err instanceof AppError) || err.kind === 'internal') throw err;
  const status = statusOf(err);
  if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
  const code = normaliseCode(c.req.param('code') ?? '');
  const back = code && status !== 404 ? { href: `/w/${displayCode(code)}`, text: 'Back to the workshop' } : undefined;
  return page(c, <WorkshopProblemPage title={TITLES[status] ?? 'There is a problem'} message={err.message} back={back} />, status);
}
