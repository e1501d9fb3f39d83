/** @jsxImportSource hono/jsx */
// The HTML pages and their static assets, under a strict Content-Security-Policy: / (pick a council) and /compare
// (the comparison, gaps and pack downloads). Bad input gets an HTML page that says what was wrong, never a 500.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { compare, gaps } from '../scoring/compare.js';
import { DIMENSIONS } from '../scoring/config.js';
import { scoringModelFor } from '../services/scoring-model.js';
import type { Store } from '../store/store.js';
import { intParam, oneOf } from './query.js';
import { SITE_CSS, WORKSHOP_JS } from './site-assets.js';
import { ComparePage, ErrorPage, GROUP_CHOICES, StartPage, THEME_CHOICES, type PickState } from './workshop-page.js';
import { AppError } from '../domain/errors.js';

type Env = { Bindings: object; Variables: { store: Store } };

export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const weight = intParam(0, 5).optional();
export const CompareFormQuery = z
  .object({
    council: z.string().min(1).max(20),
    group: oneOf(GROUP_CHOICES.map(([v]) => v)).optional(),
    peers: z.string().max(3000).optional(),
    choice: weight,
    equity: weight,
    quality: weight,
    suitability: weight,
    theme: oneOf(THEME_CHOICES.map(([v]) => v)).optional(),
  })
  .strict();

const DEFAULT_STATE: PickState = { council: 'E10000017', group: 'sn2025', weights: { choice: 1, equity: 1, quality: 1, suitability: 1 }, theme: 'all' };

function html(c: Context, body: string | Promise<string>, status: 200 | 400 | 404 = 200) {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  return c.html(Promise.resolve(body).then((b) => `<!DOCTYPE html>${b}`), status);
}

export function registerPageRoutes(app: Hono<Env>, options: { packs: boolean }): void {
  app.get('/static/site.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(SITE_CSS);
  });
  app.get('/static/workshop.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(WORKSHOP_JS);
  });

  app.get('/', async (c) => {
    const store = c.get('store');
    const [councils, taxonomyVersion, builtAt] = await Promise.all([store.listCouncils(), store.getMeta('taxonomy_version'), store.getMeta('built_at')]);
    return html(c, (<StartPage councils={councils} taxonomyVersion={taxonomyVersion} builtAt={builtAt} state={DEFAULT_STATE} />).toString());
  });

  app.get('/compare', async (c) => {
    const store = c.get('store');
    const councils = await store.listCouncils();
    const all = c.req.queries();
    const flat = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v[0]]));
    const repeated = Object.entries(all).find(([, v]) => v.length > 1);
    const parsed = CompareFormQuery.safeParse(flat);
    const fail = (message: string, status: 400 | 404) => html(c, (<ErrorPage title="Cannot compare that" message={message} councils={councils} state={DEFAULT_STATE} />).toString(), status);
    if (repeated) return fail(`"${repeated[0]}" is given more than once.`, 400);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const field = i.code === 'unrecognized_keys' ? i.keys.join(', ') : String(i.path[0] ?? 'query');
      return fail(i.code === 'unrecognized_keys' ? `The page does not know the parameter "${field}".` : `"${field}": ${i.message}.`, 400);
    }
    const q = parsed.data;
    const weights = Object.fromEntries(DIMENSIONS.map((d) => [d, q[d] ?? 1]));
    const peers = q.peers?.trim();
    const state: PickState = { council: q.council.toUpperCase(), group: q.group ?? 'sn2025', weights, theme: q.theme ?? 'all', ...(peers ? { peers } : {}) };
    const group = peers ? `custom:${peers.replace(/\s+/g, '')}` : state.group;
    const spec = DIMENSIONS.map((d) => `${d}=${weights[d]}`).join(',');
    const model = await scoringModelFor(store);
    try {
      const r = compare(model, q.council, { group, weights: spec });
      const g = gaps(model, q.council, { group });
      state.council = r.council.code;
      const packQuery = `?group=${encodeURIComponent(group)}&weights=${encodeURIComponent(spec)}&theme=${encodeURIComponent(state.theme)}`;
      return html(c, (<ComparePage councils={councils} state={state} compare={r} gaps={g} packs={options.packs} packQuery={packQuery} />).toString());
    } catch (e) {
      if (e instanceof AppError && (e.kind === 'invalid' || e.kind === 'not_found')) return fail(e.message, e.kind === 'not_found' ? 404 : 400);
      throw e;
    }
  });
}
