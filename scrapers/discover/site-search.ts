// The platform's own site search: which CMS a page shows, and the search URLs to ask it for "short breaks"
// (the page's own GET search form first; otherwise the platform's known search path).
import { onOwnSite } from './canonical-url.js';
import type { PageReading } from './read-page.js';

export type Cms = 'idox_kb5' | 'servelec_synergy' | 'jadu' | 'localgov_drupal' | 'drupal' | 'wordpress' | 'sharepoint' | 'unknown';

export const SEARCH_QUERY = 'short breaks';

/** The content management system a page shows in its URL or markup. */
export function cmsOf(head: string, url: string): Cms {
  if (/\/kb5\/[^/]+\/[^/]+\//i.test(url) || /\/kb5\/[^/"']+\/[^/"']+\/|kb5_/i.test(head)) return 'idox_kb5';
  if (/\/synergy/i.test(url) || (/__VIEWSTATE/.test(head) && /synergy/i.test(head))) return 'servelec_synergy';
  if (/content="Jadu|jadu[-_.](?:css|js|cms)|\/site-search\/results/i.test(head)) return 'jadu';
  if (/localgov[_-]/i.test(head)) return 'localgov_drupal';
  if (/content="Drupal|data-drupal-|\/sites\/default\/files\//i.test(head)) return 'drupal';
  if (/wp-content\/|content="WordPress|wp-json/i.test(head)) return 'wordpress';
  if (/_layouts\/|MicrosoftSharePoint|SharePoint/i.test(head)) return 'sharepoint';
  return 'unknown';
}

function withQuery(action: string, params: Array<[string, string]>): string {
  const u = new URL(action);
  u.hash = '';
  for (const [k, v] of params) u.searchParams.set(k, v);
  return u.href;
}

/** The kb5 directory a URL is in (`https://host/kb5/{council}/{directory}/`), if any. */
export function kb5DirectoryOf(url: string): string | undefined {
  const m = /^(https?:\/\/[^/]+\/kb5\/[^/]+\/[^/]+\/)/i.exec(url);
  return m?.[1];
}

/** Known search paths per platform, used when the page has no search form we can read. */
function platformSearch(cms: Cms, pageUrl: string, reading: PageReading, q: string): Array<{ url: string; how: string }> {
  const origin = new URL(pageUrl).origin;
  switch (cms) {
    case 'idox_kb5': {
      const dir = kb5DirectoryOf(pageUrl) ?? reading.links.map((l) => kb5DirectoryOf(l.url)).find((d) => d && onOwnSite(d, pageUrl));
      return dir ? [{ url: withQuery(`${dir}results.page`, [['qt', q]]), how: 'kb5 results.page?qt=' }] : [];
    }
    case 'jadu':
      return [{ url: withQuery(`${origin}/site-search/results/`, [['q', q]]), how: 'Jadu /site-search/results/?q=' }];
    case 'localgov_drupal':
    case 'drupal':
      return [{ url: withQuery(`${origin}/search`, [['search_api_fulltext', q]]), how: 'LocalGov Drupal /search?search_api_fulltext=' }];
    case 'wordpress':
      return [{ url: withQuery(`${origin}/`, [['s', q]]), how: 'WordPress /?s=' }];
    default:
      return [];
  }
}

/**
 * Where to ask the site's own search for "short breaks": the page's GET search forms that stay on the site (at
 * most two), else the platform's known search path. Synergy and SharePoint sites get none.
 */
export function siteSearchUrls(reading: PageReading, pageUrl: string, q = SEARCH_QUERY): Array<{ url: string; how: string }> {
  const fromForms = reading.searchForms
    .filter((f) => onOwnSite(f.action, pageUrl))
    .map((f) => ({ url: withQuery(f.action, [...f.hidden, [f.param, q]]), how: `the page's search form (${f.param}=)` }));
  const unique = [...new Map(fromForms.map((s) => [s.url, s])).values()].slice(0, 2);
  return unique.length ? unique : platformSearch(cmsOf(reading.head, pageUrl), pageUrl, reading, q);
}
