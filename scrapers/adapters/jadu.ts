// Jadu CMS directories: the directory home and category pages give links, a directory record page gives one offer.
// URL patterns and record markup follow docs/directory-platforms.md section 7.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { emptyOutput, type Adapter, type PageInput, type PageOutput } from './adapter.js';
import { webUrlOf } from '../../src/text/contacts.js';
import { draftFromFields, fieldOf, type RecordField } from './html-record.js';
import { buildOffers } from './offer-builder.js';
import { htmlToText } from '../../src/text/html-text.js';

const NAME = 'jadu';
/** /directory-record/{recordID}/{slug}, or the older /directory_record/{recordID}. */
const RECORD = /\/directory[-_]record\/(\d+)(?:\/|$)/i;
/** /directory/{id}/a-to-z/{letter} (and the A-Z index without a letter). */
const A_TO_Z = /\/directory\/(\d+)\/a-to-z(?:\/[^/]+)?\/?$/i;
/** /directory/{id}/{slug}/category/{catID}[/{page}]. */
const CATEGORY = /\/directory\/(\d+)\/[^/]+\/category\/(\d+)(?:\/(\d+))?\/?$/i;
/** /directory/{id}[/{slug}]. */
const HOME = /\/directory\/(\d+)(?:\/[^/]+)?\/?$/i;
/** Site chrome whose links are not the directory's (site menus, breadcrumbs, sidebars listing every category). */
const CHROME = 'header, footer, aside, .breadcrumb, .breadcrumbs, nav[aria-label="Breadcrumb"], nav[aria-label="breadcrumb"], #cookie-banner, .cookie-banner';
const EMPTY_LISTING = /\b(?:no (?:records|results|entries|matches)|there are no|nothing (?:was )?found)\b/i;

type PageKind = 'record' | 'a_to_z' | 'category' | 'home' | 'other';

function kindOf(path: string): PageKind {
  if (RECORD.test(path)) return 'record';
  if (A_TO_Z.test(path)) return 'a_to_z';
  if (CATEGORY.test(path)) return 'category';
  if (HOME.test(path)) return 'home';
  return 'other';
}

const changed = (problem: string): PageOutput => ({ ...emptyOutput(), layout: 'changed', problems: [problem] });
const mainOf = ($: CheerioAPI) => ($('main, [role="main"], #content').first().length ? $('main, [role="main"], #content').first() : $('body'));

/** Record fields written as dt/dd, <li><strong>Label</strong>: value</li> or th/td. */
function fieldsOf($: CheerioAPI, main: Cheerio<Element>): RecordField[] {
  const fields: RecordField[] = [];
  main.find('dl dt').each((_, dt) => {
    fields.push(fieldOf($, $(dt).html() ?? '', $(dt).nextUntil('dt', 'dd')));
  });
  main.find('li').each((_, li) => {
    const strong = $(li).children('strong, b').first();
    if (!strong.length || !$(li).text().trimStart().startsWith(strong.text().trim())) return;
    const copy = $(li).clone();
    copy.children('strong, b').first().remove();
    fields.push(fieldOf($, strong.html() ?? '', copy));
  });
  main.find('tr').each((_, tr) => {
    const th = $(tr).children('th').first();
    const td = $(tr).children('td');
    if (th.length && td.length) fields.push(fieldOf($, th.html() ?? '', td));
  });
  return fields.filter((f) => f.label && f.text);
}

function parseRecord($: CheerioAPI, page: PageInput, recordId: string): PageOutput {
  const main = mainOf($);
  const name = htmlToText(main.find('h1').first().html() ?? $('h1').first().html());
  if (!name) return changed('record page has no h1 title');
  const fields = fieldsOf($, main);
  if (!fields.some((f) => f.kind))
    return changed('record page has no directory fields (<li><strong>Label</strong>: value</li>, dt/dd or th/td with labels such as Description, Telephone, Address)');
  const crumbs = $('.breadcrumb a, .breadcrumbs a, nav[aria-label="Breadcrumb"] a, nav[aria-label="breadcrumb"] a')
    .toArray()
    .filter((a) => CATEGORY.test(new URL($(a).attr('href') ?? '', page.finalUrl).pathname))
    .map((a) => htmlToText($(a).html()));

  const draft = draftFromFields(page, recordId, name, fields, { terms: crumbs });
  const { records, problems } = buildOffers([draft], page, NAME);
  return { records, links: [], layout: 'ok', problems };
}

/**
 * Links from a listing page. Categories, not the A-Z: every record sits in a category and category pages are paged,
 * while the A-Z lists the whole directory again letter by letter (with 404s for empty letters), so following both
 * would fetch every listing twice. An A-Z page is still read when it is the entry URL: then its letters are followed.
 */
function listingLinks($: CheerioAPI, page: PageInput, kind: PageKind): PageOutput['links'] {
  const base = new URL(page.finalUrl);
  const seen = new Set<string>([base.href]);
  const links: PageOutput['links'] = [];
  mainOf($)
    .find('a[href]')
    .each((_, a) => {
      if ($(a).closest(CHROME).length) return;
      const href = webUrlOf($(a).attr('href'), base.href)?.replace(/#.*$/, '');
      if (!href || seen.has(href)) return;
      const u = new URL(href);
      if (u.host !== base.host) return;
      const label = RECORD.test(u.pathname)
        ? 'detail'
        : CATEGORY.test(u.pathname) && kind !== 'a_to_z'
          ? 'list'
          : A_TO_Z.test(u.pathname) && kind === 'a_to_z'
            ? 'list'
            : undefined;
      if (!label) return;
      seen.add(href);
      links.push({ url: href, label });
    });
  return links;
}

export const jaduAdapter: Adapter = {
  name: NAME,
  parse(page) {
    if (!page.text) return changed('page has no HTML text');
    const $ = load(page.text);
    const path = new URL(page.finalUrl || page.url).pathname;
    const kind = kindOf(path);
    if (kind === 'record') return parseRecord($, page, RECORD.exec(path)![1]!);
    const links = listingLinks($, page, kind);
    if (links.length) return { ...emptyOutput(), links };
    if (kind !== 'home' && EMPTY_LISTING.test(mainOf($).text())) return emptyOutput();
    return changed(
      kind === 'home'
        ? 'directory home has no category links (/directory/{id}/{slug}/category/{catID})'
        : 'listing page has no record links (/directory-record/{id}/{slug}) and no category links',
    );
  },
};
