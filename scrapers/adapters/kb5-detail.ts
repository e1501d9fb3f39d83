// kb5 service.page records: title, description, contact, venue, times, other details and the Local Offer answers.
import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { ageFields, type OfferDraft } from './offer-builder.js';
import { absolute, dlFields, field, lineOf, textOf, type PageIndex, type Sel } from './kb5-dom.js';
import { ageRange, costOf, paramOf, present } from './kb5-fields.js';
import { emailOf, phonesOf } from '../../src/text/contacts.js';
import { unique } from '../../src/text/lists.js';
import { findPostcode } from '../../src/text/postcodes.js';

export interface DetailResult {
  draft?: OfferDraft;
  /** False when the page has none of the kb5 service sections. */
  recognised: boolean;
  problems: string[];
}

const KINDS = ['service_description', 'service_contact', 'service_venue', 'service_event', 'service_other'] as const;
type Kind = (typeof KINDS)[number];
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const EMPTY = new Map<string, Sel>();

/** The service sections by kind, plus every "Local Offer" block (by class or by its heading). */
function sectionsOf($: CheerioAPI, ix: PageIndex): { byKind: Map<Kind, Sel>; localOffer: Element[] } {
  const byKind = new Map<Kind, Sel>();
  const localOffer: Element[] = [];
  ix.sections.forEach((el) => {
    const cls = el.attribs.class ?? '';
    const kind = KINDS.find((k) => cls.includes(k));
    if (kind) {
      if (!byKind.has(kind)) byKind.set(kind, $(el));
    } else if (/local_?offer/i.test(cls) || /^local offer\b/i.test(lineOf($(el).children('h2, h3').first()))) localOffer.push(el);
  });
  return { byKind, localOffer };
}

/** The service name: `#hit-header h1`, else the first h1 that is not the portal's name, else the title before "|". */
function nameOf($: CheerioAPI, ix: PageIndex): string | undefined {
  const header = ix.hitHeader ? lineOf($(ix.hitHeader).find('h1').first()) : '';
  if (header) return header;
  const titleParts = ix.title.split('|').map((s) => s.trim()).filter(Boolean);
  const portal = new Set([ix.appName, ...titleParts.slice(1)].map(norm).filter(Boolean));
  const main = ix.mainContent;
  const h1s = main ? ix.h1s.filter((h) => $.contains(main, h)) : ix.h1s;
  const h1 = h1s.map((h) => lineOf(h)).find((t) => t && !portal.has(norm(t)));
  return h1 || (titleParts[0] && !portal.has(norm(titleParts[0])) ? titleParts[0] : undefined);
}

/** "Question? answer" lines from dt/dd pairs or from h3/h4 headings and what follows them. */
function localOfferLines($: CheerioAPI, blocks: readonly Element[]): string[] {
  const lines: string[] = [];
  const add = (q: string, a: string) => {
    const answer = present(a.replace(/\n/g, ' '));
    const question = q.replace(/\s*:+$/, '');
    if (question && answer) lines.push(`${question}${/[?.!]$/.test(question) ? ' ' : ': '}${answer}`);
  };
  for (const el of blocks) {
    const $b = $(el);
    $b.find('dt').each((_, dt) => add(lineOf(dt), textOf($(dt).nextUntil('dt').filter('dd'))));
    $b.find('h3, h4').each((_, h) => add(lineOf(h), textOf($(h).nextUntil('h2, h3, h4'))));
  }
  return lines;
}

/** "Saturday 10:00-15:00" rows from the times table, after any free-text times ("Term time only"). */
function scheduleOf($: CheerioAPI, section: Sel | undefined): string | undefined {
  if (!section) return undefined;
  const notes = section.find('dd').toArray().map((dd) => lineOf(dd));
  const rows: string[] = [];
  section.find('table tr').each((_, tr) => {
    const cells = $(tr).children('td, th').toArray().map((c) => lineOf(c));
    if (!cells.some(Boolean) || $(tr).children('td').length === 0 || /^day$/i.test(cells[0]!)) return;
    const [day, ...times] = cells;
    rows.push([day, times.filter(Boolean).join('-')].filter(Boolean).join(' '));
  });
  return unique([...notes, rows.join(', ')], { ignoreCase: true }).join('; ') || undefined;
}

