// One offer as an Open Referral UK 3.0 service: the list view (one-to-one fields only) and the fully nested service.
// Optional fields are left out, never null or empty; every id is a stable UUID; the description ends with where the
// facts came from (the source page, when it was read and published, the words quoted), as the product shows sources.
import type { Allowance, Charge } from '../domain/index.js';
import type { NationalOffer } from '../store/national-offers.js';
import { orukId } from './oruk-v3-ids.js';
import { ORUK_FACETS, termOf, type OrukFacet, type OrukTerm } from './oruk-v3-taxonomy.js';

export type OrukJson = Record<string, unknown>;

/** ONS statistical geographies: a council's GSS code under it is the URI of its area (the scheme the ORUK data package names). */
export const STATISTICAL_GEOGRAPHY = 'http://statistics.data.gov.uk/id/statistical-geography/';

/** The words a cost option's amount_description uses for each unit (what ORUK readers, ours included, parse back). */
export const PER_WORDS: Record<Charge['per'], string> = {
  hour: 'per hour', session: 'per session', day: 'per day', week: 'per week', month: 'per month', year: 'per year', activity: 'per activity', one_off: 'one-off',
};
const ALLOWANCE_PER: Record<Allowance['per'], string> = { year: 'a year', month: 'a month', week: 'a week', one_off: 'once' };

/** An address the strictest reading of JSON Schema's "email" format accepts (ajv-formats' full mode, RFC 5321 without quoting). */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * A URL as an RFC 3986 URI, or undefined when it is not an http(s) URL: the URL parser percent-encodes spaces and
 * non-ASCII, and what it leaves that RFC 3986 does not allow ({, }, |, ^ in a query, say) is percent-encoded here.
 */
export function uriOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const href = new URL(url).href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return /^https?:\/\//.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a family can get, in words. Money is written "1,500 pounds", not "£1,500": readers that find prices in a
 * description (ours among them) must not take an allowance for a charge.
 */
function allowanceText(a: Allowance): string {
  const unit = a.unit === 'gbp' ? 'pounds' : a.unit;
  const n = (x: number) => x.toLocaleString('en-GB');
  const amount = (x: number) => `${n(x)} ${unit}`;
  const both = `${n(a.min ?? 0)} to ${n(a.max ?? 0)} ${unit}`;
  const range = a.min !== undefined && a.max !== undefined ? (a.min === a.max ? amount(a.max) : both) : a.max !== undefined ? `up to ${amount(a.max)}` : `at least ${amount(a.min!)}`;
  return [`${range} ${ALLOWANCE_PER[a.per]}`, a.note].filter(Boolean).join(' (') + (a.note ? ')' : '');
}

/** Where the facts came from, in the words the product's pages use: the page, when it was read and published, the quote. */
export function provenanceText(o: NationalOffer): string {
  const published = o.published ? `published ${o.published}${o.published_note ? ` (${o.published_note})` : ''}` : 'no publication date stated';
  // No angle brackets around the URL: readers that treat the description as HTML (ORUK allows it) would drop it as a tag.
  const page = o.source.title ? `${o.source.title}, ${o.source.url}` : o.source.url;
  return `Source: ${page}, read ${o.retrieved}, ${published}. Evidence: "${o.evidence_quote}"`;
}

/** The offer's description, then what the feed has no field for (eligibility, allowances, places, phone), then the source. */
export function descriptionOf(o: NationalOffer): string {
  const lines = [
    o.eligibility && `Eligibility: ${o.eligibility}`,
    o.age_note && `Ages: ${o.age_note}`,
    o.tier_label && `The council's name for this tier: ${o.tier_label}`,
    o.cost.note && `Cost: ${o.cost.note}`,
    o.allowances.length ? `Allowance: ${o.allowances.map(allowanceText).join('; ')}` : undefined,
    o.districts.length || o.postcode ? `Where: ${[...o.districts, o.postcode].filter(Boolean).join(', ')}` : undefined,
    o.contact?.phone && `Phone: ${o.contact.phone}`,
    o.contact?.address && `Address: ${o.contact.address}`,
  ].filter(Boolean);
  return [o.description?.trim(), lines.join('\n'), provenanceText(o)].filter(Boolean).join('\n\n');
}

const organizationId = (o: NationalOffer) => (o.provider ? orukId('organization', `provider:${o.provider.trim().toLowerCase()}`) : orukId('organization', `council:${o.council_code}`));

