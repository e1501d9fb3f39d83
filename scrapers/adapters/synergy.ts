// Servelec Synergy (ASP.NET WebForms): its Local Offer information pages (/Local_Offer/*.aspx) and its directory
// (Enquiries/Search.aspx). Structures follow docs/directory-platforms.md section 2.
//
// Information pages, search pages and provider details (Search.aspx?BX=...&AY=...). Starting a search and turning its
// result pages are ASP.NET postbacks: the adapter asks the crawler for each as a form post (the page's fields with
// __EVENTTARGET set to the "...StartNextLinkButton" target, then to the topPager link of the next page), labelled
// 'results'; a post that brings no result cards back is reported, never posted again.
import { load, type CheerioAPI } from 'cheerio';
import { emptyOutput, type Adapter, type PageInput, type PageOutput } from './adapter.js';
import { nextPage, postbackLink, postbacks, webForm } from './aspnet-postback.js';
import { contentPageRecords, contentRegion, sameHostLinks } from './content-page.js';
import { draftFromFields, recordFields } from './html-record.js';
import { buildOffers, type OfferDraft } from './offer-builder.js';
import { collapseSpace, repairMojibake } from '../../src/text/clean-text.js';
import { webUrlOf } from '../../src/text/contacts.js';
import { htmlToText } from '../../src/text/html-text.js';

const NAME = 'synergy';
const LOCAL_OFFER = /\/Local_Offer\/[^/]+\.aspx$/i;
const SEARCH = /\/Search\.aspx$/i;
/** Where a Synergy page keeps its own content: ASP.NET content placeholders first, then the usual landmarks. */
const CONTENT = ['[id$="_pnlContent"]', '[id*="ContentPlaceHolder"]', '[id*="MainContent"]', 'main', '[role=main]', '#content', '.content'];
const CHROME = 'header, nav, footer, aside, .breadcrumb, .breadcrumbs, #header, #footer, #menu, .menu, [role=navigation]';
const SHORT_BREAKS = /short[\s-]*breaks?|respite|disab|\bsend\b|local offer|special (?:educational )?needs/i;

type Kind = 'content' | 'detail' | 'search' | 'other';

function kindOf(u: URL): Kind {
  if (LOCAL_OFFER.test(u.pathname)) return 'content';
  if (SEARCH.test(u.pathname)) return u.searchParams.has('BX') ? 'detail' : 'search';
  return 'other';
}

const changed = (problem: string): PageOutput => ({ ...emptyOutput(), layout: 'changed', problems: [problem] });
const titleOf = ($: CheerioAPI) => collapseSpace(repairMojibake(htmlToText($('h1').first().html() ?? $('title').first().html() ?? '')));

/** Same-deployment links: information pages, provider details and searches about short breaks, each once. */
function linksFrom($: CheerioAPI, root: ReturnType<CheerioAPI>, page: PageInput): PageOutput['links'] {
  return sameHostLinks($, root, new URL(page.finalUrl || page.url), CHROME, (u, text) => {
    const kind = kindOf(u);
    if (kind === 'content') return 'page';
    if (kind === 'detail') return 'detail';
    return kind === 'search' && u.searchParams.has('searchID') && SHORT_BREAKS.test(`${text} ${u.search}`) ? 'search' : undefined;
  });
}

/** A Local Offer information page: its text through the statement reader, its links to pages, details and searches. */
async function parseContent($: CheerioAPI, page: PageInput): Promise<PageOutput> {
  const region = contentRegion($, CONTENT);
  if (!region) return changed('Local Offer page has no content region (an ASP.NET ContentPlaceHolder panel, main or #content)');
  const title = titleOf($) || 'Local Offer';
  const heading = region.find('h1').length ? '' : `<h1>${title}</h1>`;
  const read = await contentPageRecords(page, title, heading + ($.html(region) ?? ''), 'servelec_synergy');
  return { records: read.records, links: linksFrom($, region, page), layout: read.layout, problems: read.problems };
}

/** The provider id of a detail link or page: BX (with AY when it has one), stable within one deployment. */
const detailId = (u: URL) => [u.searchParams.get('BX'), u.searchParams.get('AY')].filter(Boolean).join('-');

/** A provider's detail page (Search.aspx?BX=...&AY=...): one offer. */
function parseDetail($: CheerioAPI, page: PageInput): PageOutput {
  const u = new URL(page.finalUrl || page.url);
  const root = $('[id^="details-card-provider-"]').first().length ? $('[id^="details-card-provider-"]').first() : (contentRegion($, CONTENT) ?? $('body'));
  const name = collapseSpace(repairMojibake(htmlToText(root.find('h1, h2').first().html() ?? $('h1').first().html())));
  if (!name) return changed('provider detail has no name (an h1 or h2 in the details card)');
  const fields = recordFields($, root);
  if (!fields.some((f) => f.kind)) return changed('provider detail has no labelled fields (dt/dd, th/td or label/value pairs such as Age range, Cost, Telephone)');
  const draft = draftFromFields(page, detailId(u), name, fields);
  const { records, problems } = buildOffers([draft], page, NAME);
  return { records, links: [], layout: 'ok', problems };
}

