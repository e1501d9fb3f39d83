// Tests for reading sitemaps: urlsets, indexes, namespaces, entities and CDATA, and HTML served as a sitemap.
import { describe, expect, it } from 'vitest';
import { readSitemap } from './sitemap.js';

const AT = 'https://www.exampleshire.example/sitemap.xml';

describe('readSitemap', () => {
  it('lists the pages of a urlset, entities decoded', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://www.exampleshire.example/</loc><lastmod>2024-01-01</lastmod></url>
  <url>
    <loc> https://www.exampleshire.example/short-breaks?a=1&amp;b=2 </loc>
  </url>
  <url><loc><![CDATA[https://www.exampleshire.example/local-offer]]></loc></url>
  <url><lastmod>2024-01-01</lastmod></url>
</urlset>`;
    expect(readSitemap(xml, AT)).toEqual({
      kind: 'urlset',
      locs: ['https://www.exampleshire.example/', 'https://www.exampleshire.example/short-breaks?a=1&b=2', 'https://www.exampleshire.example/local-offer'],
    });
  });

  it('lists the nested sitemaps of an index (with a namespace prefix)', () => {
    const xml = `<?xml version="1.0"?><sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
<sm:sitemap><sm:loc>https://www.exampleshire.example/sitemap.xml?page=1</sm:loc></sm:sitemap>
<sm:sitemap><sm:loc>/sitemap-news.xml</sm:loc></sm:sitemap></sm:sitemapindex>`;
    expect(readSitemap(xml, AT)).toEqual({ kind: 'index', locs: ['https://www.exampleshire.example/sitemap.xml?page=1', 'https://www.exampleshire.example/sitemap-news.xml'] });
  });

  it('an HTML page at /sitemap.xml is not a sitemap', () => {
    expect(readSitemap('<!doctype html><html><head><title>Site map</title></head><body><a href="/x">x</a></body></html>', AT)).toEqual({ kind: 'none', locs: [] });
  });
});