/** The provider the source names, else the council whose offer it is (with its GSS code as an identifier). */
function organizationOf(o: NationalOffer): OrukJson {
  const id = organizationId(o);
  if (o.provider) return { id, name: o.provider, description: 'A provider of short breaks for disabled children, as named by the sources read.' };
  const website = o.council_web_domain ? uriOf(`https://${o.council_web_domain}/`) : undefined;
  return {
    id,
    name: o.council_name,
    description: `The local authority for ${o.council_name} (GSS code ${o.council_code}), whose short breaks offer this is.`,
    ...(website ? { website } : {}),
    uri: `${STATISTICAL_GEOGRAPHY}${o.council_code}`,
    organization_identifiers: [{ id: orukId('organization_identifier', `gss:${o.council_code}`), identifier_scheme: 'GSS', identifier_type: 'GSS code', identifier: o.council_code }],
  };
}

/** Charges as cost options (amount and unit); free as a zero amount; a charge of unstated amount as words; unknown as none. */
function costOptionsOf(o: NationalOffer): OrukJson[] {
  const id = (i: number) => orukId('cost_option', `${o.id}|${i}`);
  if (o.cost.charges.length)
    return o.cost.charges.map((c, i) => ({ id: id(i), ...(c.note ? { option: c.note } : {}), amount: c.amount_gbp, amount_description: PER_WORDS[c.per] }));
  if (o.cost.status === 'free') return [{ id: id(0), option: o.cost.note ?? 'Free to families', amount: 0 }];
  // No amount: words that any reader (and our adapter) takes as a charge, then the source's own words.
  if (o.cost.status === 'charged') return [{ id: id(0), option: `Families pay a charge; the source does not say how much${o.cost.note ? `. ${o.cost.note}` : ''}` }];
  return [];
}

/** The service's taxonomy terms: its type, statutory categories, time slots, access tier and gates. */
function attributesOf(o: NationalOffer): OrukJson[] {
  const codes: Record<OrukFacet, readonly string[]> = {
    types: o.type ? [o.type] : [],
    statutory_categories: o.statutory_categories,
    time_slots: o.time_slots,
    access_tiers: o.access_tier ? [o.access_tier] : [],
    gates: o.gates,
  };
  return ORUK_FACETS.flatMap(({ facet, link_type }) =>
    codes[facet].flatMap((code) => {
      const term: OrukTerm | undefined = termOf(facet, code);
      return term ? [{ id: orukId('attribute', `${o.id}|${facet}:${code}`), link_type, taxonomy_term_id: term.id, taxonomy_term: term }] : [];
    }),
  );
}

const nonEmpty = (key: string, items: OrukJson[]) => (items.length ? { [key]: items } : {});

/** The list view: the service's one-to-one fields. */
export function serviceListItem(o: NationalOffer): OrukJson {
  const email = o.contact?.email && EMAIL.test(o.contact.email) ? o.contact.email : undefined;
  const url = uriOf(o.source.url);
  return {
    id: orukId('service', o.id),
    organization_id: organizationId(o),
    name: o.name,
    description: descriptionOf(o),
    ...(url ? { url } : {}),
    ...(email ? { email } : {}),
    status: 'active',
    ...(o.age_min !== undefined ? { minimum_age: o.age_min } : {}),
    ...(o.age_max !== undefined ? { maximum_age: o.age_max } : {}),
    last_modified: `${o.changed}T00:00:00.000Z`,
  };
}

/** The fully nested service. */
export function fullService(o: NationalOffer): OrukJson {
  const serviceId = orukId('service', o.id);
  return {
    ...serviceListItem(o),
    organization: organizationOf(o),
    ...nonEmpty('schedules', o.schedule ? [{ id: orukId('schedule', o.id), service_id: serviceId, description: o.schedule }] : []),
    service_areas: [
      { id: orukId('service_area', `${o.id}|${o.council_code}`), service_id: serviceId, name: o.council_name, service_area: o.council_name, uri: `${STATISTICAL_GEOGRAPHY}${o.council_code}` },
    ],
    ...nonEmpty('cost_options', costOptionsOf(o).map((c) => ({ ...c, service_id: serviceId }))),
    ...nonEmpty('attributes', attributesOf(o).map((a) => ({ ...a, link_id: serviceId }))),
  };
}
