// Reads what discovery needs from one HTML page: its title and heading, its links (with their text and whether
// they sit in the navigation or the content), its search forms, its declared canonical URL and its main text.
import { load, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { collapseSpace, repairMojibake } from '../../src/text/clean-text.js';
import { canonicalUrl } from './canonical-url.js';

export interface PageLink {
  /** Canonical URL. */
  url: string;
  /** The link's text (or its title, aria-label or image alt), whitespace collapsed. */
  text: string;
  /** In the header, menus, breadcrumb or footer ('nav'), or in the page's own content. */
  region: 'nav' | 'content';
}

/** A GET form with a free-text field: how the site's own search is asked. */
export interface SearchForm {
  action: string;
  param: string;
  /** Other fields the form sends (hidden inputs), kept as they are. */
  hidden: Array<[string, string]>;
}

export interface PageReading {
  title: string;
  h1: string;
  breadcrumb: string[];
  /** rel=canonical, canonicalised, when the page declares one. */
  canonical: string | undefined;
  siteName: string;
  /** The body's classes say the page is a news article or blog post (WordPress posts, LocalGov Drupal news). */
  article: boolean;
  links: PageLink[];
  searchForms: SearchForm[];
  /** Plain text of the main content (header, menus and footer left out), at most MAX_TEXT characters. */
  mainText: string;
  /** The first 60,000 characters of the HTML, for platform and CMS detection. */
  head: string;
}

export const MAX_TEXT = 30_000;
const MAX_LINKS = 2_000;
const NAV = 'header, nav, footer, [role="navigation"], [role="banner"], [role="contentinfo"], [class*="breadcrumb"], [id*="breadcrumb"], [class*="cookie"], [class*="skip"]';
/** Navigation wherever it is; a header or footer only outside the main content (kb5 result hits have their own). */
const NAV_ANYWHERE = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"], [class*="breadcrumb"], [id*="breadcrumb"]';
const MAIN = 'main, [role="main"], #main, #main-content, #main_content, #content, .main-content, article';
const NEWS_BODY_CLASS = /\b(?:single-post|type-post|node--type-(?:localgov-)?news[\w-]*|page-node-type-(?:localgov-)?news[\w-]*|news-article)\b/;
const SEARCH_PARAMS = ['q', 'qt', 's', 'search_api_fulltext', 'keywords', 'query', 'search', 'k', 'term', 'searchtext', 'text'];

const clean = (s: string | undefined) => collapseSpace(repairMojibake(s ?? '')).trim();

function linkText($: CheerioAPI, a: Element): string {
  const el = $(a);
  return clean(el.text()) || clean(el.attr('aria-label')) || clean(el.attr('title')) || clean(el.find('img[alt]').first().attr('alt'));
}

function searchForms($: CheerioAPI, base: string): SearchForm[] {
  const out: SearchForm[] = [];
  $('form').each((_, form) => {
    const method = ($(form).attr('method') ?? 'get').toLowerCase();
    if (method !== 'get') return;
    const inputs = $(form).find('input[name]').toArray();
    const text = inputs
      .filter((i) => /^(text|search|)$/i.test(i.attribs.type ?? ''))
      .map((i) => i.attribs.name!)
      .sort((a, b) => rank(a) - rank(b))[0];
    if (!text || rank(text) === SEARCH_PARAMS.length) return;
    let action: string;
    try {
      action = new URL($(form).attr('action') || base, base).href;
    } catch {
      return;
    }
    const hidden = inputs.filter((i) => (i.attribs.type ?? '').toLowerCase() === 'hidden').map((i) => [i.attribs.name!, i.attribs.value ?? ''] as [string, string]);
    out.push({ action, param: text, hidden });
  });
  return out;
}

const rank = (name: string) => {
  const i = SEARCH_PARAMS.indexOf(name.toLowerCase());
  return i < 0 ? SEARCH_PARAMS.length : i;
};

function inNavigation($: CheerioAPI, a: Element): boolean {
  if ($(a).closest(NAV_ANYWHERE).length) return true;
  const frame = $(a).closest('header, footer');
  return frame.length > 0 && frame.closest(MAIN).length === 0;
}

function mainTextOf($: CheerioAPI): string {
  $('script, style, noscript, template').remove();
  const main = $(MAIN).first();
  if (main.length) return clean(main.text()).slice(0, MAX_TEXT);
  const body = $('body').clone();
  body.find(NAV).remove();
  return clean(body.text()).slice(0, MAX_TEXT);
}

/** Everything discovery reads from an HTML page fetched from `url` (relative links are read against it or <base>). */
export function readPage(html: string, url: string): PageReading {
  const $ = load(html);
  const base = (() => {
    const href = $('base[href]').attr('href');
    try {
      return href ? new URL(href, url).href : url;
    } catch {
      return url;
    }
  })();
  const links: PageLink[] = [];
  for (const a of $('a[href], area[href]').toArray()) {
    const target = canonicalUrl(a.attribs.href!, base);
    if (!target) continue;
    links.push({ url: target, text: linkText($, a), region: inNavigation($, a) ? 'nav' : 'content' });
    if (links.length >= MAX_LINKS) break;
  }
  const meta = (sel: string) => clean($(sel).attr('content'));
  const canonicalHref = $('link[rel="canonical"]').attr('href');
  const bodyClass = $('body').attr('class') ?? '';
  return {
    title: clean($('title').first().text()),
    h1: clean($('h1').first().text()),
    breadcrumb: $('[class*="breadcrumb"] a, [class*="breadcrumb"] li, nav[aria-label*="readcrumb"] a').toArray().map((e) => clean($(e).text())).filter(Boolean),
    canonical: canonicalHref ? canonicalUrl(canonicalHref, base) : undefined,
    siteName: meta('meta[property="og:site_name"]') || meta('meta[name="application-name"]'),
    article: NEWS_BODY_CLASS.test(bodyClass),
    links,
    searchForms: searchForms($, base),
    mainText: mainTextOf($),
    head: html.slice(0, 60_000),
  };
}
