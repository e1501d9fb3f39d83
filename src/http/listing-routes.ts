// The listing routes: /api/councils, /api/offers, /api/sources, /api/runs, /api/inspections, /api/findings, each as
// JSON or CSV (.json/.csv), with filters, _size, a _next keyset cursor, _sort/_sort_desc and _facet.
import type { Context } from 'hono';
import { LISTINGS, type ListingName } from '../store/listings.js';
import type { AppEnv } from './app-env.js';
import { csvResponse } from './csv.js';
import { success } from './envelope.js';
import type { Format } from './format.js';
import { LISTING_FILTERS, listingQuerySchema } from './listing-query.js';
import { createApiRoutes, type RouteInfo } from './route-registry.js';

export const listingRoutes = createApiRoutes();

const SUMMARY: Record<ListingName, string> = {
  councils: 'The 153 councils with what is stored for each',
  offers: 'Current short-break offers, one per offer, with filters and facets',
  sources: 'Sources (entry points and documents) with the status of their latest scrape',
  runs: 'Imports, builds and scrapes, newest first',
  inspections: 'Area SEND inspections with their outcomes',
  findings: 'Sentences of area SEND reports about short breaks, with page and polarity',
};
const TAG: Record<ListingName, RouteInfo['tag']> = { councils: 'councils', offers: 'offers', sources: 'sources', runs: 'sources', inspections: 'inspections', findings: 'inspections' };
const DEFAULT_SIZE: Partial<Record<ListingName, number>> = { councils: 200 };

interface ReservedQuery {
  _size?: number;
  _next?: string;
  _sort?: string;
  _sort_desc?: string;
  _facet?: string[];
}

function nextUrlOf(c: Context, next: string | null): string | null {
  if (!next) return null;
  const url = new URL(c.req.url);
  url.searchParams.set('_next', next);
  return url.pathname + url.search;
}

async function serveListing(c: Context<AppEnv>, name: ListingName, q: Record<string, unknown> & ReservedQuery, format: Format) {
  const filters: Record<string, string> = {};
  for (const key of Object.keys(LISTING_FILTERS[name])) if (q[key] !== undefined) filters[key] = String(q[key]);
  const size = q._size ?? DEFAULT_SIZE[name] ?? 100;
  const store = c.get('store');
  // A council filter goes through the one council lookup (code, previous code, LA number or name); a key that
  // names no council matches no rows.
  const matched = filters.council === undefined ? filters : { ...filters, council: (await store.findCouncil(filters.council))?.code ?? filters.council };
  const page = await store.list(name, { filters: matched, size, sort: q._sort ?? q._sort_desc, desc: Boolean(q._sort_desc), next: q._next, facets: q._facet ?? [] });
  const nextUrl = nextUrlOf(c, page.next);
  if (format === 'csv') return csvResponse(c, name, page.rows, undefined, nextUrl);
  return success(c, page.rows, {
    count: page.rows.length,
    total: page.total,
    size,
    sort: page.sort,
    sort_desc: page.desc,
    filters,
    next: page.next,
    next_url: nextUrl,
    ...(q._facet?.length ? { facets: page.facets } : {}),
  });
}

for (const name of Object.keys(LISTINGS) as ListingName[])
  listingRoutes.get(
    { path: `/api/${name}`, summary: SUMMARY[name], tag: TAG[name], query: listingQuerySchema(name), formats: ['json', 'csv'], example: `/api/${name}` },
    (c, q, format) => serveListing(c, name, q, format),
  );
