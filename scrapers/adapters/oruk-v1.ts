// Open Referral UK v1 feeds (Porism, Placecube, LocalGov Drupal): list pages with paging and detail links, full services.
import { htmlToText } from '../../src/text/html-text.js';
import { unique } from '../../src/text/lists.js';
import type { OfferDraft } from './offer-builder.js';
import { dateOf, field, num, obj, objs, feedAdapter, serviceIdentity, str, text, type Json, type JsonObject, type ServiceRead, type ServiceReader } from './oruk-common.js';
import { agesOf, costOf, placesOf, whereAndWhen } from './oruk-fields.js';

/** The v1 enumerations (ExtendedDataPackage.v1.json); real feeds drift from them ("Venue", "Self referral"). */
const V1_ENUMS: Record<string, readonly string[]> = {
  status: ['active', 'inactive', 'defunct', 'temporarily closed'],
  deliverable_type: ['Advice', 'Assessment', 'Counselling', 'Equipment', 'Financial Support', 'Information', 'Permission', 'Training'],
  attending_type: ['phone', 'online', 'venue', 'home visit'],
  attending_access: ['referral', 'appointment', 'membership', 'drop-in'],
};

/** Services that no longer run are reported, not recorded. */
const GONE = new Set(['inactive', 'defunct']);

function enumIssues(s: JsonObject): string[] {
  return Object.entries(V1_ENUMS).flatMap(([key, allowed]) => {
    const v = str(s[key]);
    return v !== undefined && !allowed.includes(v) ? [`${key} ${JSON.stringify(v)} is not a v1 value (${allowed.join(' | ')})`] : [];
  });
}

const eligibilityRows = (s: JsonObject) => objs(field(s, 'eligibilitys', 'eligibilities'));

/** Taxonomy names, Placecube target audiences and eligibility taxonomies: the feed's own categories. */
function termsOf(s: JsonObject): string[] {
  const taxonomies = objs(field(s, 'service_taxonomys', 'service_taxonomies')).map((l) => text(obj(l.taxonomy)?.name ?? l.name));
  const audiences = objs(s.pc_targetAudience).map((a) => text(a.audienceType));
  const eligibility = eligibilityRows(s).flatMap((e) => objs(field(e, 'taxonomys', 'taxonomies')).map((t) => text(t.name)));
  return unique([...taxonomies, ...audiences, ...eligibility]);
}

const present = (v: Json | undefined) => v !== undefined && v !== null && v !== '';

/** The widest range over eligibility rows; a value that is not a number is passed on so that it gets reported. */
function widest(values: Json[], pick: (...n: number[]) => number): Json | undefined {
  const given = values.filter(present);
  const bad = given.find((v) => num(v) === undefined);
  return bad ?? (given.length ? pick(...given.map((v) => num(v)!)) : undefined);
}

function eligibilityOf(s: JsonObject, issues: string[]) {
  const rows = eligibilityRows(s);
  const ages = agesOf(widest(rows.map((r) => r.minimum_age ?? null), Math.min), widest(rows.map((r) => r.maximum_age ?? null), Math.max), issues);
  const access = text(s.attending_access);
  const words = unique([...rows.map((r) => text(r.eligibility)), access && `Access: ${access}`, text(s.pc_attendingAccess_additionalInfo)]);
  return { ages, eligibility: words.join('; ') || undefined };
}

function placesOfV1(s: JsonObject) {
  return placesOf(
    objs(s.service_at_locations).flatMap((sal) => {
      const loc = obj(sal.location) ?? {};
      const name = text(loc.name);
      const addresses = objs(field(loc, 'physical_addresses', 'physical_address', 'addresses'));
      return addresses.length ? addresses.map((address) => ({ name, address })) : [{ name }];
    }),
  );
}

const schedulesOf = (s: JsonObject) => [
  ...objs(s.regular_schedules),
  ...objs(s.service_at_locations).flatMap((sal) => objs(field(sal, 'regular_schedule', 'regular_schedules'))),
];

/** One v1 service (a list's basic view or a full detail) as a draft plus what is wrong with it. */
export function readV1Service(s: JsonObject, index: number, fromList: boolean): ServiceRead {
  const { id, name, label, issues } = serviceIdentity(s, index);
  issues.push(...enumIssues(s));
  const externalId = id ?? name;
  if (!externalId) return { label, issues: [...issues, 'not recorded: neither an id nor a name'] };
  const status = str(s.status);
  if (status && GONE.has(status)) return { label, id, issues: [...issues, `status is "${status}": not recorded`] };

  const description = htmlToText(str(s.description)) || undefined;
  const { ages, eligibility } = eligibilityOf(s, issues);
  const places = placesOfV1(s);
  const meta = obj(s.pc_metadata) ?? {};
  const draft: OfferDraft = {
    external_id: externalId,
    name: name ?? '',
    description,
    provider: text(obj(s.organization)?.name),
    eligibility,
    ...ages,
    cost: costOf(objs(s.cost_options), text(s.fees), description),
    ...whereAndWhen(s, places, schedulesOf(s), issues),
    source_terms: termsOf(s),
    published: dateOf(field(meta, 'date_modified', 'date_created')) ?? dateOf(s.assured_date) ?? null,
    confidence: fromList ? 0.6 : 0.8,
  };
  return { label, id, draft, issues };
}

const reader: ServiceReader = { adapter: 'oruk_v1', read: readV1Service, followDetails: true };

export const orukV1Adapter = feedAdapter(reader);
