/** @jsxImportSource hono/jsx */
// The HTML pages and their static assets, under a strict Content-Security-Policy: / (pick a council) and /compare
// (the comparison, gaps and pack downloads). Bad input gets an HTML page that says what was wrong, never a 500:
// the pages' own onError answers input errors in HTML and passes anything else on to the app's.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { compare, gaps } from '../scoring/compare.js';
import { DIMENSIONS } from '../scoring/config.js';
import { coverageReport } from '../services/coverage.js';
import { scoringModelFor } from '../services/scoring-model.js';
import type { AppEnv } from './app-env.js';
import { ComparePage } from './compare-page.js';
import { CoveragePage } from './coverage-page.js';
import { statusOf } from './errors.js';
import { intParam, oneOf } from './query.js';
import { createPageRoutes } from './route-registry.js';
import { SITE_CSS, WORKSHOP_JS } from './site-assets.js';
import { GROUP_CHOICES, THEME_CHOICES, type PickState } from './workshop-form.js';
import { ErrorPage, StartPage } from './workshop-page.js';

export const pageRoutes = createPageRoutes();

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

function html(c: Context, body: string | Promise<string>, status: ContentfulStatusCode = 200) {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  return c.html(Promise.resolve(body).then((b) => `<!DOCTYPE html>${b}`), status);
}

/** The comparison form's query, with the page's own words for what is wrong with it. */
function readCompareForm(c: Context) {
  const all = c.req.queries();
  const repeated = Object.entries(all).find(([, v]) => v.length > 1);
  if (repeated) throw new AppError('usage', `"${repeated[0]}" is given more than once.`, { field: repeated[0] });
  const parsed = CompareFormQuery.safeParse(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v[0]])));
  if (parsed.success) return parsed.data;
  const i = parsed.error.issues[0]!;
  if (i.code === 'unrecognized_keys') throw new AppError('usage', `The page does not know the parameter "${i.keys.join(', ')}".`, { field: i.keys.join(', ') });
  const field = String(i.path[0] ?? 'query');
  throw new AppError('invalid', `"${field}": ${i.message}.`, { field });
}

const asset = (body: string, type: string) => (c: Context) => {
  c.header('Content-Type', type);
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(body);
};
pageRoutes.get({ path: '/static/site.css', summary: 'The pages\' style sheet' }, asset(SITE_CSS, 'text/css; charset=utf-8'));
pageRoutes.get({ path: '/static/workshop.js', summary: 'The comparison page\'s script (the page works without it)' }, asset(WORKSHOP_JS, 'text/javascript; charset=utf-8'));

pageRoutes.get({ path: '/', summary: 'Pick a council; every council with what is stored for it' }, async (c) => {
  const store = c.get('store');
  const [councils, taxonomyVersion, builtAt] = await Promise.all([store.listCouncils(), store.getMeta('taxonomy_version'), store.getMeta('built_at')]);
  return html(c, (<StartPage councils={councils} taxonomyVersion={taxonomyVersion} builtAt={builtAt} state={DEFAULT_STATE} />).toString());
});

pageRoutes.get({ path: '/compare', summary: 'A council compared with its group: ranking, sensitivity, gaps and pack downloads' }, async (c) => {
  const store = c.get('store');
  const councils = await store.listCouncils();
  const q = readCompareForm(c);
  const weights = Object.fromEntries(DIMENSIONS.map((d) => [d, q[d] ?? 1]));
  const peers = q.peers?.trim();
  const state: PickState = { council: q.council.toUpperCase(), group: q.group ?? 'sn2025', weights, theme: q.theme ?? 'all', ...(peers ? { peers } : {}) };
  const group = peers ? `custom:${peers.replace(/\s+/g, '')}` : state.group;
  const spec = DIMENSIONS.map((d) => `${d}=${weights[d]}`).join(',');
  const model = await scoringModelFor(store);
  const r = compare(model, q.council, { group, weights: spec });
  const g = gaps(model, q.council, { group });
  state.council = r.council.code;
  const packQuery = `?group=${encodeURIComponent(group)}&weights=${encodeURIComponent(spec)}&theme=${encodeURIComponent(state.theme)}`;
  const packs = Boolean(c.get('runtime').packs);
  return html(c, (<ComparePage councils={councils} state={state} compare={r} gaps={g} packs={packs} packQuery={packQuery} />).toString());
});

pageRoutes.get({ path: '/coverage', summary: "What is known about each council: England's totals, then entry points, records, evidence and rank" }, async (c) => {
  return html(c, (<CoveragePage report={await coverageReport(c.get('store'))} />).toString());
});

/** Wrong input to a page (a parameter, an unknown council) is an HTML page saying so; anything else goes to the app's onError. */
pageRoutes.app.onError(async (err, c: Context<AppEnv>) => {
  if (!(err instanceof AppError) || !(err.kind === 'invalid' || err.kind === 'usage' || err.kind === 'not_found')) throw err;
  const councils = await c.get('store').listCouncils();
  return html(c, (<ErrorPage title="Cannot compare that" message={err.message} councils={councils} state={DEFAULT_STATE} />).toString(), statusOf(err));
});
