// The national offer as an Open Referral UK 3.0 feed: the root, services (paged, with the standard's filters) and a
// service by id, taxonomies and taxonomy terms. Pages are 1-based in the standard's envelope; an unknown id is a 404.
import { AppError } from '../domain/errors.js';
import { dataVersion } from '../store/data-version.js';
import type { Store } from '../store/store.js';
import type { NationalOffer } from '../store/national-offers.js';
import { orukId } from './oruk-v3-ids.js';
import { fullService, serviceListItem, type OrukJson } from './oruk-v3-service.js';
import { codeOfTermId, facetOfTaxonomyId, ORUK_TAXONOMIES, ORUK_TERMS, publicTerm, type OrukFacet } from './oruk-v3-taxonomy.js';

/** What `/` answers: the standard's version, its profile and the OpenAPI document that defines the API. */
export const ORUK_ROOT = {
  version: 'HSDS-UK-3.0',
  profile: 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md',
  openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
} as const;

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 1000;

export interface PageQuery {
  page?: number;
  per_page?: number;
}

export interface ServicesQuery extends PageQuery {
  search?: string;
  taxonomy_term_id?: string;
  taxonomy_id?: string;
  minimum_age?: number;
  maximum_age?: number;
  /** An ISO date or date-time: services whose information changed on or after it. */
  modified_after?: string;
}

/** The standard's paging envelope around one page of items (pages past the last are empty, never an error). */
export function pageOf<T>(items: readonly T[], q: PageQuery): OrukJson {
  const perPage = q.per_page ?? DEFAULT_PER_PAGE;
  const page = q.page ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage);
  // `size` is the number of items on this page, as the UK profile's OpenAPI document defines it.
  return { total_items: items.length, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents };
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every word of the search starts a word of the offer's name, description, provider or council. */
function matchesSearch(o: NationalOffer, search: string): boolean {
  const have = words([o.name, o.description, o.provider, o.council_name].filter(Boolean).join(' '));
  return words(search).every((w) => have.some((h) => h.startsWith(w)));
}

const codesOf = (o: NationalOffer, facet: OrukFacet): readonly string[] =>
  facet === 'types' ? (o.type ? [o.type] : []) : facet === 'access_tiers' ? (o.access_tier ? [o.access_tier] : []) : o[facet];

/** The filters of a services query as one test; an id that names no term or taxonomy of this feed is a 400 naming it. */
function serviceFilter(q: ServicesQuery): (o: NationalOffer) => boolean {
  const term = q.taxonomy_term_id === undefined ? undefined : codeOfTermId(q.taxonomy_term_id.toLowerCase());
  if (q.taxonomy_term_id !== undefined && !term)
    throw new AppError('invalid', `taxonomy_term_id "${q.taxonomy_term_id}" is not a term of this feed (see /openreferral/v3/taxonomy_terms)`, { field: 'taxonomy_term_id' });
  const facet = q.taxonomy_id === undefined ? undefined : facetOfTaxonomyId(q.taxonomy_id.toLowerCase());
  if (q.taxonomy_id !== undefined && !facet)
    throw new AppError('invalid', `taxonomy_id "${q.taxonomy_id}" is not a taxonomy of this feed (see /openreferral/v3/taxonomies)`, { field: 'taxonomy_id' });
  const after = q.modified_after === undefined ? undefined : new Date(q.modified_after).toISOString();
  return (o) =>
    (q.search === undefined || matchesSearch(o, q.search)) &&
    (!term || codesOf(o, term.facet).includes(term.code)) &&
    (!facet || codesOf(o, facet).length > 0) &&
    // The standard's wording: a minimum age of at least the value, a maximum age at or below it.
    (q.minimum_age === undefined || (o.age_min !== undefined && o.age_min >= q.minimum_age)) &&
    (q.maximum_age === undefined || (o.age_max !== undefined && o.age_max <= q.maximum_age)) &&
    (after === undefined || `${o.changed}T00:00:00.000Z` >= after);
}

interface Loaded {
  offers: NationalOffer[];
  byId: Map<string, NationalOffer>;
}
const loaded = new WeakMap<object, { version: string; value: Promise<Loaded> }>();

/** Every current offer with its service UUID, read once per data version of a database (a Worker reads per request). */
async function offersOf(store: Store): Promise<Loaded> {
  const version = await dataVersion(store);
  const hit = loaded.get(store.driver);
  if (hit?.version === version) return hit.value;
  const value = store.nationalOffers().then((offers) => ({ offers, byId: new Map(offers.map((o) => [orukId('service', o.id), o])) }));
  loaded.set(store.driver, { version, value });
  value.catch(() => loaded.delete(store.driver));
  return value;
}

/** One page of services (list view), filtered. */
export async function servicesPage(store: Store, q: ServicesQuery): Promise<OrukJson> {
  const keep = serviceFilter(q);
  const offers = (await offersOf(store)).offers.filter(keep);
  const page = pageOf(offers, q);
  return { ...page, contents: (page.contents as NationalOffer[]).map(serviceListItem) };
}

/** One fully nested service by its UUID. */
export async function serviceById(store: Store, id: string): Promise<OrukJson> {
  const offer = (await offersOf(store)).byId.get(id.toLowerCase());
  if (!offer) throw new AppError('not_found', `no service with id "${id}" in this feed`, { field: 'id' });
  return fullService(offer);
}

export const taxonomiesPage = (q: PageQuery): OrukJson => pageOf(ORUK_TAXONOMIES, q);

/** One taxonomy with its terms. */
export function taxonomyById(id: string): OrukJson {
  const facet = facetOfTaxonomyId(id.toLowerCase());
  const taxonomy = ORUK_TAXONOMIES.find((t) => t.id === id.toLowerCase());
  if (!facet || !taxonomy) throw new AppError('not_found', `no taxonomy with id "${id}" in this feed`, { field: 'id' });
  return { ...taxonomy, taxonomy_terms: ORUK_TERMS.filter((t) => t.facet === facet).map(publicTerm) };
}

/** Taxonomy terms, all or those of one taxonomy (`taxonomy_id`, as HSDS 3.0 allows). */
export function termsPage(q: PageQuery & { taxonomy_id?: string }): OrukJson {
  const facet = q.taxonomy_id === undefined ? undefined : facetOfTaxonomyId(q.taxonomy_id.toLowerCase());
  if (q.taxonomy_id !== undefined && !facet)
    throw new AppError('invalid', `taxonomy_id "${q.taxonomy_id}" is not a taxonomy of this feed (see /openreferral/v3/taxonomies)`, { field: 'taxonomy_id' });
  return pageOf(ORUK_TERMS.filter((t) => !facet || t.facet === facet).map(publicTerm), q);
}

export function termById(id: string): OrukJson {
  const term = ORUK_TERMS.find((t) => t.id === id.toLowerCase());
  if (!term) throw new AppError('not_found', `no taxonomy term with id "${id}" in this feed`, { field: 'id' });
  return { ...publicTerm(term) };
}