/** Phone numbers from a Telephone dd: one per span when there are spans (possibly repeated), else its text. */
function phoneOf($: CheerioAPI, dd: Sel | undefined): string | undefined {
  if (!dd) return undefined;
  const spans = dd.find('span').toArray().map((s) => lineOf(s));
  return phonesOf(spans.length ? spans : [textOf(dd)]);
}

/** A Website dd: the link's href (its text may be cut short with "..."), else a URL-looking text. */
function websiteOf(dd: Sel | undefined, base: string): string | undefined {
  if (!dd) return undefined;
  const href = absolute(dd.find('a[href]').first().attr('href'), base);
  if (href && /^https?:/i.test(href)) return href;
  const text = lineOf(dd);
  return /^(https?:\/\/|www\.)\S+$/i.test(text) ? absolute(text.startsWith('www.') ? `https://${text}` : text, base) : undefined;
}

/** Reads a service page into one draft. `crumbs` are the breadcrumb texts; `terms` the page's channel terms. */
export function parseDetail($: CheerioAPI, ix: PageIndex, url: string, crumbs: readonly string[], terms: readonly string[]): DetailResult {
  const { byKind, localOffer } = sectionsOf($, ix);
  if (!byKind.size && !ix.hitHeader)
    return { recognised: false, problems: [`no kb5 service sections (section.service_description, service_contact, service_venue, service_other) or #hit-header on ${url}`] };
  const name = nameOf($, ix);
  if (!name) return { recognised: false, problems: [`no service name (#hit-header h1, h1 or <title>) on ${url}`] };

  const contact = byKind.has('service_contact') ? dlFields($, byKind.get('service_contact')!) : EMPTY;
  const venue = byKind.has('service_venue') ? dlFields($, byKind.get('service_venue')!) : EMPTY;
  const other = byKind.has('service_other') ? dlFields($, byKind.get('service_other')!) : EMPTY;

  const descSection = byKind.get('service_description');
  const descText = descSection?.find('.description_text');
  const description = present(textOf(descText?.length ? descText : descSection?.children().not('h2, h3')));
  const full = [description, ...localOfferLines($, localOffer)].filter(Boolean).join('\n') || undefined;

  const venueName = lineOf(field(venue, 'name', 'venue name', 'venue'));
  const addressDd = field(venue, 'address');
  const spans = addressDd?.find('span').toArray().map((s) => lineOf(s)) ?? [];
  const addressLines = spans.length ? spans : textOf(addressDd).split('\n');
  const postcode = findPostcode(lineOf(field(venue, 'postcode', 'post code'))) ?? findPostcode(addressLines.at(-1));

  const ages = ageRange(lineOf(field(other, 'age ranges', 'age range', 'ages', 'age')));
  const cost = costOf(lineOf(field(other, 'cost', 'costs', 'fees', 'fee', 'charges', 'cost details')) || undefined);
  const referral = lineOf(field(other, 'referral required', 'referral'));
  const eligibility = [lineOf(field(other, 'availability', 'eligibility', 'eligibility criteria')), referral && `Referral required: ${referral}`];

  const emailDd = field(contact, 'e-mail', 'email', 'email address');
  const draft: OfferDraft = {
    external_id: paramOf(url, 'id') ?? name,
    name,
    description: full,
    provider: present(lineOf(field(contact, 'organisation', 'organisation name', 'provider', 'provided by') ?? field(other, 'organisation', 'provided by'))) ??
      present(lineOf(field(contact, 'contact name', 'name'))),
    eligibility: eligibility.filter(Boolean).join('; ') || undefined,
    ...ageFields(ages),
    cost,
    postcode,
    schedule: scheduleOf($, byKind.get('service_event')),
    contact: {
      phone: phoneOf($, field(contact, 'telephone', 'phone', 'tel', 'telephone number', 'mobile')),
      email: emailOf(emailDd?.find('a[href^="mailto:"]').attr('href'), lineOf(emailDd)),
      url: websiteOf(field(contact, 'website', 'web site', 'web'), url),
      address: unique([venueName, ...addressLines, postcode], { ignoreCase: true }).join(', ') || undefined,
    },
    source_terms: unique([...terms, ...crumbs.filter((c) => norm(c) !== norm(name))], { ignoreCase: true }),
    confidence: 0.8,
  };
  return { draft, recognised: true, problems: [] };
}
