// Open Referral UK 3.0 feeds (the UK profile of HSDS 3.0): the `/` meta page, paged service lists and full services.
import { htmlToText } from '../../src/text/html-text.js';
import { isHttpUrl } from '../../src/text/contacts.js';
import { unique } from '../../src/text/lists.js';
import { termOfUri, type OfferFacet } from '../../src/domain/taxonomy-uri.js';
import type { PageInput, PageOutput } from './adapter.js';
import type { OfferDraft } from './offer-builder.js';
import { dateOf, field, isObject, obj, objs, feedAdapter, serviceLabel, str, text, type Envelope, type Json, type JsonObject, type ServiceRead, type ServiceReader } from './oruk-common.js';
import { agesOf, costOf, placesOf, whereAndWhen } from './oruk-fields.js';

const STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'];
const GONE = new Set(['inactive', 'defunct']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the UK profile requires of a service (id, name, status) and the types it states, checked loosely. */
function profileIssues(s: JsonObject): string[] {
  const issues: string[] = [];
  for (const key of ['id', 'name', 'status']) {
    const v = s[key];
    if (v === undefined || v === null || v === '') issues.push(`${key} is missing (required)`);
    else if (typeof v !== 'string') issues.push(`${key} should be a string, not ${JSON.stringify(v)}`);
  }
  if (typeof s.id === 'string' && s.id && !UUID.test(s.id)) issues.push(`id ${JSON.stringify(s.id)} is not a UUID`);
  const status = str(s.status);
  if (status && !STATUSES.includes(status)) issues.push(`status ${JSON.stringify(status)} is not one of ${STATUSES.join(' | ')}`);
  for (const key of ['description', 'fees'])
    if (s[key] !== undefined && s[key] !== null && typeof s[key] !== 'string') issues.push(`${key} should be a string, not ${JSON.stringify(s[key])}`);
  return issues;
}

/** Taxonomy terms linked through attributes[].taxonomy_term. */
const termsOf = (s: JsonObject) => unique(objs(s.attributes).map((a) => { const t = obj(a.taxonomy_term); return t && text(field(t, 'name', 'term')); }));

/**
 * What a service states in our own taxonomy (terms whose term_uri is one of ours, as our national feed publishes them):
 * its type, statutory categories, time slots, access tier and gates, so the feed read back gives the same offers.
 */
function ownTaxonomyOf(s: JsonObject): Pick<OfferDraft, 'type' | 'statutory_categories' | 'time_slots' | 'access_tier' | 'gates'> {
  const codes: Record<OfferFacet, string[]> = { types: [], statutory_categories: [], time_slots: [], access_tiers: [], gates: [] };
  for (const a of objs(s.attributes)) {
    const term = termOfUri(str(obj(a.taxonomy_term)?.term_uri));
    if (term && !codes[term.facet].includes(term.code)) codes[term.facet].push(term.code);
  }
  return {
    ...(codes.types.length === 1 ? { type: codes.types[0] } : {}),
    ...(codes.access_tiers.length === 1 ? { access_tier: codes.access_tiers[0] } : {}),
    ...(codes.statutory_categories.length ? { statutory_categories: codes.statutory_categories } : {}),
    ...(codes.time_slots.length ? { time_slots: codes.time_slots } : {}),
    ...(codes.gates.length ? { gates: codes.gates } : {}),
  };
}

function placesOfV3(s: JsonObject) {
  return placesOf(
    objs(s.service_at_locations).flatMap((sal) => {
      const loc = obj(sal.location) ?? {};
      const name = text(loc.name);
      const addresses = objs(field(loc, 'addresses', 'physical_addresses'));
      return addresses.length ? addresses.map((address) => ({ name, address })) : [{ name }];
    }),
  );
}

const schedulesOf = (s: JsonObject) => [...objs(field(s, 'schedules', 'regular_schedules')), ...objs(s.service_at_locations).flatMap((sal) => objs(sal.schedules))];

/** One 3.0 service as a draft, keeping what is usable, plus what the profile says is missing or wrong. */
export function readV3Service(s: JsonObject, index: number, fromList: boolean): ServiceRead {
  const id = str(s.id);
  const name = text(s.name);
  const label = serviceLabel(id, index, name);
  const issues = profileIssues(s);
  const externalId = id ?? name;
  if (!externalId) return { label, issues: [...issues, 'not recorded: neither an id nor a name'] };
  const status = str(s.status);
  if (status && GONE.has(status)) return { label, id, issues: [...issues, `status is "${status}": not recorded`] };

  const description = htmlToText(str(s.description)) || undefined;
  const places = placesOfV3(s);
  const draft: OfferDraft = {
    external_id: externalId,
    name: name ?? '',
    description,
    provider: text(obj(s.organization)?.name),
    ...agesOf(s.minimum_age, s.maximum_age, issues),
    cost: costOf(objs(s.cost_options), text(s.fees), description),
    ...whereAndWhen(s, places, schedulesOf(s), issues),
    source_terms: termsOf(s),
    ...ownTaxonomyOf(s),
    published: dateOf(s.last_modified) ?? dateOf(s.assured_date) ?? null,
    confidence: fromList ? 0.6 : 0.8,
  };
  return { label, id, draft, issues };
}

function checkEnvelope(env: Envelope): string[] {
  const out: string[] = [];
  if (env.key !== 'contents') out.push(`the list is under "${env.key || '(a bare array)'}", the 3.0 envelope says "contents"`);
  if (env.totalPages === undefined) out.push('the list has no total_pages');
  return out;
}

const reader: ServiceReader = { adapter: 'oruk_v3', read: readV3Service, followDetails: true, checkEnvelope };

/** `/services?page=1` beside the API root. */
function servicesUrl(rootUrl: string): string {
  const base = new URL(rootUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return new URL('services?page=1', base).href;
}

/** The `/` meta page: version, profile, openapi_url; what is missing or malformed is a problem, not a failure. */
function rootOutput(page: PageInput, v: Json, notes: string[]): PageOutput | undefined {
  if (!isObject(v)) return undefined;
  const problems = [...notes];
  const version = str(v.version);
  if (!version) problems.push('root: version is missing (HSDS-UK-3.0 assumed)');
  else if (!/^HSDS-UK-3/i.test(version)) problems.push(`root: version "${version}" is not HSDS-UK-3.0`);
  for (const key of ['profile', 'openapi_url']) {
    const u = str(v[key]);
    if (u !== undefined && !isHttpUrl(u)) problems.push(`root: ${key} ${JSON.stringify(u)} is not an http(s) URL`);
  }
  if (str(v.openapi_url) === undefined) problems.push('root: openapi_url is missing');
  return { records: [], links: [{ url: servicesUrl(page.finalUrl), label: 'list' }], layout: 'ok', problems };
}

export const orukV3Adapter = feedAdapter(reader, (page) => (v, notes) => rootOutput(page, v, notes));
