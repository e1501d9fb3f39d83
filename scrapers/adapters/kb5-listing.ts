// kb5 results.page listings, both theme generations: a basic draft per hit, links to each service and the next page.
import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { OfferDraft } from './offer-builder.js';
import { absolute, lineOf, textOf, type PageIndex, type Sel } from './kb5-dom.js';
import { paramOf, present, withSr } from './kb5-fields.js';
import { emailOf, phonesOf } from '../../src/text/contacts.js';
import { unique } from '../../src/text/lists.js';
import { findPostcode } from '../../src/text/postcodes.js';

export interface ListingResult {
  drafts: OfferDraft[];
  links: Array<{ url: string; label: string }>;
  /** False when neither theme's results list (nor a "no results" message) is on the page. */
  recognised: boolean;
}

const NO_RESULTS = /\b(no results|0 results|did not match any|no services (were )?found|nothing (was )?found)\b/i;
const SERVICE_LINK = 'a[href*="service.page?id="]';

/** One hit of the older Bootstrap-3 theme: `div.result_hit`. */
function oldThemeHit($: CheerioAPI, hit: Element, base: string): OfferDraft & { href?: string } {
  const $hit = $(hit);
  const a = $hit.find(`header h3 ${SERVICE_LINK}, header h4 ${SERVICE_LINK}`).first();
  const link = a.length ? a : $hit.find(SERVICE_LINK).first();
  const spans = $hit.find('div.address_lines span').toArray().map((s) => lineOf(s)).filter(Boolean);
  const postcode = findPostcode(spans.at(-1));
  const address = (postcode ? spans.slice(0, -1) : spans).join(', ');
  const website = $hit.find('a i.fa-external-link, a i.fa-globe').closest('a').attr('href');
  return {
    external_id: '',
    href: link.attr('href'),
    name: lineOf(link),
    description: present(textOf($hit.find('div.hit-content, div.hit-body').first())),
    postcode,
    contact: {
      phone: phonesOf($hit.find('div.hit-telephone span, span.comma_split_line').toArray().map((s) => lineOf(s))),
      email: emailOf($hit.find('a[href^="mailto:"]').first().attr('href')),
      url: absolute(website, base),
      address: [address, postcode].filter(Boolean).join(', ') || undefined,
    },
  };
}

/** One hit of the newer Bootstrap-4/5 theme: `ol.results-list > li`, contact details as icon buttons. */
function newThemeHit($: CheerioAPI, li: Element, base: string): OfferDraft & { href?: string } {
  const $li = $(li);
  const link = $li.find('a').first();
  const contact: NonNullable<OfferDraft['contact']> = {};
  let postcode: string | undefined;
  $li.find('a.btn').each((_, el) => {
    const $a = $(el);
    const icon = $a.find('span[class*="fa-"], i[class*="fa-"]').attr('class') ?? '';
    const href = $a.attr('href');
    const text = lineOf($a);
    if (icon.includes('fa-map-marker')) postcode = findPostcode(text) ?? findPostcode(href ? decodeURIComponent(href) : undefined);
    else if (icon.includes('fa-envelope')) contact.email = emailOf(href);
    else if (icon.includes('fa-link') || icon.includes('fa-globe')) contact.url = absolute(href, base);
    else if (icon.includes('fa-phone')) contact.phone = phonesOf([/\d{5}/.test(text) ? text : (href ?? '').replace(/^tel:/i, '')]);
  });
  return {
    external_id: '',
    href: link.attr('href'),
    name: lineOf(link),
    description: present(textOf($li.find('div.mb-3').first())),
    postcode,
    contact,
  };
}

/** The offset of the next results page, from either theme's pagination, or undefined on the last page. */
function nextSr($: CheerioAPI, pager: Sel, current: number, step: number): number | undefined {
  const srOf = (href: string | undefined) => {
    const v = href ? Number(paramOf(href, 'sr') ?? NaN) : NaN;
    return Number.isFinite(v) ? v : undefined;
  };
  const next = srOf(pager.find('a.next-page').attr('href'));
  if (next !== undefined && next > current) return next;
  const later: number[] = [];
  pager.find('a[data-sr]').each((_, a) => void later.push(Number($(a).attr('data-sr'))));
  pager.find('a[href*="sr="]').each((_, a) => void later.push(srOf($(a).attr('href')) ?? NaN));
  const after = later.filter((n) => Number.isFinite(n) && n > current);
  if (after.length) return Math.min(...after);
  const last = srOf(pager.find('a.last-page').attr('href'));
  return last !== undefined && last > current ? Math.min(current + step, last) : undefined;
}

/** Reads a results page of either theme. */
export function parseListing($: CheerioAPI, ix: PageIndex, url: string, terms: readonly string[]): ListingResult {
  const oldHits = ix.resultHitContainer ? $(ix.resultHitContainer).find('div.result_hit').toArray() : [];
  const newHits = !oldHits.length && ix.resultsList ? $(ix.resultsList).children('li').toArray() : [];
  if (!ix.resultHitContainer && !ix.resultsList && !NO_RESULTS.test(textOf(ix.mainContent ?? $('main').first()) || ix.title))
    return { drafts: [], links: [], recognised: false };

  const drafts: OfferDraft[] = [];
  const links: Array<{ url: string; label: string }> = [];
  const hits = oldHits.length ? oldHits.map((h) => oldThemeHit($, h, url)) : newHits.map((h) => newThemeHit($, h, url));
  for (const { href, ...hit } of hits) {
    const detail = absolute(href, url);
    const id = detail && /service\.page/.test(detail) ? paramOf(detail, 'id') : undefined;
    if (!detail || !id || !hit.name) continue;
    links.push({ url: detail, label: 'detail' });
    drafts.push({ ...hit, external_id: id, source_terms: unique(terms, { ignoreCase: true }), confidence: 0.6 });
  }

  const current = Number(paramOf(url, 'sr') ?? 0) || 0;
  const step = Number(paramOf(url, 'nh') ?? 0) || Math.max(hits.length, 10);
  const PAGER = 'ul.pagination, nav[aria-label="Results pagination"]';
  const pager = ix.mainContent ? $(ix.mainContent).find(PAGER) : $(PAGER);
  const sr = hits.length ? nextSr($, pager, current, step) : undefined;
  if (sr !== undefined) links.push({ url: withSr(url, sr), label: 'list' });
  return { drafts, links, recognised: true };
}
