// Tests for canonical candidate URLs and which hosts are the council's own. Every URL here is made up.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, isCouncilLikeHost, onOwnSite, pageKey, registrableDomain } from './canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    ['kb5 session id in the path', 'https://LocalOffer.Exampleshire.gov.uk/kb5/exampleshire/directory/site.page;jsessionid=8F3A0C1D2E?id=Sh0rtBr3ak1', 'https://localoffer.exampleshire.gov.uk/kb5/exampleshire/directory/site.page?id=Sh0rtBr3ak1'],
    ['kb5 session id upper case, on a directory path', 'https://x.example/kb5/ex/dir;JSESSIONID=AB12/home.page', 'https://x.example/kb5/ex/dir/home.page'],
    ['kb5 shortlist action', 'https://x.example/kb5/ex/directory/service.page?id=Ex4mPleSat1&slaction=ADD', 'https://x.example/kb5/ex/directory/service.page?id=Ex4mPleSat1'],
    ['tracking parameters and the fragment', 'https://www.exampleshire.gov.uk/short-breaks?utm_source=news&utm_medium=email&gclid=x#eligibility', 'https://www.exampleshire.gov.uk/short-breaks'],
    ['default port', 'https://www.exampleshire.gov.uk:443/a', 'https://www.exampleshire.gov.uk/a'],
    ['other parameters kept in order', 'https://x.example/results.page?localofferchannel=2_8&sr=10', 'https://x.example/results.page?localofferchannel=2_8&sr=10'],
    ['WordPress ?p=N kept', 'http://marshby.example/?p=42&utm_campaign=x', 'http://marshby.example/?p=42'],
    ['a relative link against its page', '../short-breaks', 'https://www.exampleshire.gov.uk/short-breaks'],
  ])('%s', (_name, href, want) => {
    expect(canonicalUrl(href, 'https://www.exampleshire.gov.uk/children/index')).toBe(want);
  });

  it.each(['mailto:sb@exampleshire.example', 'javascript:void(0)', 'tel:01632960000', 'ftp://x.example/a', '/logo.png', '/forms/apply.docx', 'http://[bad'])('drops %s', (href) => {
    expect(canonicalUrl(href, 'https://www.exampleshire.gov.uk/')).toBeUndefined();
  });

  it('keeps PDFs (a statement may be one)', () => {
    expect(canonicalUrl('/media/123/short-breaks-statement.pdf', 'https://www.exampleshire.gov.uk/')).toBe('https://www.exampleshire.gov.uk/media/123/short-breaks-statement.pdf');
  });
});

describe('pageKey', () => {
  it('ignores a trailing slash except on the root', () => {
    expect(pageKey('https://x.example/short-breaks/')).toBe(pageKey('https://x.example/short-breaks'));
    expect(pageKey('https://x.example/')).toBe('https://x.example/');
  });
});

describe('own site', () => {
  it.each([
    ['localoffer.exampleshire.gov.uk', 'exampleshire.gov.uk'],
    ['www.exampleshire.gov.uk', 'exampleshire.gov.uk'],
    ['fsd.exampleshire.org.uk', 'exampleshire.org.uk'],
    ['www.marshby.example', 'marshby.example'],
    ['127.0.0.1', '127.0.0.1'],
  ])('registrable domain of %s is %s', (host, want) => expect(registrableDomain(host)).toBe(want));

  it('counts subdomains of the council domain as its own, not another council or another port of an address', () => {
    const site = 'https://www.exampleshire.gov.uk/';
    expect(onOwnSite('https://localoffer.exampleshire.gov.uk/kb5/x/y/home.page', site)).toBe(true);
    expect(onOwnSite('https://www.otherborough.gov.uk/short-breaks', site)).toBe(false);
    expect(onOwnSite('https://exampleshire.gov.uk.mirror.example/short-breaks', site)).toBe(false);
    expect(onOwnSite('http://127.0.0.1:4001/a', 'http://127.0.0.1:4001/')).toBe(true);
    expect(onOwnSite('http://127.0.0.1:4002/a', 'http://127.0.0.1:4001/')).toBe(false);
  });

  it('knows a council-like host', () => {
    expect(isCouncilLikeHost('https://www.otherborough.gov.uk/x')).toBe(true);
    expect(isCouncilLikeHost('https://shortbreaks-info.example/x')).toBe(false);
  });
});
