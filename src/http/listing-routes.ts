// The listing routes: /api/councils, /api/offers, /api/sources, /api/runs, /api/inspections, /api/findings, each as
// JSON or CSV (.json/.csv), with filters, _size, a _next keyset cursor, _sort/_sort_desc and _facet.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { Platform, RunKind, RunStatus, SourceKind, SourceStatus, TAXONOMY } from '../domain/index.js';
import { type ListingPage } from '../store/listing.js';
import { LISTINGS, type ListingName } from '../store/listings.js';
import type { Store } from '../store/store.js';
import { csvResponse } from './csv.js';
import { ApiError, success } from './envelope.js';
import { councilParam, intParam, oneOf, readQuery } from './query.js';
import { AppError } from '../domain/errors.js';

type Env = { Bindings: object; Variables: { store: Store } };

const tax = TAXONOMY;

/** Each listing's filters as zod schemas (the values a filter accepts). */
export const LISTING_FILTERS: Record<ListingName, Record<string, z.ZodTypeAny>> = {
  councils: {
    region: z.string().min(1).max(100),
    type: oneOf(['county', 'unitary', 'metropolitan_district', 'london_borough']),
  },
  offers: {
    council: councilParam,
    type: oneOf([...tax.codes('types'), 'unknown']),
    tier: oneOf([...tax.codes('access_tiers'), 'unknown']),
    category: oneOf(tax.codes('statutory_categories')),
    time_slot: oneOf(tax.codes('time_slots')),
    gate: oneOf(tax.codes('gates')),
    age: intParam(0, 25),
    cost: oneOf(['free', 'charged', 'unknown']),
    source_kind: oneOf(SourceKind.options),
    origin: oneOf(['curated', 'scraped']),
  },
  sources: {
    council: councilParam,
    kind: oneOf(SourceKind.options),
    platform: oneOf([...Platform.options, 'unknown']),
    status: oneOf([...SourceStatus.options, 'never_run']),
    entry_point: oneOf(['true', 'false']),
  },
  runs: { kind: oneOf(RunKind.options), status: oneOf(RunStatus.options) },
  inspections: { council: councilParam, outcome: oneOf(['1', '2', '3', 'unknown']), framework: z.string().min(1).max(100) },
  findings: {
    council: councilParam,
    topic: oneOf(['short_breaks', 'respite', 'direct_payments', 'personal_assistants']),
    polarity: oneOf(['strength', 'weakness', 'neutral']),
  },
};

const DEFAULT_SIZE: Partial<Record<ListingName, number>> = { councils: 200 };

/** The full query schema of a listing: its filters plus the reserved parameters. */
export function listingQuerySchema(name: ListingName) {
  const def = LISTINGS[name];
  const sorts = Object.keys(def.sorts);
  const facets = Object.keys(def.facets);
  const facetList = z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(oneOf(facets)).max(facets.length));
  return z
    .object({
      ...Object.fromEntries(Object.entries(LISTING_FILTERS[name]).map(([k, s]) => [k, s.optional()])),
      _size: intParam(1, 1000).optional(),
      _next: z.string().min(1).max(2000).optional(),
      _sort: oneOf(sorts).optional(),
      _sort_desc: oneOf(sorts).optional(),
      _facet: facetList.optional(),
    })
    .strict()
    .refine((q) => !(q._sort && q._sort_desc), { message: 'give _sort or _sort_desc, not both', path: ['_sort_desc'] });
}

const SCHEMAS = Object.fromEntries((Object.keys(LISTINGS) as ListingName[]).map((n) => [n, listingQuerySchema(n)])) as Record<ListingName, ReturnType<typeof listingQuerySchema>>;

function nextUrlOf(c: Context, next: string | null): string | null {
  if (!next) return null;
  const url = new URL(c.req.url);
  url.searchParams.set('_next', next);
  return url.pathname + url.search;
}

export async function serveListing(c: Context<Env>, name: ListingName, format: 'json' | 'csv') {
  const q = readQuery(c, SCHEMAS[name]) as Record<string, unknown> & { _size?: number; _next?: string; _sort?: string; _sort_desc?: string; _facet?: string[] };
  const filters: Record<string, string> = {};
  for (const key of Object.keys(LISTING_FILTERS[name])) if (q[key] !== undefined) filters[key] = String(q[key]);
  const size = q._size ?? DEFAULT_SIZE[name] ?? 100;
  let page: ListingPage;
  try {
    page = await c.get('store').list(name, { filters, size, sort: q._sort ?? q._sort_desc, desc: Boolean(q._sort_desc), next: q._next, facets: q._facet ?? [] });
  } catch (e) {
    if (e instanceof AppError && e.field === '_next') throw new ApiError(400, `invalid query parameter "_next": ${e.message}`, [{ field: '_next', message: e.message }]);
    throw e;
  }
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

export function registerListingRoutes(app: Hono<Env>): void {
  for (const name of Object.keys(LISTINGS) as ListingName[]) {
    app.get(`/api/${name}`, (c) => serveListing(c, name, 'json'));
    app.get(`/api/${name}.json`, (c) => serveListing(c, name, 'json'));
    app.get(`/api/${name}.csv`, (c) => serveListing(c, name, 'csv'));
  }
}
