// LocalGov Drupal directories (localgov_directories): a channel listing gives teaser records and links, an entry page one offer.
// The markup is inferred from Drupal conventions (node--type-*, field--name-*, Views rows, the mini pager), not observed on a
// live council site: docs/directory-platforms.md section 8 says so. Check the selectors against a real snapshot first.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { emptyOutput, type Adapter, type PageInput, type PageOutput } from './adapter.js';
import { ageFields, buildOffers, type OfferDraft } from './offer-builder.js';
import { readAgesProse } from '../../src/text/age-fields.js';
import { emailOf, phoneOf, webUrlOf } from '../../src/text/contacts.js';
import { readCostProse } from '../../src/text/cost.js';
import { htmlToText } from '../../src/text/html-text.js';
import { unique } from '../../src/text/lists.js';
import { findPostcode } from '../../src/text/postcodes.js';

const NAME = 'localgov_drupal';
/** Entry nodes: localgov_directories_venue, _page and _org (and any later entry type) render as these. */
const ENTRY = 'article[class*="node--type-localgov-directories-"]';
/** Teasers: entries rendered inside the channel's Views listing, or in the teaser view mode. */
const TEASER = `.view-content ${ENTRY}, .views-row ${ENTRY}, ${ENTRY}.node--view-mode-teaser`;
/** The channel: a localgov_directory node, or the localgov_directory_channel view it embeds. */
const CHANNEL = '.node--type-localgov-directory, .view-localgov-directory-channel, .view-id-localgov_directory_channel';
/** The mini pager's next link (Drupal 8+ `pager__item--next`, Drupal 7 `pager-next`). */
const PAGER_NEXT = '.pager__item--next a[href], nav.pager a[rel="next"], ul.pager a[rel="next"], li.pager-next a[href]';
const TEASER_LINK = '.node__title a[href], h2 a[href], h3 a[href], a[rel="bookmark"][href]';
/** Headings in an entry's body that introduce who the service is for. */
const ELIGIBILITY_HEADING = /who (?:can|is it for|it is for|should)|eligib|criteria/i;

const changed = (problem: string): PageOutput => ({ ...emptyOutput(), layout: 'changed', problems: [problem] });
const textOf = (el: Cheerio<Element>) => htmlToText(el.html());
/** Lines joined with commas: an address on one line. */
const commaLine = (s: string) => s.replace(/\n+/g, ', ').trim();

/** The value of a Drupal field (`.field--name-X`) without its label, as plain text ('' when absent). */
function fieldText($: CheerioAPI, root: Cheerio<Element>, name: string): string {
  const field = root.find(`.field--name-${name}`).first();
  if (!field.length) return '';
  const copy = $(field.clone());
  copy.find('.field__label').remove();
  return textOf(copy);
}

/** Each item of a multi-value field (taxonomy terms, channels), as text. */
const fieldItems = ($: CheerioAPI, root: Cheerio<Element>, name: string) =>
  root.find(`.field--name-${name} .field__item`).toArray().map((el) => textOf($(el)));

/** The entry's id: its path (shared by the teaser link and the entry page, so the entry's record replaces the teaser's). */
function externalIdOf(href: string, nodeId: string | undefined): string {
  const path = new URL(href).pathname.replace(/^\/+|\/+$/g, '');
  return path && !/^node\/\d+$/.test(path) ? path : `node-${nodeId ?? path.replace(/\D+/g, '')}`;
}

/** The text under a body heading about eligibility, up to the next heading. */
function eligibilityOf($: CheerioAPI, body: Cheerio<Element>): string | undefined {
  const heading = body.find('h2, h3, h4').filter((_, h) => ELIGIBILITY_HEADING.test($(h).text())).first();
  if (!heading.length) return undefined;
  const text = heading.nextUntil('h2, h3, h4').toArray().map((el) => textOf($(el))).join('\n');
  return commaLine(text) || undefined;
}

