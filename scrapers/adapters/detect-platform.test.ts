// Platform detection from a URL alone and from a fetched page.
import { describe, expect, it } from 'vitest';
import { detectFromPage, detectFromUrl } from './detect-platform.js';

describe('detectFromUrl', () => {
  it.each([
    ['https://fish.hants.gov.uk/kb5/hampshire/directory/service.page?id=D3n4HxtKPow', 'idox_kb5', 'directory'],
    ['https://fisonline.lancashire.gov.uk/SynergyWeb/', 'servelec_synergy', 'directory'],
    ['https://bristol.openplace.directory/o/ServiceDirectoryService/v2/services', 'placecube', 'oruk_feed'],
    ['https://api.familyinfo.buckinghamshire.gov.uk/api/v1/services', 'outpost', 'oruk_feed'],
    ['https://openreferral.localgovdrupal.org/openreferral/v1/services', 'oruk_v1', 'oruk_feed'],
    ['https://www.rotherham.gov.uk/directory/197/childcare', 'jadu', 'directory'],
    ['https://council.example/directory-record/1234/saturday-club', 'jadu', 'directory'],
    ['https://www.example.gov.uk/docs/short-breaks-statement-2024.pdf', 'pdf', 'pdf'],
    ['https://www.warwickshire.gov.uk/special-educational-needs-disabilities-send/short-breaks-statement/7', 'plain_html', 'statement'],
    ['https://directory.southampton.gov.uk/api/services', 'oruk_v3', 'oruk_feed'],
    ['https://barnsley.cloud.servelec-synergy.com/Synergy/Local_Offer/ShortBreaks.aspx', 'servelec_synergy', 'local_offer_page'],
    ['https://fis.example.gov.uk/Directory/Enquiries/Search.aspx?searchID=226', 'servelec_synergy', 'directory'],
    ['https://fis.example.gov.uk/Directory/Enquiries/Search.aspx?BX=1042&AY=1', 'servelec_synergy', 'directory'],
    ['https://hull.mylocaloffer.org/social-care/children-and-families/short-breaks/', 'pcg', 'local_offer_page'],
    ['https://wakefield.mylocaloffer.org/services/4321', 'pcg', 'directory'],
    ['http://hull.mylocaloffer.org/s4s/WhereILive/Council?pageId=4221', 'pcg', 'local_offer_page'],
    ['https://www.shortbreaks4me.co.uk/s4s/WhereILive/Council?pageId=3202', 'pcg', 'local_offer_page'],
    ['https://www.westberks.example/api/s4s-advanced-search/directory-search/get-list?searchParams=%7B%7D', 'pcg', 'directory'],
    ['https://lgaapi.connecttosupport.org/services', 'pcg', 'oruk_feed'],
  ])('%s -> %s', (url, platform, kind) => {
    expect(detectFromUrl(url)).toMatchObject({ platform, kind });
  });

  it('says nothing about an ordinary page or a non-URL', () => {
    expect(detectFromUrl('https://www.example.gov.uk/children/send')).toBeUndefined();
    expect(detectFromUrl('not a url')).toBeUndefined();
  });
});

describe('detectFromPage', () => {
  const page = (text: string, contentType = 'text/html', url = 'https://council.example/page') => ({ url, contentType, text });
  it('reads feeds by their fields', () => {
    expect(detectFromPage(page('{"content":[{"id":1,"organisation":{},"send_needs":[]}]}', 'application/json')).platform).toBe('outpost');
    expect(detectFromPage(page('{"totalElements":243,"content":[{"pc_metadata":{}}]}', 'application/json')).platform).toBe('placecube');
    expect(detectFromPage(page('{"total_pages":3,"contents":[]}', 'application/json')).platform).toBe('oruk_v3');
    expect(detectFromPage(page('{"totalElements":3,"content":[]}', 'application/json')).platform).toBe('oruk_v1');
  });
  it('reads directories by their markup', () => {
    expect(detectFromPage(page('<div id="resultHitContainer"><div class="result_hit"><a href="service.page?id=abc">x</a>')).platform).toBe('idox_kb5');
    expect(detectFromPage(page('<article class="node--type-localgov-directories-venue">')).platform).toBe('localgov_drupal');
    expect(detectFromPage(page('<meta name="generator" content="Jadu ContinuumCMS">')).platform).toBe('jadu');
  });
  it('reads Synergy and PCG by their markup and answers', () => {
    expect(detectFromPage(page('<div id="details-card-provider-1042" class="details-card">'))).toMatchObject({ platform: 'servelec_synergy', kind: 'directory' });
    const aspnet = '<form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x" /><link href="/Synergy/SynergyWeb/site.css">';
    expect(detectFromPage(page(aspnet))).toMatchObject({ platform: 'servelec_synergy', kind: 'directory' });
    expect(detectFromPage(page(`${aspnet}<a href="/Synergy/Local_Offer/Health.aspx">Health</a>`))).toMatchObject({ platform: 'servelec_synergy', kind: 'local_offer_page' });
    expect(detectFromPage(page('{"pageItems":[{"id":1}],"totalPages":3}', 'application/json'))).toMatchObject({ platform: 'pcg', kind: 'directory' });
    expect(detectFromPage(page('{"value":{"pageItems":[],"totalPages":0},"success":true}', 'application/json')).platform).toBe('pcg');
    expect(detectFromPage(page('<script>var api = "/api/s4s-advanced-search/directory-search/get-list";</script>')).platform).toBe('pcg');
    // A council page that only links to a PCG site is still an ordinary page.
    expect(detectFromPage(page('<a href="https://hull.mylocaloffer.org/">Local Offer</a>')).platform).toBe('plain_html');
  });
  it('knows a PDF by its bytes, whatever the Content-Type says', () => {
    expect(detectFromPage({ url: 'https://x.example/doc', contentType: 'application/octet-stream', text: undefined, bytes: new TextEncoder().encode('%PDF-1.7') }).platform).toBe('pdf');
  });
  it('calls anything else a plain page, a statement when it says so', () => {
    expect(detectFromPage(page('<h1>Our short breaks statement</h1>'))).toMatchObject({ platform: 'plain_html', kind: 'statement' });
    expect(detectFromPage(page('<h1>Things to do</h1>'))).toMatchObject({ platform: 'plain_html', kind: 'local_offer_page' });
  });
});
