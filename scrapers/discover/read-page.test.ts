// Tests for reading a page: title and heading, links canonicalised with their region, search forms, main text.
import { describe, expect, it } from 'vitest';
import { readPage } from './read-page.js';

const URL_ = 'https://www.exampleshire.example/children/index';
const PAGE = `<!doctype html><html><head><title> Short breaks | Exampleshire </title><link rel="canonical" href="/children/short-breaks#top">
<meta property="og:site_name" content="Exampleshire County Council"></head>
<body class="page">
<header><a href="/">Home</a><form action="/search" method="get"><input type="search" name="search_api_fulltext"><input type="hidden" name="sort" value="relevance"></form>
<form action="/login" method="post"><input type="text" name="user"></form></header>
<nav class="breadcrumb"><a href="/children">Children</a></nav>
<main><h1>Short  breaks</h1><p>About short breaks.</p>
<a href="short-breaks;jsessionid=AB12?utm_source=x">Short breaks</a>
<a href="/statement.pdf"><img src="/i.png" alt="Statement (PDF)"></a>
<div class="result_hit"><header><h3><a href="/kb5/x/y/service.page?id=1&amp;slaction=ADD">A club</a></h3></header></div>
<a href="mailto:x@exampleshire.example">Email</a><script>var x = "short breaks";</script></main>
<footer><a href="https://other.example/a">Partner</a></footer></body></html>`;

describe('readPage', () => {
  const r = readPage(PAGE, URL_);

  it('reads the title, heading, canonical, site name and breadcrumb', () => {
    expect(r).toMatchObject({ title: 'Short breaks | Exampleshire', h1: 'Short breaks', canonical: 'https://www.exampleshire.example/children/short-breaks', siteName: 'Exampleshire County Council', breadcrumb: ['Children'], article: false });
  });

  it('lists links canonicalised, with their text and region; mail links dropped', () => {
    expect(r.links).toEqual([
      { url: 'https://www.exampleshire.example/', text: 'Home', region: 'nav' },
      { url: 'https://www.exampleshire.example/children', text: 'Children', region: 'nav' },
      { url: 'https://www.exampleshire.example/children/short-breaks', text: 'Short breaks', region: 'content' },
      { url: 'https://www.exampleshire.example/statement.pdf', text: 'Statement (PDF)', region: 'content' },
      { url: 'https://www.exampleshire.example/kb5/x/y/service.page?id=1', text: 'A club', region: 'content' },
      { url: 'https://other.example/a', text: 'Partner', region: 'nav' },
    ]);
  });

  it('finds GET search forms with their free-text field', () => {
    expect(r.searchForms).toEqual([{ action: 'https://www.exampleshire.example/search', param: 'search_api_fulltext', hidden: [['sort', 'relevance']] }]);
  });

  it('keeps the main text without scripts', () => {
    expect(r.mainText).toContain('About short breaks.');
    expect(r.mainText).not.toContain('var x');
  });

  it('knows a news article by its body class', () => {
    expect(readPage('<html><body class="post-template-default single single-post"><h1>x</h1></body></html>', URL_).article).toBe(true);
  });
});
