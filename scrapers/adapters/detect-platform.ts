// Tells which platform a URL or a fetched page belongs to, so a researcher can add a council's source by URL alone.
import type { Platform, SourceKind } from '../../src/domain/index.js';

export interface Detection {
  platform: Platform;
  kind: SourceKind;
  /** What gave it away, for the researcher. */
  cue: string;
}

const URL_RULES: Array<{ test: RegExp; platform: Platform; kind: SourceKind; cue: string }> = [
  { test: /\.pdf($|[?#])/i, platform: 'pdf', kind: 'pdf', cue: 'URL ends in .pdf' },
  { test: /\/kb5\/[^/]+\/[^/]+\//i, platform: 'idox_kb5', kind: 'directory', cue: 'Idox kb5 path /kb5/{council}/{directory}/' },
  { test: /\/Local_Offer\/[^/]+\.aspx$/i, platform: 'servelec_synergy', kind: 'local_offer_page', cue: 'Synergy Local Offer page /Local_Offer/{page}.aspx' },
  { test: /\/Enquiries\/Search\.aspx\?/i, platform: 'servelec_synergy', kind: 'directory', cue: 'Synergy directory search Enquiries/Search.aspx' },
  { test: /synergy/i, platform: 'servelec_synergy', kind: 'directory', cue: 'Servelec Synergy path' },
  { test: /^lgaapi\.connecttosupport\.org\//i, platform: 'pcg', kind: 'oruk_feed', cue: 'Connect to Support Open Referral feed (lgaapi)' },
  { test: /\/api\/s4s-advanced-search\//i, platform: 'pcg', kind: 'directory', cue: 'PCG Connect to Support search API' },
  { test: /\.mylocaloffer\.org\/services\/[\w-]+\/?$/i, platform: 'pcg', kind: 'directory', cue: 'mylocaloffer.org service record /services/{id}' },
  { test: /\.mylocaloffer\.org\/|connecttosupport|\/s4s\/WhereILive\//i, platform: 'pcg', kind: 'local_offer_page', cue: 'PCG Local Offer site (mylocaloffer.org, Connect to Support, /s4s/ pages)' },
  { test: /openplace\.directory|\/o\/ServiceDirectoryService\//i, platform: 'placecube', kind: 'oruk_feed', cue: 'Placecube Open Place Directory API' },
  { test: /\/openreferral\/v1\b/i, platform: 'oruk_v1', kind: 'oruk_feed', cue: 'LocalGov Drupal Open Referral endpoint' },
  { test: /outpost|\/api\/v1\/services\b/i, platform: 'outpost', kind: 'oruk_feed', cue: 'Outpost API /api/v1/services' },
  { test: /\/directory-record\/\d+|\/directory_record\/\d+|\/directory\/\d+(\/|$)/i, platform: 'jadu', kind: 'directory', cue: 'Jadu directory path /directory/{id}/' },
  { test: /\/services(\/[\w-]+)?(\?|$)/i, platform: 'oruk_v3', kind: 'oruk_feed', cue: 'an Open Referral /services endpoint' },
];

/** The platform a URL's pattern shows, or undefined when the URL alone does not tell. */
export function detectFromUrl(url: string): Detection | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const target = `${u.hostname}${u.pathname}${u.search}`;
  for (const r of URL_RULES) if (r.test.test(target)) return { platform: r.platform, kind: r.kind, cue: r.cue };
  if (/short[-_]?breaks?[-_]?(services?[-_])?statement/i.test(u.pathname))
    return { platform: 'plain_html', kind: 'statement', cue: 'a short breaks statement page' };
  return undefined;
}

export interface PageSignals {
  url: string;
  contentType: string | null;
  /** The first part of the body as text. */
  text: string | undefined;
  bytes?: Uint8Array;
}

const isPdfBytes = (b?: Uint8Array) => !!b && b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

/** The platform a fetched page shows by its content; falls back to the URL, then to a plain HTML page. */
export function detectFromPage(page: PageSignals): Detection {
  const type = (page.contentType ?? '').toLowerCase();
  if (type.includes('pdf') || isPdfBytes(page.bytes)) return { platform: 'pdf', kind: 'pdf', cue: 'a PDF document' };
  const head = (page.text ?? '').slice(0, 60_000);
  if (type.includes('json') || /^\s*[[{]/.test(head)) {
    if (/"send_needs"|"organisation"\s*:|"local_offer"/.test(head)) return { platform: 'outpost', kind: 'oruk_feed', cue: 'Outpost JSON (send_needs, organisation)' };
    if (/"pc_metadata"|"pc_targetAudience"/.test(head)) return { platform: 'placecube', kind: 'oruk_feed', cue: 'Placecube extension fields pc_*' };
    if (/"total_pages"|"HSDS-UK-3|"attributes"\s*:/.test(head)) return { platform: 'oruk_v3', kind: 'oruk_feed', cue: 'ORUK 3.0 JSON (total_pages / HSDS-UK-3.0)' };
    if (/"totalElements"|"eligibilitys"|"service_taxonomys"/.test(head)) return { platform: 'oruk_v1', kind: 'oruk_feed', cue: 'ORUK v1 JSON (totalElements / eligibilitys)' };
    if (/"pageItems"\s*:/.test(head) && /"totalPages"/.test(head)) return { platform: 'pcg', kind: 'directory', cue: 'PCG directory search JSON (pageItems, totalPages)' };
  }
  const byUrl = detectFromUrl(page.url);
  if (byUrl && byUrl.platform !== 'oruk_v3') return byUrl;
  if (/\/kb5\/|kb5_|class="result_hit"|service\.page\?id=/.test(head)) return { platform: 'idox_kb5', kind: 'directory', cue: 'kb5 markup (result_hit, service.page?id=)' };
  if (/details-card-provider-\d/.test(head)) return { platform: 'servelec_synergy', kind: 'directory', cue: 'Synergy result cards (details-card-provider-{id})' };
  if (/__VIEWSTATE/.test(head) && /synergy/i.test(head))
    return /Local_Offer\//i.test(head)
      ? { platform: 'servelec_synergy', kind: 'local_offer_page', cue: 'ASP.NET Synergy page linking Local_Offer/*.aspx' }
      : { platform: 'servelec_synergy', kind: 'directory', cue: 'ASP.NET Synergy form' };
  if (/s4s-advanced-search/i.test(head)) return { platform: 'pcg', kind: 'directory', cue: 'PCG directory search app (s4s-advanced-search API)' };
  if (/localgov[_-]director/i.test(head)) return { platform: 'localgov_drupal', kind: 'directory', cue: 'LocalGov Drupal directory markup' };
  if (/content="Jadu|jadu\.(css|js)|\/directory-record\//i.test(head)) return { platform: 'jadu', kind: 'directory', cue: 'Jadu CMS markup' };
  if (byUrl) return byUrl;
  return { platform: 'plain_html', kind: /statement/i.test(head.slice(0, 5000)) ? 'statement' : 'local_offer_page', cue: 'an ordinary web page' };
}
