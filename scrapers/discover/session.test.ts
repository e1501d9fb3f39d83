// Tests for one council's discovery session, fed pages by hand (no network): what it asks for next, within its
// limits, and how it merges what it saw into ranked candidates.
import { describe, expect, it } from 'vitest';
import type { PageInput } from '../adapters/adapter.js';
import { DiscoverySession } from './session.js';

const SITE = 'https://www.exampleshire.example/';
const source = { id: 's', url: SITE, council_code: 'E1', kind: 'other' as const, platform: null, title: null, notes: null, adapter: 'discover' };
const page = (url: string, label: string, body: string, over: Partial<PageInput> = {}): PageInput => ({
  url, finalUrl: url, status: 200, contentType: 'text/html', text: `<!doctype html><html><head>${body.startsWith('<title') ? '' : '<title>x</title>'}${body}</body></html>`,
  bytes: new Uint8Array(), label, source, retrieved: '2024-05-01', ...over,
});

describe('DiscoverySession', () => {
  it('starts at the home page, then asks for robots.txt sitemaps (else /sitemap.xml), the search and the links worth it', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE });
    expect(s.seeds()).toEqual([{ url: SITE, label: 'home' }]);
    const links = s.onPage(
      page(SITE, 'home', '<title>Exampleshire County Council</title></head><body><form action="/search"><input name="q"></form>' +
        '<a href="/bins">Bins</a><a href="/children">Children and families</a><a href="/short-breaks#x">Short breaks</a><a href="/local-offer">SEND Local Offer</a>' +
        '<a href="/short-breaks/">Short breaks again</a><a href="/statement.pdf">Short breaks statement (PDF)</a><a href="https://elsewhere.example/x">Sports</a>'),
      [],
    );
    expect(links).toEqual([
      { url: 'https://www.exampleshire.example/sitemap.xml', label: 'sitemap' },
      { url: 'https://www.exampleshire.example/search?q=short+breaks', label: 'search' },
      { url: 'https://www.exampleshire.example/short-breaks', label: 'page' },
      { url: 'https://www.exampleshire.example/local-offer', label: 'page' },
      { url: 'https://www.exampleshire.example/children', label: 'page' },
    ]);
    expect(s.ownNames).toContain('Exampleshire');
    // Nothing is asked for twice, however it is spelt.
    expect(s.onPage(page(`${SITE}children`, 'page', '</head><body><a href="/short-breaks">Short breaks</a><a href="/search?q=short+breaks">Search</a>'))).toEqual([]);
  });

  it('does not follow links below the depth limit, but keeps what they say', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE }, { maxDepth: 1, maxPages: 40, maxOffSite: 8, perPage: 8, maxSitemapDepth: 3 });
    s.seeds();
    s.onPage(page(SITE, 'home', '</head><body><a href="/children">Children</a>'), []);
    expect(s.onPage(page(`${SITE}children`, 'page', '</head><body><a href="/short-breaks">Short breaks</a>'))).toEqual([]);
    expect(s.candidates().map((c) => [c.url, c.reason])).toEqual([[`${SITE}short-breaks`, 'linked as "Short breaks" (+35); URL says short breaks (+15); on the council\'s own site (+10)']]);
  });

  it('says what it saw of a redirected page under the page it led to', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE });
    s.seeds();
    s.onPage(page(SITE, 'home', '</head><body><a href="/sb">Short breaks</a>'), []);
    s.onPage(page(`${SITE}sb`, 'page', '<title>Short breaks</title></head><body><h1>Short breaks</h1>', { finalUrl: `${SITE}children/short-breaks` }));
    const [top] = s.candidates();
    expect(top).toMatchObject({ url: `${SITE}children/short-breaks`, kind: 'local_offer_page', flags: [] });
    expect(top!.reason).toContain('linked as "Short breaks" (+35)');
    expect(top!.reason).toContain('linked from the home page (+5)');
  });

  it('reads a sitemap index and a urlset, marking candidates and asking to read the likeliest', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE });
    s.seeds();
    const index = '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://www.exampleshire.example/s1.xml</loc></sitemap><sitemap><loc>https://www.exampleshire.example/users.xml</loc></sitemap></sitemapindex>';
    expect(s.onPage(page(`${SITE}sitemap.xml`, 'sitemap', '', { text: index, contentType: 'application/xml' }))).toEqual([{ url: `${SITE}s1.xml`, label: 'sitemap' }]);
    const set = `<urlset><url><loc>${SITE}bins</loc></url><url><loc>${SITE}children/short-breaks</loc></url></urlset>`;
    expect(s.onPage(page(`${SITE}s1.xml`, 'sitemap', '', { text: set, contentType: 'application/xml' }))).toEqual([{ url: `${SITE}children/short-breaks`, label: 'page' }]);
    expect(s.candidates()[0]!.reason).toContain('in the sitemap (+3)');
  });

  it('marks a page elsewhere that copies a page on the council site', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE });
    s.seeds();
    const text = Array.from({ length: 12 }, (_, i) => `Short breaks sentence number ${i} says something different about clubs and carers.`).join(' ');
    s.onPage(page(SITE, 'home', `</head><body><a href="/short-breaks">Short breaks</a><a href="https://copy.example/sb">Short breaks</a>`), []);
    s.onPage(page(`${SITE}short-breaks`, 'page', `<title>Short breaks</title></head><body><main><p>${text}</p></main>`));
    s.onPage(page('https://copy.example/sb', 'page', `<title>Short breaks</title></head><body><div>Adverts</div><main><p>${text}</p></main>`));
    const copy = s.candidates().find((c) => c.url === 'https://copy.example/sb')!;
    expect(copy.flags).toEqual(['copy']);
    expect(copy.reason).toContain(`a copy of ${SITE}short-breaks (-80)`);
  });

  it('records a page that is gone, and a home page that failed as a problem', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE });
    s.seeds();
    s.onFailure(SITE, 'home', 'error', 'ECONNREFUSED');
    expect(s.problems).toEqual([`home page ${SITE}: error (ECONNREFUSED)`]);
  });
});

describe('DiscoverySession: redirects', () => {
  it('an old short breaks link redirected to the home page does not make the home page a candidate', () => {
    const s = new DiscoverySession({ councilCode: 'E1', councilName: 'Exampleshire', site: SITE });
    s.seeds();
    s.onPage(page(SITE, 'home', '<title>Exampleshire County Council</title></head><body><a href="/old-short-breaks">Short breaks (old)</a>'), []);
    s.onPage(page(`${SITE}old-short-breaks`, 'page', '<title>Exampleshire County Council</title></head><body><h1>Welcome</h1>', { finalUrl: SITE }));
    expect(s.candidates()).toEqual([]);
  });
});
