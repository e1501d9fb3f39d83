// Tests for the site's own search: the CMS a page shows, search URLs from its form or from the platform's known path.
import { describe, expect, it } from 'vitest';
import { readPage } from './read-page.js';
import { cmsOf, kb5DirectoryOf, siteSearchUrls } from './site-search.js';

const page = (head: string, body = '') => `<!doctype html><html><head><title>x</title>${head}</head><body>${body}</body></html>`;

describe('cmsOf', () => {
  it.each([
    ['https://lo.x.example/kb5/x/directory/home.page', '', 'idox_kb5'],
    ['https://x.example/Synergy/Local_Offer/Default.aspx', '', 'servelec_synergy'],
    ['https://x.example/', '<meta name="generator" content="Jadu CMS">', 'jadu'],
    ['https://x.example/', '<link href="/themes/contrib/localgov_base/css/base.css">', 'localgov_drupal'],
    ['https://x.example/', '<meta name="Generator" content="Drupal 10">', 'drupal'],
    ['https://x.example/', '<link href="/wp-content/themes/a/style.css">', 'wordpress'],
    ['https://x.example/Pages/default.aspx', '<meta name="GENERATOR" content="Microsoft SharePoint">', 'sharepoint'],
    ['https://x.example/', '', 'unknown'],
  ])('%s %s -> %s', (url, head, want) => {
    expect(cmsOf(page(head), url)).toBe(want);
  });
});

describe('siteSearchUrls', () => {
  it("uses the page's own GET search form, hidden fields kept", () => {
    const html = page('', '<form action="/search" method="get"><input type="hidden" name="x" value="1"><input type="search" name="q"></form>');
    expect(siteSearchUrls(readPage(html, 'https://www.x.example/'), 'https://www.x.example/')).toEqual([{ url: 'https://www.x.example/search?x=1&q=short+breaks', how: "the page's search form (q=)" }]);
  });

  it('ignores a form that sends the search to another site', () => {
    const html = page('<meta name="generator" content="Jadu CMS">', '<form action="https://cse.search.example/" method="get"><input name="q"></form>');
    expect(siteSearchUrls(readPage(html, 'https://www.x.example/'), 'https://www.x.example/').map((s) => s.url)).toEqual(['https://www.x.example/site-search/results/?q=short+breaks']);
  });

  it.each([
    ['<link href="/themes/localgov_base/x.css">', 'https://www.x.example/', 'https://www.x.example/search?search_api_fulltext=short+breaks'],
    ['<link href="/wp-content/x.css">', 'https://www.x.example/', 'https://www.x.example/?s=short+breaks'],
    ['', 'https://lo.x.example/kb5/exampleshire/directory/home.page', 'https://lo.x.example/kb5/exampleshire/directory/results.page?qt=short+breaks'],
  ])('falls back to the platform path (%s)', (head, url, want) => {
    expect(siteSearchUrls(readPage(page(head), url), url).map((s) => s.url)).toEqual([want]);
  });

  it('has none for SharePoint or an unknown site without a form', () => {
    expect(siteSearchUrls(readPage(page('<meta content="Microsoft SharePoint">'), 'https://x.example/'), 'https://x.example/')).toEqual([]);
  });

  it('knows the kb5 directory of a URL', () => {
    expect(kb5DirectoryOf('https://lo.x.example/kb5/ex/directory/advice.page?id=1')).toBe('https://lo.x.example/kb5/ex/directory/');
    expect(kb5DirectoryOf('https://x.example/children')).toBeUndefined();
  });
});