/** The number of the result page shown: the pager's unlinked number. */
function currentPage($: CheerioAPI): number | undefined {
  const shown = $('[id*="topPager"], [id*="Pager"], .pager').first().find('span, strong, .current').toArray().map((e) => $(e).text().trim()).find((t) => /^\d+$/.test(t));
  return shown ? Number(shown) : undefined;
}

/**
 * A search page (by GET, or a postback's answer): result cards when it shows them (teasers and detail links) and the
 * form post to the next result page; a search form without cards gives the form post that starts the search.
 */
function parseSearch($: CheerioAPI, page: PageInput): PageOutput {
  const asked = new URL(page.url);
  const landed = new URL(page.finalUrl || page.url);
  if (asked.searchParams.has('searchID') && !SEARCH.test(landed.pathname) && asked.pathname !== landed.pathname)
    return { ...emptyOutput(), problems: [`search ${asked.searchParams.get('searchID')} is stale: ${page.url} redirected to ${landed.href}`] };
  const cards = $('[id^="details-card-provider-"]');
  const problems: string[] = [];
  const drafts: OfferDraft[] = [];
  const links: PageOutput['links'] = [];
  cards.each((_, el) => {
    const card = $(el);
    const a = card.find('a[href*="BX="]').first();
    const href = webUrlOf(a.attr('href'), landed.href);
    const providerId = /details-card-provider-(\w+)/.exec(card.attr('id') ?? '')?.[1] ?? '';
    const title = card.find('h2, h3, h4, .card-title').first();
    const name = collapseSpace(repairMojibake(htmlToText(title.html() ?? a.html())));
    if (!name) return void problems.push(`result card ${providerId} has no name`);
    if (href) links.push({ url: href, label: 'detail' });
    const summary = card.find('p').toArray().map((p) => collapseSpace(repairMojibake($(p).text()))).filter(Boolean).join(' ');
    drafts.push({ ...draftFromFields(page, href ? detailId(new URL(href)) : `provider-${providerId}`, name, recordFields($, card, title.get(0)), { description: summary || undefined, url: href }), confidence: 0.6 });
  });
  const all = postbacks($);
  const pager = all.filter((p) => /topPager/i.test(p.target));
  const next = nextPage(pager.length ? pager : all.filter((p) => /pager/i.test(p.target)), currentPage($));
  if (cards.length && next) {
    const post = postbackLink($, landed.href, next, 'results');
    if (post) links.push(post);
    else problems.push(`the result pager's next page (${next.target}) is an ASP.NET postback, but the page has no form (__VIEWSTATE) to post`);
  }
  if (!cards.length) {
    if (!webForm($).length) return changed('search page has neither result cards (details-card-provider-{id}) nor an ASP.NET form (__VIEWSTATE)');
    if (page.label === 'results')
      problems.push(
        `the search's form post to ${page.url} brought back no result cards (details-card-provider-{id}): the server did not take the postback ` +
          '(an expired or rejected __VIEWSTATE or __EVENTVALIDATION, or a field it requires such as a postcode) or the search found nothing; not posted again',
      );
    else {
      const start = all.find((p) => /StartNext/i.test(p.target)) ?? all.find((p) => /Search/i.test(p.target) && !/pager/i.test(p.target));
      const post = start && postbackLink($, landed.href, start, 'results');
      if (post) links.push(post);
      else problems.push(`search form at ${page.url} has no search postback (a __doPostBack link such as ...StartNextLinkButton): its results were not reached`);
    }
  }
  const built = buildOffers(drafts, page, NAME);
  return { records: built.records, links, layout: 'ok', problems: [...problems, ...built.problems] };
}

export const synergyAdapter: Adapter = {
  name: NAME,
  async parse(page) {
    if (!page.text) return changed('page has no HTML text');
    const $ = load(page.text);
    const u = new URL(page.finalUrl || page.url);
    const kind = kindOf(u);
    if (kind === 'content') return parseContent($, page);
    if (kind === 'detail') return parseDetail($, page);
    if (kind === 'search' || new URL(page.url).searchParams.has('searchID')) return parseSearch($, page);
    // A deployment's home or any other page: its links to searches, details and information pages.
    const links = linksFrom($, $('body'), page);
    if (links.length) return { ...emptyOutput(), links };
    return changed('page has no Synergy links (Local_Offer/*.aspx, Enquiries/Search.aspx?searchID= or ?BX=)');
  },
};