function parseEntry($: CheerioAPI, page: PageInput, article: Cheerio<Element>): PageOutput {
  const name = htmlToText($('h1').first().html()) || fieldText($, article, 'title');
  if (!name) return changed('entry page has no title (no h1, no .field--name-title in the entry article)');
  const hasFields = article.find('.field--name-body, [class*="field--name-localgov-directory-"], .field--name-localgov-location').length > 0;
  if (!hasFields) return changed('entry article has none of the expected fields (.field--name-body, .field--name-localgov-directory-*, .field--name-localgov-location)');

  const bodyEl = article.find('.field--name-body').first();
  const body = fieldText($, article, 'body');
  const notes = fieldText($, article, 'localgov-directory-notes');
  const prose = [body, notes].filter(Boolean).join('\n');
  const location = fieldText($, article, 'localgov-location');
  const address = fieldText($, article, 'localgov-directory-address');
  const website = article.find('.field--name-localgov-directory-website a[href]').first().attr('href') ?? fieldText($, article, 'localgov-directory-website');
  const mailto = article.find('.field--name-localgov-directory-email a[href^="mailto:"]').first().attr('href');
  const postal = article.find('.postal-code').first().text();
  const opening = fieldText($, article, 'localgov-directory-opening-times');

  const draft: OfferDraft = {
    external_id: externalIdOf(page.url, article.attr('data-history-node-id')),
    name,
    description: body || notes || undefined,
    provider: fieldText($, article, 'localgov-directory-organisation') || undefined,
    eligibility: bodyEl.length ? eligibilityOf($, bodyEl) : undefined,
    ...ageFields(readAgesProse(prose)),
    cost: readCostProse(prose),
    postcode: findPostcode(postal) ?? findPostcode(location) ?? findPostcode(address),
    schedule: opening ? opening.replace(/\n+/g, '; ') : undefined,
    contact: {
      phone: phoneOf(fieldText($, article, 'localgov-directory-phone')),
      email: emailOf(mailto, fieldText($, article, 'localgov-directory-email')),
      url: webUrlOf(website, page.finalUrl),
      address: commaLine(location || address) || undefined,
    },
    source_terms: unique([...fieldItems($, article, 'localgov-directory-facets-select'), ...fieldItems($, article, 'localgov-directory-channels')]),
  };
  const { records, problems } = buildOffers([draft], page, NAME);
  return { records, links: [], layout: 'ok', problems };
}

function parseChannel($: CheerioAPI, page: PageInput, teasers: Cheerio<Element>): PageOutput {
  const channel = htmlToText($('h1').first().html()) || fieldText($, $('.node--type-localgov-directory').first(), 'title');
  const links: PageOutput['links'] = [];
  const drafts: OfferDraft[] = [];
  const problems: string[] = [];
  teasers.each((i, el) => {
    const teaser = $(el);
    const link = teaser.find(TEASER_LINK).first();
    const href = webUrlOf(link.attr('href'), page.finalUrl);
    const name = htmlToText(link.html());
    if (!href || !name) return void problems.push(`teaser ${i + 1} has no title link (${TEASER_LINK})`);
    links.push({ url: href.replace(/#.*$/, ''), label: 'detail' });
    const summary = fieldText($, teaser, 'body');
    drafts.push({
      external_id: externalIdOf(href, teaser.attr('data-history-node-id')),
      name,
      description: summary || undefined,
      ...ageFields(readAgesProse(summary)),
      cost: readCostProse(summary),
      postcode: findPostcode(teaser.find('.postal-code').first().text()),
      source_terms: unique([...fieldItems($, teaser, 'localgov-directory-facets-select'), channel]),
      confidence: 0.6,
    });
  });
  if (!teasers.length && !$('.view-empty').length && !/no (?:results|entries|items)/i.test($('main, body').first().text()))
    return changed(`channel page lists no entries: no teasers (${ENTRY} in .view-content) and no .view-empty message`);

  // Only the pager is followed: facet links (?localgov_directories_facets[0]=ID, f[0]=localgov_directories_facets:ID)
  // re-list the same entries in every combination and would multiply the crawl.
  const next = webUrlOf($(PAGER_NEXT).first().attr('href'), page.finalUrl);
  if (next) links.push({ url: next.replace(/#.*$/, ''), label: 'list' });
  const built = buildOffers(drafts, page, NAME);
  return { records: built.records, links, layout: 'ok', problems: [...problems, ...built.problems] };
}

export const localgovDrupalAdapter: Adapter = {
  name: NAME,
  parse(page) {
    if (!page.text) return changed('page has no HTML text');
    const $ = load(page.text);
    const teasers = $(TEASER);
    const entry = $(ENTRY).not(teasers).first();
    if (entry.length) return parseEntry($, page, entry);
    if ($(CHANNEL).length || teasers.length) return parseChannel($, page, teasers);
    return changed(`no LocalGov Directories markup: no entry article (${ENTRY}: venue, page or org) and no channel listing (${CHANNEL})`);
  },
};
