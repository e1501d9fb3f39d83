// The listing routes: /api/councils, /api/offers, /api/sources, /api/runs, /api/inspections, /api/findings and the
// change feed /api/changes, each as JSON or CSV (.json/.csv), with filters, column filters (name__contains=),
// _search, _size (or max, streamed), a _next keyset cursor, _sort/_sort_desc and _facet. A council filter that names no council is a 404, as on every route.
import type { Context } from 'hono';
import { LISTINGS, type ListingName } from '../store/listings.js';
import type { AppEnv } from './app-env.js';
import { csvResponse } from './csv.js';
import { success } from './envelope.js';
import type { Format } from './format.js';
import { LISTING_FILTERS, listingQuerySchema } from './listing-query.js';
import { streamWholeListing } from './listing-stream.js';
import type { ColumnFilter, ColumnOp } from '../store/listing.js';
import { createApiRoutes, type RouteInfo } from './route-registry.js';

export const listingRoutes = createApiRoutes();

const SUMMARY: Record<ListingName, string> = {
  councils: 'The 153 councils with what is stored for each',
  offers: 'Current short-break offers, one per offer, with filters and facets',
  sources: 'Sources (entry points and documents) with the status of their latest scrape',
  runs: 'Imports, builds and scrapes, newest first',
  inspections: 'Area SEND inspections with their outcomes',
  findings: 'Sentences of area SEND reports about short breaks, with page and polarity',
  changes: 'The change feed: every offer that appeared, changed or disappeared, newest first, dated by when its page was read (also as .atom)',
};
const TAG: Record<ListingName, RouteInfo['tag']> = { councils: 'councils', offers: 'offers', sources: 'sources', runs: 'sources', inspections: 'inspections', findings: 'inspections', changes: 'offers' };
const DEFAULT_SIZE: Partial<Record<ListingName, number>> = { councils: 200 };

interface ReservedQuery {
  _size?: number | 'max';
  _search?: string;
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
  const columns: ColumnFilter[] = [];
  for (const [key, value] of Object.entries(q)) {
    const at = key.lastIndexOf('__');
    if (at > 0 && value !== undefined) {
      columns.push({ column: key.slice(0, at), op: key.slice(at + 2) as ColumnOp, value: String(value) });
      filters[key] = String(value);
    }
  }
  if (q._search !== undefined) filters._search = q._search;
  const store = c.get('store');
  // A council filter goes through the one council lookup (code, previous code, LA number or name); a key that
  // names no council is a 404 naming it, with near misses, as on every council-scoped route.
  const matched = filters.council === undefined ? filters : { ...filters, council: (await store.requireCouncil(filters.council, 'council')).code };
  const base = { filters: matched, columns, search: q._search, sort: q._sort ?? q._sort_desc, desc: Boolean(q._sort_desc) };
  if (q._size === 'max') {
    const first = await store.list(name, { ...base, size: 1, facets: q._facet ?? [] });
    const meta = { total: first.total, size: 'max', sort: first.sort, sort_desc: first.desc, filters, next: null, next_url: null, ...(q._facet?.length ? { facets: first.facets } : {}) };
    return streamWholeListing(c, name, base, meta, format);
  }
  const size = q._size ?? DEFAULT_SIZE[name] ?? 100;
  const page = await store.list(name, { ...base, size, next: q._next, facets: q._facet ?? [] });
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
    // _search is in the schema only where the listing has a full-text index, so zod types it loosely here.
    (c, q, format) => serveListing(c, name, q as Record<string, unknown> & ReservedQuery, format),
  );
