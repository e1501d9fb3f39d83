// The Idox kb5 directory adapter: Local Offer landing pages, results listings (both themes) and service records.
import type { CheerioAPI } from 'cheerio/slim';
import type { Adapter, PageInput, PageOutput } from './adapter.js';
import { buildOffers, type OfferDraft } from './offer-builder.js';
import { absolute, indexPage, lineOf, parsePage, type PageIndex } from './kb5-dom.js';
import { parseDetail } from './kb5-detail.js';
import { channelTerms } from './kb5-fields.js';
import { unique } from '../../src/text/lists.js';
import { parseListing } from './kb5-listing.js';

type Kind = 'listing' | 'landing' | 'detail' | 'unknown';

/** The page kind from the URL: `results.page`, `localoffer.page` / `home.page`, `service.page`. */
export function kb5PageKind(url: string): Kind {
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('/results.page')) return 'listing';
  if (path.endsWith('/service.page')) return 'detail';
  if (path.endsWith('/localoffer.page') || path.endsWith('/home.page')) return 'landing';
  return 'unknown';
}

/** Landing categories worth following for short breaks; when no tile matches, every category is followed. */
const RELEVANT = /short\s*breaks?|respite|leisure|play\s*schemes?|holiday (clubs?|activit)|things to do/i;
const GENERIC_CRUMB = /^(home|search|search results|results|back to (search )?results)$/i;

/** Breadcrumb texts that name categories: no "Home", no portal name. */
function crumbsOf(ix: PageIndex): string[] {
  const portal = ix.appName.toLowerCase();
  return ix.crumbs.map((li) => lineOf(li)).filter((t) => t && !GENERIC_CRUMB.test(t) && t.toLowerCase() !== portal);
}

/** Category tiles (old `#category-blocks div.sub_cat a`, new `div.category-block a`) to results or sub-landing pages. */
function landingLinks($: CheerioAPI, base: string): Array<{ url: string; label: string; title: string }> {
  const tiles = $('#category-blocks div.sub_cat a, .category-block a, a[class*="caticon_"]').toArray();
  const links = new Map<string, { url: string; label: string; title: string }>();
  for (const a of tiles) {
    const url = absolute(a.attribs.href, base);
    const kind = url ? kb5PageKind(url) : 'unknown';
    if (!url || (kind !== 'listing' && kind !== 'landing') || links.has(url)) continue;
    const title = [a.attribs['data-original-title'], a.attribs.title, lineOf(a)].find((t) => t?.trim()) ?? '';
    links.set(url, { url, label: kind === 'listing' ? 'list' : 'landing', title });
  }
  const all = [...links.values()];
  const relevant = all.filter((l) => RELEVANT.test(l.title));
  return relevant.length ? relevant : all;
}

/** Drafts to offers: kb5 pages are directory pages of the idox_kb5 platform, whatever the crawl source was called. */
function offers(drafts: OfferDraft[], page: PageInput) {
  return buildOffers(drafts, { ...page, source: { ...page.source, kind: 'directory', platform: 'idox_kb5' } }, 'kb5');
}

function parse(page: PageInput): PageOutput {
  const html = page.text ?? '';
  const url = page.finalUrl || page.url;
  let kind = kb5PageKind(url);
  const $ = parsePage(html);
  const ix = indexPage($);
  if (kind === 'unknown') {
    if (ix.resultHitContainer || ix.resultsList) kind = 'listing';
    else if (ix.hitHeader || ix.sections.some((el) => /\bservice_/.test(el.attribs.class ?? ''))) kind = 'detail';
    else if ($('#category-blocks, .category-block').length) kind = 'landing';
    else return { records: [], links: [], layout: 'changed', problems: [`not a kb5 page: no results list, service sections or category blocks on ${url}`] };
  }
  const terms = channelTerms(url);

  if (kind === 'landing') {
    const links = landingLinks($, url).map(({ url, label }) => ({ url, label }));
    if (links.length) return { records: [], links, layout: 'ok', problems: [] };
    return { records: [], links: [], layout: 'changed', problems: [`no category blocks (#category-blocks div.sub_cat a or div.category-block a) on ${url}`] };
  }

  if (kind === 'listing') {
    const listing = parseListing($, ix, url, unique([...terms, ...crumbsOf(ix)], { ignoreCase: true }));
    if (!listing.recognised)
      return { records: [], links: [], layout: 'changed', problems: [`no results list (#resultHitContainer div.result_hit or ol.results-list > li) on ${url}`] };
    const built = offers(listing.drafts, page);
    return { records: built.records, links: listing.links, layout: 'ok', problems: built.problems };
  }

  const detail = parseDetail($, ix, url, crumbsOf(ix), terms);
  if (!detail.recognised || !detail.draft) return { records: [], links: [], layout: 'changed', problems: detail.problems };
  const built = offers([detail.draft], page);
  return { records: built.records, links: [], layout: 'ok', problems: [...detail.problems, ...built.problems] };
}

export const kb5Adapter: Adapter = { name: 'kb5', parse };
