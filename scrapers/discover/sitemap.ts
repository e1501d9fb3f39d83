// Reads sitemaps (sitemaps.org 0.9): a urlset's page URLs, or a sitemap index's nested sitemaps.

export interface SitemapContents {
  kind: 'urlset' | 'index' | 'none';
  /** Page URLs (urlset) or sitemap URLs (index), absolute, in file order. */
  locs: string[];
}

/** A sitemap may list at most 50,000 URLs; more than that is not a sitemap we read. */
export const MAX_SITEMAP_LOCS = 50_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(s: string): string {
  return s
    .replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1')
    .replace(/&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name ? ENTITIES[name.toLowerCase()]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
    )
    .trim();
}

/** The URLs a sitemap file lists; `kind: 'none'` when the body is not a sitemap (an HTML page served at /sitemap.xml). */
export function readSitemap(body: string, sitemapUrl: string): SitemapContents {
  const head = body.slice(0, 4000);
  const kind = /<(?:\w+:)?sitemapindex[\s>]/i.test(head) ? 'index' : /<(?:\w+:)?urlset[\s>]/i.test(head) ? 'urlset' : 'none';
  if (kind === 'none') return { kind, locs: [] };
  const entry = kind === 'index' ? 'sitemap' : 'url';
  const block = new RegExp(`<(?:\\w+:)?${entry}[\\s>][\\s\\S]*?</(?:\\w+:)?${entry}>`, 'gi');
  const locs: string[] = [];
  for (const m of body.matchAll(block)) {
    const loc = /<(?:\w+:)?loc>([\s\S]*?)<\/(?:\w+:)?loc>/i.exec(m[0])?.[1];
    if (!loc) continue;
    try {
      const url = new URL(decodeXmlText(loc), sitemapUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') locs.push(url.href);
    } catch {
      // an unreadable <loc>: skipped
    }
    if (locs.length >= MAX_SITEMAP_LOCS) break;
  }
  return { kind, locs };
}
