// PCG / PPL "Connect to Support" family: the mylocaloffer.org Local Offer sites (information pages, the older
// /s4s/WhereILive/Council?pageId= pages, /services/{id} records) and the directory's JSON search API
// (/api/s4s-advanced-search/directory-search/get-list and get-event/{id}). Structures: docs/directory-platforms.md section 6.
import { load, type CheerioAPI } from 'cheerio';
import { emptyOutput, type Adapter, type PageInput, type PageOutput } from './adapter.js';
import { contentPageRecords, contentRegion, sameHostLinks } from './content-page.js';
import { draftFromFields, recordFields } from './html-record.js';
import { ageFields, buildOffers, type OfferDraft } from './offer-builder.js';
import { orukV1Adapter } from './oruk-v1.js';
import { orukV3Adapter } from './oruk-v3.js';
import { readAgeField, readAgesProse } from '../../src/text/age-fields.js';
import { collapseSpace, repairMojibake } from '../../src/text/clean-text.js';
import { emailOf, phoneOf, webUrlOf } from '../../src/text/contacts.js';
import { readCostField, readCostProse } from '../../src/text/cost.js';
import { htmlToText } from '../../src/text/html-text.js';
import { unique } from '../../src/text/lists.js';
import { findPostcode } from '../../src/text/postcodes.js';

const NAME = 'pcg';
const API = '/api/s4s-advanced-search/directory-search/';
const LIST = /\/api\/s4s-advanced-search\/directory-search\/get-list\/?$/i;
const EVENT = /\/api\/s4s-advanced-search\/directory-search\/get-event\/([\w-]+)\/?$/i;
const RECORD = /^\/services\/([\w-]+)\/?$/i;
const S4S_PAGE = /^\/s4s\/WhereILive\/Council$/i;
const CONTENT = ['main', '[role=main]', '#main-content', '#content', '.page-content', 'article'];
const CHROME = 'header, nav, footer, aside, .breadcrumb, .breadcrumbs, [role=navigation], .cookie-banner, #cookie-banner';
const SHORT_BREAKS = /short[\s-]*breaks?|respite|disab/i;

const changed = (problem: string): PageOutput => ({ ...emptyOutput(), layout: 'changed', problems: [problem] });
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Bradford wraps every answer in {"value": ..., "success": true}; the others answer bare. */
const unwrap = (v: unknown): unknown => (isObject(v) && 'value' in v && 'success' in v ? v.value : v);

/** The first of several keys that holds a non-empty string or number, as clean text. */
function str(o: Json, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && v.trim()) return collapseSpace(repairMojibake(htmlToText(v)));
  }
  return undefined;
}

/** Category names as the API gives them: strings, or objects with a name or title. */
function terms(v: unknown): string[] {
  const text = (s: string) => collapseSpace(repairMojibake(htmlToText(s)));
  if (!Array.isArray(v)) return typeof v === 'string' ? v.split(/[,;]/).map(text) : [];
  return v.map((t) => (typeof t === 'string' ? text(t) : isObject(t) ? (str(t, 'name', 'title', 'label') ?? '') : '')).filter(Boolean);
}

/** An offer draft from a search item or an event (the public record is /services/{id} on the site). */
function draftOf(item: Json, id: string, origin: string, confidence: number): OfferDraft | undefined {
  const name = str(item, 'name', 'title', 'serviceName');
  if (!name) return undefined;
  const description = str(item, 'description', 'summary', 'shortDescription');
  const ages = str(item, 'ageRange', 'ages', 'ageGroup');
  // Ages as numbers (minAge/maxAge) need no reading; ages as words go to the age parsers.
  const whole = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  const [min, max] = [whole(item.minAge ?? item.ageFrom), whole(item.maxAge ?? item.ageTo)];
  const ageReading = ages ? readAgeField(ages) : min !== undefined || max !== undefined ? { min, max } : readAgesProse(description);
  const cost = str(item, 'cost', 'costs', 'price', 'fees');
  const address = str(item, 'address');
  const website = str(item, 'website', 'webAddress', 'url');
  return {
    external_id: id,
    name,
    description,
    provider: str(item, 'organisation', 'organisationName', 'providerName'),
    ...ageFields(ageReading),
    cost: cost ? readCostField(cost) : readCostProse(description),
    postcode: findPostcode(str(item, 'postcode')) ?? findPostcode(address),
    schedule: str(item, 'openingTimes', 'times', 'schedule'),
    contact: { phone: phoneOf(str(item, 'phone', 'telephone')), email: emailOf(undefined, str(item, 'email')), url: webUrlOf(website, origin), address },
    source_terms: unique(terms(item.categories ?? item.tags)),
    url: `${origin}/services/${encodeURIComponent(id)}`,
    confidence,
  };
}

const itemId = (item: Json) => str(item, 'id', 'serviceId', 'eventId');

