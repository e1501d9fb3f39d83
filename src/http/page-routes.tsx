/** @jsxImportSource hono/jsx */
// The HTML pages and their static assets, under a strict Content-Security-Policy: / (find or pick a council),
// /councils and /councils/CODE (one council), /compare, /coverage and /accessibility. Tracking parameters are ignored.
// Bad input gets an HTML page that says what was wrong, never a 500 or JSON: the pages' own onError answers input
// errors in HTML and passes anything else on to the app's. Nothing here uses Node: the Worker serves the same pages.
import type { Context } from 'hono';
import { AppError, type Problem } from '../domain/errors.js';
import { TAXONOMY } from '../domain/taxonomy.js';
import { compare, gaps } from '../scoring/compare.js';
import { councilDetail } from '../services/council-detail.js';
import { councilHistory } from '../services/council-history.js';
import { coverageReport } from '../services/coverage.js';
import { scoringModelFor } from '../services/scoring-model.js';
import type { AppEnv } from './app-env.js';
import { CompareFormErrorPage, ComparePage } from './compare-page.js';
import { readCompareForm } from './compare-form.js';
import { CouncilPage } from './council-page.js';
import { CoveragePage } from './coverage-page.js';
import { statusOf } from './errors.js';
import { AccessibilityPage, FindCouncilPage, NotFoundPage, ProblemPage } from './info-pages.js';
import { nearMisses } from './near-misses.js';
import { offerSummary } from './offer-summary.js';
import { html, pageQuery, PAGE_CSP } from './page-html.js';
import { createPageRoutes } from './route-registry.js';
import { SITE_CSS, WORKSHOP_JS } from './site-assets.js';
import type { PickState } from './workshop-form.js';
import { StartPage } from './workshop-page.js';

export { PAGE_CSP };
export const pageRoutes = createPageRoutes();

const DEFAULT_STATE: PickState = { council: 'E10000017', group: 'sn2025', weights: { choice: 1, equity: 1, quality: 1, suitability: 1 }, theme: 'all' };

const asset = (body: string, type: string) => (c: Context) => {
  c.header('Content-Type', type);
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(body);
};
pageRoutes.get({ path: '/static/site.css', summary: 'The pages\' style sheet' }, asset(SITE_CSS, 'text/css; charset=utf-8'));
pageRoutes.get({ path: '/static/workshop.js', summary: 'The comparison page\'s script (the page works without it)' }, asset(WORKSHOP_JS, 'text/javascript; charset=utf-8'));

pageRoutes.get({ path: '/', summary: 'Find a council by name, or pick one to compare; every council with what is stored for it' }, async (c) => {
  const store = c.get('store');
  const [councils, taxonomyVersion, builtAt] = await Promise.all([store.listCouncils(), store.getMeta('taxonomy_version'), store.getMeta('built_at')]);
  return html(c, (<StartPage councils={councils} taxonomyVersion={taxonomyVersion} builtAt={builtAt} state={DEFAULT_STATE} />).toString());
});

pageRoutes.get({ path: '/compare', summary: 'A council compared with its group, results first: position, own offer, ranking and chart, measures, gaps, pack' }, async (c) => {
  const store = c.get('store');
  const [councils, lookup] = await Promise.all([store.listCouncils(), store.councilLookup()]);
  const form = readCompareForm(c, lookup, councils);
  if (form.problems.length) return html(c, (<CompareFormErrorPage councils={councils} state={form.state} problems={form.problems} />).toString(), form.status);
  const model = await scoringModelFor(store);
  const r = compare(model, form.state.council, { group: form.group, weights: form.weights });
  const g = gaps(model, form.state.council, { group: form.group });
  const packQuery = `?group=${encodeURIComponent(form.group)}&weights=${encodeURIComponent(form.weights)}&theme=${encodeURIComponent(form.state.theme)}`;
  const ownOffer = offerSummary(r.council.name, model.data.offers.get(r.council.code) ?? [], model.taxonomy);
  const packs = Boolean(c.get('runtime').packs);
  return html(c, (<ComparePage councils={councils} state={form.state} compare={r} gaps={g} ownOffer={ownOffer} packs={packs} packQuery={packQuery} />).toString());
});

pageRoutes.get({ path: '/coverage', summary: "What is known about each council: England's totals, then entry points, records, evidence and rank" }, async (c) => {
  return html(c, (<CoveragePage report={await coverageReport(c.get('store'))} />).toString());
});

pageRoutes.get({ path: '/councils', summary: 'Find a council by name, GSS code or LA number (?q=); a near miss offers "did you mean"' }, async (c) => {
  const store = c.get('store');
  const { q } = pageQuery(c, ['q']);
  if (q === undefined) return html(c, (<FindCouncilPage councils={await store.listCouncils()} />).toString());
  const text = q.trim().slice(0, 100);
  if (!text) return html(c, (<FindCouncilPage value={q} message="Enter a council's name, GSS code or LA number." />).toString(), 400);
  const lookup = await store.councilLookup();
  const hit = lookup.find(text);
  if (hit) return c.redirect(`/councils/${hit.code}`, 303);
  const suggestions = nearMisses(lookup, await store.listCouncils(), text);
  return html(c, (<FindCouncilPage value={q} message={`No council is called "${text}".`} suggestions={suggestions} />).toString(), 404);
});

pageRoutes.get({ path: '/councils/{code}', summary: "One council's page: its offers by type and time slot, facts, inspection, providers, sources and history" }, async (c) => {
  const store = c.get('store');
  const key = (c.req.param('code') ?? '').slice(0, 100);
  const lookup = await store.councilLookup();
  const hit = lookup.find(key);
  if (!hit) {
    const suggestions = nearMisses(lookup, await store.listCouncils(), key);
    return html(c, (<FindCouncilPage value={key.slice(0, 100)} message={`No council is called "${key.slice(0, 100)}".`} suggestions={suggestions} />).toString(), 404);
  }
  if (hit.code !== key) return c.redirect(`/councils/${hit.code}`, 301);
  const [d, history] = await Promise.all([councilDetail(store, hit.code), councilHistory(store, hit.code)]);
  const ownOffer = offerSummary(d.council.name, d.offers, TAXONOMY);
  return html(c, (<CouncilPage d={d} history={history} ownOffer={ownOffer} taxonomy={TAXONOMY} packs={Boolean(c.get('runtime').packs)} />).toString());
});

pageRoutes.get({ path: '/accessibility', summary: 'The accessibility statement' }, (c) => html(c, (<AccessibilityPage />).toString()));

/** A browser's page for an address that matches no route (the API keeps its JSON 404). */
export const notFoundPage = (c: Context) => html(c, (<NotFoundPage path={new URL(c.req.url).pathname} />).toString(), 404);

/** Wrong input to a page (a parameter, an unknown council) is an HTML page saying so; anything else goes to the app's onError. */
pageRoutes.app.onError(async (err, c: Context<AppEnv>) => {
  if (!(err instanceof AppError) || !(err.kind === 'invalid' || err.kind === 'usage' || err.kind === 'not_found')) throw err;
  const problems: Problem[] = err.problems.length ? err.problems : [{ field: err.field ?? 'query', message: err.message }];
  const status = statusOf(err);
  return html(c, (<ProblemPage title={status === 404 ? 'Not found' : 'There is a problem with the address'} problems={problems.map((p) => ({ ...p, message: p.message === err.message ? p.message : `${err.message} ${p.message}` }))} status={status} />).toString(), status);
});
