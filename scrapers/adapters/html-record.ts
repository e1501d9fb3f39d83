// A directory record written as labelled fields (dt/dd, th/td, <li><strong>Label</strong> value, label/value spans),
// turned into an offer draft: the Synergy and PCG record pages share it. Every phrase is read by src/text.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { PageInput } from './adapter.js';
import { fieldKind, type FieldKind } from './directory-fields.js';
import { ageFields, type OfferDraft } from './offer-builder.js';
import { readAgeField, readAgesProse } from '../../src/text/age-fields.js';
import { repairMojibake } from '../../src/text/clean-text.js';
import { emailOf, phoneOf, webUrlOf } from '../../src/text/contacts.js';
import { readCostField, readCostProse } from '../../src/text/cost.js';
import { htmlToText } from '../../src/text/html-text.js';
import { unique } from '../../src/text/lists.js';
import { findPostcode } from '../../src/text/postcodes.js';

export interface RecordField {
  label: string;
  kind: FieldKind | undefined;
  text: string;
  hrefs: string[];
}

const clean = (s: string) => repairMojibake(s);

/** A field from its value element(s): text without a leading ":", and the links inside. */
export function fieldOf($: CheerioAPI, label: string, value: Cheerio<Element>): RecordField {
  const text = clean(htmlToText(value.toArray().map((el) => $.html(el)).join('\n'))).replace(/^\s*[:\-–]\s*/, '');
  const hrefs = value.find('a[href]').addBack('a[href]').toArray().map((a) => $(a).attr('href')!);
  const l = clean(htmlToText(label)).replace(/\s*:\s*$/, '');
  return { label: l, kind: fieldKind(l), text, hrefs };
}

/**
 * Labelled fields inside a record: dt/dd, th/td rows, <li><strong>Label</strong> value</li>, the label/value pairs
 * ASP.NET templates write (an element with class "label" or "field-label" followed by its value), and small headings
 * that name a field, with what follows them.
 */
export function recordFields($: CheerioAPI, root: Cheerio<Element>, except?: Element): RecordField[] {
  const fields: RecordField[] = [];
  root.find('dl dt').each((_, dt) => void fields.push(fieldOf($, $(dt).html() ?? '', $(dt).nextUntil('dt', 'dd'))));
  root.find('tr').each((_, tr) => {
    const th = $(tr).children('th').first();
    const td = $(tr).children('td');
    if (th.length && td.length) fields.push(fieldOf($, th.html() ?? '', td));
  });
  root.find('li').each((_, li) => {
    const strong = $(li).children('strong, b').first();
    if (!strong.length || !$(li).text().trimStart().startsWith(strong.text().trim())) return;
    const copy = $(li).clone();
    copy.children('strong, b').first().remove();
    fields.push(fieldOf($, strong.html() ?? '', copy));
  });
  root.find('.label, .field-label').each((_, el) => {
    const value = $(el).nextAll('.value, .field-value').first();
    if (value.length) fields.push(fieldOf($, $(el).html() ?? '', value));
  });
  // A small heading that names a field ("Costs", "Age range") with the paragraphs under it; other headings are left.
  // A heading that is the record's name, or a link, is not a field label.
  root.find('h3, h4, h5').each((_, h) => {
    if (h === except || $(h).find('a').length) return;
    const label = htmlToText($(h).html());
    if (!fieldKind(label)) return;
    const value = $(h).nextUntil('h1, h2, h3, h4, h5, h6');
    if (value.length) fields.push(fieldOf($, $(h).html() ?? '', value));
  });
  return fields.filter((f) => f.label && f.text);
}

/** An offer draft from a record's name, fields and free description (when the description is not a field). */
export function draftFromFields(
  page: PageInput,
  externalId: string,
  name: string,
  fields: readonly RecordField[],
  extra: { description?: string; terms?: string[]; url?: string } = {},
): OfferDraft {
  const all = (kind: FieldKind) => fields.filter((f) => f.kind === kind);
  const text = (kind: FieldKind, sep = '\n') => all(kind).map((f) => f.text).join(sep) || undefined;
  const hrefs = (kind: FieldKind) => all(kind).flatMap((f) => f.hrefs);
  const description = text('description') ?? extra.description;
  const agesText = text('ages', '; ');
  const costText = text('cost', '; ');
  const address = text('address')?.replace(/\n+/g, ', ');
  const website = hrefs('website').find((h) => /^https?:/i.test(h)) ?? text('website');
  return {
    external_id: externalId,
    name: clean(name),
    description,
    provider: text('provider', '; '),
    eligibility: text('eligibility', ' ')?.replace(/\n+/g, ' '),
    ...ageFields(agesText ? readAgeField(agesText) : readAgesProse(description)),
    cost: costText ? readCostField(costText) : readCostProse(description),
    postcode: findPostcode(text('postcode')) ?? findPostcode(address),
    schedule: text('schedule')?.replace(/\n+/g, '; '),
    contact: {
      phone: phoneOf(text('phone')),
      email: emailOf(hrefs('email').find((h) => h.startsWith('mailto:')), text('email')),
      url: webUrlOf(website, page.finalUrl),
      address,
    },
    source_terms: unique([...(extra.terms ?? []), ...all('terms').flatMap((f) => f.text.split(/[,;\n]+/))]),
    ...(extra.url ? { url: extra.url } : {}),
  };
}