/** The search parameters of a get-list URL, or undefined when they are not JSON. */
function searchParamsOf(u: URL): Json | undefined {
  try {
    const p = JSON.parse(u.searchParams.get('searchParams') ?? '') as unknown;
    return isObject(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** A page of search results: teaser offers (replaced by the event when get-event answers), the next pages, each event. */
function parseList(page: PageInput, u: URL, body: unknown): PageOutput {
  if (!isObject(body) || !Array.isArray(body.pageItems))
    return changed('search answer has no pageItems list ({"pageItems": [...], "totalPages": n}, or that inside {"value": ..., "success": true})');
  const params = searchParamsOf(u);
  const drafts: OfferDraft[] = [];
  const links: PageOutput['links'] = [];
  const problems: string[] = [];
  body.pageItems.forEach((raw, i) => {
    const item = isObject(raw) ? raw : {};
    const id = itemId(item);
    const draft = id ? draftOf(item, id, u.origin, 0.6) : undefined;
    if (!id || !draft) return void problems.push(`search item ${i + 1} has no ${id ? 'name' : 'id'}: skipped`);
    drafts.push(draft);
    links.push({ url: `${u.origin}${API}get-event/${encodeURIComponent(id)}`, label: 'detail' });
  });
  const pageNumber = Number(params?.pageNumber ?? 1);
  const totalPages = Number(body.totalPages ?? 1);
  if (params && pageNumber === 1 && Number.isInteger(totalPages))
    for (let n = 2; n <= totalPages; n++) {
      const next = new URL(u.href);
      next.searchParams.set('searchParams', JSON.stringify({ ...params, pageNumber: n }));
      links.push({ url: next.href, label: 'list' });
    }
  else if (!params && totalPages > 1) problems.push(`searchParams is not JSON: the other ${totalPages - 1} page(s) were not queued`);
  const built = buildOffers(drafts, page, NAME);
  return { records: built.records, links, layout: 'ok', problems: [...problems, ...built.problems] };
}

/** One event (a directory record): the full offer, under the same id as its search item. */
function parseEvent(page: PageInput, u: URL, id: string, body: unknown): PageOutput {
  const item = isObject(body) ? body : undefined;
  const draft = item && draftOf(item, itemId(item) ?? id, u.origin, 0.8);
  if (!draft) return changed('event answer has no name (get-event/{id} gives name, address, postcode, phone, email)');
  const { records, problems } = buildOffers([draft], page, NAME);
  return { records, links: [], layout: 'ok', problems };
}

function parseJson(page: PageInput, u: URL): PageOutput | Promise<PageOutput> {
  let body: unknown;
  try {
    body = unwrap(JSON.parse(page.text!));
  } catch (e) {
    return changed(`the API answered with something that is not JSON (${(e as Error).message})`);
  }
  // The ORUK feed on lgaapi.connecttosupport.org: read by the Open Referral adapters.
  if (isObject(body) && ('total_pages' in body || 'contents' in body)) return orukV3Adapter.parse(page);
  if (isObject(body) && ('totalElements' in body || Array.isArray(body.content))) return orukV1Adapter.parse(page);
  if (LIST.test(u.pathname)) return parseList(page, u, body);
  const event = EVENT.exec(u.pathname);
  if (event) return parseEvent(page, u, event[1]!, body);
  return changed('JSON that is neither a directory search (get-list), an event (get-event/{id}) nor an Open Referral feed');
}

/** Links inside the content: pages below this one, short breaks pages, the older s4s pages and service records. */
function contentLinks($: CheerioAPI, root: ReturnType<CheerioAPI>, here: URL): PageOutput['links'] {
  const folder = here.pathname.endsWith('/') ? here.pathname : here.pathname.slice(0, here.pathname.lastIndexOf('/') + 1);
  return sameHostLinks($, root, here, CHROME, (u, text) => {
    if (/\.(pdf|docx?|xlsx?|jpe?g|png)$/i.test(u.pathname)) return undefined;
    if (RECORD.test(u.pathname)) return 'detail';
    const below = u.pathname.startsWith(folder) && u.pathname !== folder;
    return below || ((S4S_PAGE.test(u.pathname) || u.pathname !== '/') && SHORT_BREAKS.test(`${text} ${u.pathname}`)) ? 'page' : undefined;
  });
}

async function parseHtml(page: PageInput, u: URL): Promise<PageOutput> {
  const $ = load(page.text!);
  const region = contentRegion($, CONTENT);
  if (!region) return changed('page has no content region (main, #main-content, #content, .page-content or article)');
  const title = collapseSpace(repairMojibake(htmlToText(region.find('h1').first().html() ?? $('h1').first().html() ?? $('title').first().html())));
  const record = RECORD.exec(u.pathname);
  if (record) {
    if (!title) return changed('service record has no h1 name');
    const fields = recordFields($, region);
    if (!fields.some((f) => f.kind)) return changed('service record has no labelled fields (dt/dd or th/td such as Age range, Cost, Telephone)');
    const { records, problems } = buildOffers([draftFromFields(page, record[1]!, title, fields)], page, NAME);
    return { records, links: [], layout: 'ok', problems };
  }
  const heading = region.find('h1').length ? '' : `<h1>${title || 'Local Offer'}</h1>`;
  const read = await contentPageRecords(page, title || 'Local Offer', heading + ($.html(region) ?? ''), 'pcg');
  return { records: read.records, links: contentLinks($, region, u), layout: read.layout, problems: read.problems };
}

export const pcgAdapter: Adapter = {
  name: NAME,
  parse(page) {
    if (!page.text) return changed('page has no text');
    const u = new URL(page.finalUrl || page.url);
    if (/json/i.test(page.contentType ?? '') || /^\s*[[{]/.test(page.text) || u.pathname.includes(API)) return parseJson(page, u);
    return parseHtml(page, u);
  },
};
