// Canonical candidate URLs: one spelling per page, so the same page found by several routes is counted once.
// Also which hosts count as the council's own (the same registrable domain, e.g. any *.exampleshire.gov.uk).

/** Query parameters that never change the page: tracking, kb5 shortlist actions and session ids. */
const DROPPED_PARAM = /^(utm_\w+|gclid|dclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|slaction|slid|shortlist\w*|jsessionid|phpsessid)$/i;

/** File types that are never a short breaks page (images, styles, scripts, archives, office files other than PDF). */
const NOT_A_PAGE = /\.(?:css|js|mjs|json|png|jpe?g|gif|svg|webp|ico|bmp|tiff?|mp[34]|m4a|wav|avi|mov|zip|gz|rar|7z|docx?|xlsx?|pptx?|odt|ods|rtf|csv|ics|woff2?|ttf|eot)$/i;

/**
 * The canonical spelling of a link (relative links read against `base`): http(s) only, host lower-cased, default
 * port, fragment and path parameters (`;jsessionid=...`) dropped, tracking and kb5 shortlist parameters dropped.
 * Undefined for anything that is not a web page link (mailto:, javascript:, images, malformed).
 */
export function canonicalUrl(href: string, base?: string): string | undefined {
  let u: URL;
  try {
    u = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  // Path parameters: kb5 and other Java servers put the session in the path (`home.page;jsessionid=8F3A...`).
  u.pathname = u.pathname.replace(/;[^/]*/g, '');
  if (NOT_A_PAGE.test(u.pathname)) return undefined;
  const kept = [...u.searchParams].filter(([k]) => !DROPPED_PARAM.test(k));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.href;
}

/** The key two spellings of one page share: the canonical URL without a trailing slash on its path. */
export function pageKey(canonical: string): string {
  const u = new URL(canonical);
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.slice(0, -1);
  return u.href;
}

/** Second-level suffixes under which a registrable domain has three labels (exampleshire.gov.uk). */
const UK_SECOND_LEVEL = new Set(['gov.uk', 'org.uk', 'co.uk', 'ac.uk', 'nhs.uk', 'sch.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'police.uk', 'mod.uk']);

const isIpHost = (host: string) => /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');

/** The registrable domain of a host name: `localoffer.exampleshire.gov.uk` -> `exampleshire.gov.uk`; an IP is itself. */
export function registrableDomain(hostname: string): string {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIpHost(h)) return h;
  const labels = h.split('.');
  const n = UK_SECOND_LEVEL.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/**
 * True when `url` is on the council's own site: the same host and port as `site`, or (for names, not addresses) a
 * host under the same registrable domain on the same port.
 */
export function onOwnSite(url: string, site: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(site);
  } catch {
    return false;
  }
  if (a.host === b.host) return true;
  if (a.port !== b.port || isIpHost(a.hostname) || isIpHost(b.hostname)) return false;
  return registrableDomain(a.hostname) === registrableDomain(b.hostname);
}

/** True for a host that looks like an English council's (any *.gov.uk), whoever it belongs to. */
export const isCouncilLikeHost = (url: string): boolean => {
  try {
    return /\.gov\.uk$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
};
