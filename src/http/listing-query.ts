// What each listing accepts: its filters (their values from the domain schemas and the one taxonomy) and the
// reserved parameters _size, _next, _sort, _sort_desc and _facet, as one strict zod schema per listing.
import { z } from 'zod';
import { CostSchema, CouncilType, InspectionFindingSchema, OfferSchema, Platform, RunKind, RunStatus, SourceKind, SourceStatus } from '../domain/index.js';
import { CHANGE_KINDS, TAXONOMY } from '../domain/index.js';
import { isCursor, opsOf, type ColumnDef } from '../store/listing.js';
import { LISTINGS, type ListingName } from '../store/listings.js';
import { councilParam, intParam, oneOf } from './query.js';

const tax = TAXONOMY;

/** Each listing's filters as zod schemas (the values a filter accepts). */
export const LISTING_FILTERS: Record<ListingName, Record<string, z.ZodTypeAny>> = {
  councils: {
    region: z.string().min(1).max(100),
    type: oneOf(CouncilType.options),
  },
  offers: {
    council: councilParam,
    type: oneOf([...tax.codes('types'), 'unknown']),
    tier: oneOf([...tax.codes('access_tiers'), 'unknown']),
    category: oneOf(tax.codes('statutory_categories')),
    time_slot: oneOf(tax.codes('time_slots')),
    gate: oneOf(tax.codes('gates')),
    age: intParam(0, 25),
    cost: oneOf(CostSchema.shape.status.options),
    source_kind: oneOf(SourceKind.options),
    origin: oneOf(OfferSchema.shape.origin.unwrap().options),
  },
  sources: {
    council: councilParam,
    kind: oneOf(SourceKind.options),
    platform: oneOf([...Platform.options, 'unknown']),
    status: oneOf([...SourceStatus.options, 'never_run']),
    entry_point: oneOf(['true', 'false']),
  },
  runs: { kind: oneOf(RunKind.options), status: oneOf(RunStatus.options) },
  // Area SEND inspection outcomes are coded 1 to 3 (AreaSendInspectionSchema.outcome_code), or not known.
  inspections: { council: councilParam, outcome: oneOf(['1', '2', '3', 'unknown']), framework: z.string().min(1).max(100) },
  changes: {
    council: councilParam,
    since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)'),
    recorded_since: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/, 'a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)'),
    type: z
      .string()
      .regex(new RegExp(`^(${CHANGE_KINDS.join('|')})(,(${CHANGE_KINDS.join('|')}))*$`), `one or more of ${CHANGE_KINDS.join(', ')}, separated by commas`),
    offer_type: oneOf([...tax.codes('types'), 'unknown']),
  },
  findings: {
    council: councilParam,
    topic: oneOf(InspectionFindingSchema.shape.topic.options),
    polarity: oneOf(InspectionFindingSchema.shape.polarity.options),
  },
};

const numberText = z.string().regex(/^-?\d{1,9}(\.\d{1,6})?$/, 'a number');

/** The value a column filter takes: text, a number, or an age (0-25). */
function columnValue(c: ColumnDef) {
  if (c.kind === 'range') return intParam(0, c.top);
  return c.kind === 'text' ? z.string().min(1, 'some text').max(200, 'at most 200 characters') : numberText;
}

/** Datasette's column filters a listing allows: `name__contains`, `age__gte` and so on, each from its allow-list. */
export function columnFilterParams(name: ListingName): Record<string, z.ZodTypeAny> {
  const cols = LISTINGS[name].columns ?? {};
  return Object.fromEntries(Object.entries(cols).flatMap(([col, def]) => opsOf(def).map((op) => [`${col}__${op}`, columnValue(def)])));
}

/** `_size`: 1 to 1000 rows a page, or `max` for the whole list in one streamed response. */
export const sizeParam = z.union([z.literal('max'), intParam(1, 1000)], { message: 'a whole number from 1 to 1000, or max' });

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
      ...Object.fromEntries(Object.entries(columnFilterParams(name)).map(([k, s]) => [k, s.optional()])),
      ...(def.search ? { _search: z.string().trim().min(1, 'some words to search for').max(200, 'at most 200 characters').optional() } : {}),
      _size: sizeParam.optional(),
      _next: z.string().min(1).max(2000).optional(),
      _sort: oneOf(sorts).optional(),
      _sort_desc: oneOf(sorts).optional(),
      _facet: facetList.optional(),
    })
    .strict()
    .refine((q) => !(q._sort && q._sort_desc), { message: 'give _sort or _sort_desc, not both', path: ['_sort_desc'] })
    // The cursor is read last, once everything else is right (as the store would, which checks it again).
    .refine((q) => q._next === undefined || isCursor(q._next), { message: '_next is not a cursor this API gave out', path: ['_next'], when: (p) => p.issues.length === 0 });
}
