// The Synergy adapter on the synthetic Exampleshire site: Local Offer pages, the search form and result cards with the
// ASP.NET postbacks they ask for (start the search, the next result page), provider details, and what it reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { synergyAdapter } from './synergy.js';

const SITE = new URL('../../test/fixtures/sites/synergy/', import.meta.url);
const ROUTES = JSON.parse(readFileSync(new URL('routes.json', SITE), 'utf8')) as Record<string, string>;
const ORIGIN = 'http://127.0.0.1:8097';
const LO = '/Synergy/Local_Offer/ShortBreaks.aspx';
const SEARCH = '/Synergy/SynergyWeb/Enquiries/Search.aspx';

function pageAt(path: string, text = readFileSync(new URL(ROUTES[path]!, SITE), 'utf8'), finalPath = path): PageInput {
  return {
    url: ORIGIN + path, finalUrl: ORIGIN + finalPath, status: 200, contentType: 'text/html; charset=utf-8', text, bytes: new TextEncoder().encode(text), label: 'entry',
    source: { id: 'src_test', url: ORIGIN + LO, council_code: 'E10000017', kind: 'local_offer_page', platform: 'servelec_synergy', adapter: 'synergy', title: null, notes: null },
    retrieved: '2026-12-04',
  };
}
const parse = async (path: string, text?: string, finalPath?: string) => (await synergyAdapter.parse(pageAt(path, text, finalPath))) as PageOutput;
const offers = (out: PageOutput) => out.records.filter((r): r is Offer => r.kind === 'offer');
const shell = (body: string) =>
  `<!doctype html><html><head><title>Synthetic</title></head><body><form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x" />${body}</form></body></html>`;

describe('Synergy Local Offer pages', () => {
  it('reads the content panel through the statement reader: each named short break with its ages and charges', async () => {
    const out = await parse(LO);
    expect(out).toMatchObject({ layout: 'ok', problems: [] });
    const byName = new Map(offers(out).map((o) => [o.name, o]));
    expect(byName.get('Holiday playscheme')).toMatchObject({
      age_min: 5, age_max: 17, cost: { status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }] },
      source: { url: ORIGIN + LO, kind: 'local_offer_page', platform: 'servelec_synergy' },
    });
    expect(byName.get('Saturday club')).toMatchObject({ age_min: 8, age_max: 18, cost: { status: 'free' } });
    // One information page is not the statement: its silence on complaints or transport is not recorded as a fact.
    expect(out.records.filter((r) => /not-mentioned/.test(r.id))).toEqual([]);
    // The menu of links under "Find out more" is not part of any offer.
    expect(offers(out).some((o) => /Childcare search/.test(o.description ?? ''))).toBe(false);
  });

  it('follows the content panel\'s links: Local Offer pages, short breaks searches and provider details; never the menu, footer or other searches', async () => {
    const out = await parse(LO);
    expect(out.links).toEqual([
      { url: `${ORIGIN}/Synergy/Local_Offer/ShortBreaksTeens.aspx`, label: 'page' },
      { url: `${ORIGIN}${SEARCH}?searchID=226`, label: 'search' },
      { url: `${ORIGIN}${SEARCH}?searchID=227&SearchText=short+breaks`, label: 'search' },
      { url: `${ORIGIN}${SEARCH}?BX=1042&AY=1`, label: 'detail' },
    ]);
  });

  it('a page with no content panel is a layout change', async () => {
    const out = await parse(LO, '<html><body><div id="header"><a href="/Synergy/Local_Offer/Health.aspx">Health</a></div></body></html>');
    expect(out).toMatchObject({ layout: 'changed', records: [] });
    expect(out.problems[0]).toMatch(/content region/);
  });
});

describe('Synergy directory searches', () => {
  it('a search form asks for the postback that starts the search: every field of the form, __EVENTTARGET the StartNextLinkButton', async () => {
    const out = await parse(`${SEARCH}?searchID=226`);
    expect(out).toMatchObject({ layout: 'ok', records: [], problems: [] });
    expect(out.links).toHaveLength(1);
    expect(out.links[0]).toMatchObject({ url: `${ORIGIN}${SEARCH}?searchID=226`, label: 'results' });
    expect([...new URLSearchParams(out.links[0]!.form)]).toEqual([
      ['__EVENTTARGET', 'ctl00$ContentPlaceHolder1$StartNextLinkButton'],
      ['__EVENTARGUMENT', ''],
      ['__VIEWSTATE', 'dDwtMTEzNTc3NjU0Mjt0PDtsPGk8MT47PjtsPHQ8O2w8aTwwPjs+Oz4+Oz4+O2w8U3ludGhldGljPj4='],
      ['ctl00$ContentPlaceHolder1$txtPostcode', ''],
      ['ctl00$ContentPlaceHolder1$ddlRadius', '5'],
      ['__VIEWSTATEGENERATOR', '0A1B2C3D'],
      ['__EVENTVALIDATION', 'c3ludGhldGljLWV2ZW50LXZhbGlkYXRpb24='],
    ]);
  });

  it('a result page: a teaser per card, its detail link, and the postback of the next page only (page 2, not 3 or Next)', async () => {
    const out = await parse(`${SEARCH}?searchID=227&SearchText=short+breaks`);
    expect(out.layout).toBe('ok');
    expect(out.links.slice(0, 3)).toEqual(['1042', '1043', '1044'].map((id) => ({ url: `${ORIGIN}${SEARCH}?BX=${id}&AY=1`, label: 'detail' })));
    expect(out.links[3]).toMatchObject({ url: `${ORIGIN}${SEARCH}?searchID=227&SearchText=short+breaks`, label: 'results' });
    expect(new URLSearchParams(out.links[3]!.form).get('__EVENTTARGET')).toBe('ctl00$ContentPlaceHolder1$topPager$ctl01$ctl02');
    expect(out.links).toHaveLength(4);
    expect(offers(out).map((o) => [o.id, o.name, o.confidence])).toEqual([
      ['synergy:e10000017:1042-1', 'Exampleton Holiday Playscheme', 0.6],
      ['synergy:e10000017:1043-1', 'Riverside Overnight Short Breaks', 0.6],
      ['synergy:e10000017:1044-1', 'Hilltop Sitting Service', 0.6],
    ]);
    expect(offers(out)[2]).toMatchObject({ age_min: 0, age_max: 18, contact: { phone: '01632 960203' }, source: { url: `${ORIGIN}${SEARCH}?BX=1044&AY=1` } });
    expect(out.problems).toEqual([]);
  });

  it('the last result page asks for no further post; a "Next" link is followed when no number follows the current one', async () => {
    const pager = (inner: string) => shell(`<div id="ctl00_topPager">${inner}</div><div id="details-card-provider-1"><h3><a href="Search.aspx?BX=1&amp;AY=1">Club</a></h3></div>`);
    const last = await parse(`${SEARCH}?searchID=227`, pager(`<a href="javascript:__doPostBack('ctl00$topPager$ctl01$ctl01','')">1</a> <span>2</span>`));
    expect(last.links.filter((l) => l.form)).toEqual([]);
    const next = await parse(`${SEARCH}?searchID=227`, pager(`<span>10</span> <a href="javascript:__doPostBack('ctl00$topPager$ctl02$ctl00','')">Next &gt;</a>`));
    expect(new URLSearchParams(next.links.find((l) => l.form)!.form).get('__EVENTTARGET')).toBe('ctl00$topPager$ctl02$ctl00');
  });

  it('a post that brought the form back without cards is a problem, never posted again', async () => {
    const out = (await synergyAdapter.parse({ ...pageAt(`${SEARCH}?searchID=226`), label: 'results' })) as PageOutput;
    expect(out).toMatchObject({ layout: 'ok', links: [], records: [] });
    expect(out.problems).toEqual([expect.stringMatching(/form post to .*searchID=226 brought back no result cards .*__VIEWSTATE.*not posted again/)]);
  });

  it('a search form with no search postback says its results were not reached', async () => {
    const out = await parse(`${SEARCH}?searchID=226`, shell('<p>Search</p>'));
    expect(out.problems).toEqual([expect.stringMatching(/has no search postback .*not reached/)]);
  });

  it('a stale search id that redirects away from Search.aspx is a problem, not a layout change', async () => {
    const out = await parse(`${SEARCH}?searchID=226`, shell('<p>Welcome</p>'), '/Synergy/SynergyWeb/Default.aspx');
    expect(out).toMatchObject({ layout: 'ok', records: [], problems: [expect.stringMatching(/search 226 is stale: .* redirected to .*Default\.aspx/)] });
  });

  it('a search page with neither cards nor an ASP.NET form is a layout change', async () => {
    const out = await parse(`${SEARCH}?searchID=226`, '<html><body><main><h1>Search</h1><p>Try again later.</p></main></body></html>');
    expect(out).toMatchObject({ layout: 'changed', records: [] });
  });
});

describe('Synergy provider details', () => {
  it('th/td fields: ages, cost, contact, postcode, schedule and categories, under the BX-AY id the cards use', async () => {
    const out = await parse(`${SEARCH}?BX=1042&AY=1`);
    expect(out).toMatchObject({ layout: 'ok', problems: [], links: [] });
    expect(offers(out)).toHaveLength(1);
    expect(offers(out)[0]).toMatchObject({
      id: 'synergy:e10000017:1042-1',
      name: 'Exampleton Holiday Playscheme',
      provider: 'Exampleton Play Trust',
      age_min: 5, age_max: 17,
      cost: { status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }] },
      postcode: 'EX1 4PL',
      schedule: 'Monday to Friday, 9am to 4pm, school holidays only',
      contact: { phone: '01632 960201', email: 'play@exampleton.example', url: 'https://play.exampleton.example/', address: 'Exampleton Leisure Centre, Mill Lane, Exampleton' },
      source_terms: ['Short breaks', 'Holiday activities'],
      confidence: 0.8,
    });
  });

  it('dt/dd fields, a free service, the postcode inside the address', async () => {
    const [o] = offers(await parse(`${SEARCH}?BX=1043&AY=1`));
    expect(o).toMatchObject({ id: 'synergy:e10000017:1043-1', age_min: 8, age_max: 18, cost: { status: 'free' }, postcode: 'EX2 7RW' });
  });

  it('repairs mojibake in names and fields', async () => {
    const html = shell('<div id="details-card-provider-7"><h2>Kids\u00e2\u0080\u0099 Club</h2><dl><dt>Cost</dt><dd>\u00c2\u00a35 per session</dd></dl></div>');
    const [o] = offers(await parse(`${SEARCH}?BX=7&AY=2`, html));
    expect(o).toMatchObject({ name: 'Kids’ Club', cost: { charges: [{ amount_gbp: 5, per: 'session' }] } });
  });

  it('a detail with no name or no labelled fields is a layout change', async () => {
    expect(await parse(`${SEARCH}?BX=7&AY=2`, shell('<div id="details-card-provider-7"><p>Nothing here</p></div>'))).toMatchObject({ layout: 'changed' });
    expect(await parse(`${SEARCH}?BX=7&AY=2`, shell('<div id="details-card-provider-7"><h2>Club</h2><p>Nothing here</p></div>'))).toMatchObject({ layout: 'changed' });
  });
});

describe('other Synergy pages', () => {
  it('a home page gives its short breaks searches and Local Offer pages; a page with none is a layout change', async () => {
    const home = shell(
      `<div id="content"><a href="Enquiries/Search.aspx?searchID=226">Short breaks search</a> <a href="Enquiries/Search.aspx?searchID=100">Childcare</a> <a href="../Local_Offer/ShortBreaks.aspx">Local Offer</a></div>`,
    );
    const out = await parse('/Synergy/SynergyWeb/Default.aspx', home);
    expect(out.links).toEqual([
      { url: `${ORIGIN}${SEARCH}?searchID=226`, label: 'search' },
      { url: `${ORIGIN}${LO}`, label: 'page' },
    ]);
    expect(await parse('/Synergy/SynergyWeb/Default.aspx', shell('<p>Nothing</p>'))).toMatchObject({ layout: 'changed' });
  });
});

describe('Synergy pages written other ways', () => {
  it('a detail whose fields are small headings with paragraphs; the content placeholder with the most text wins', async () => {
    const html = shell(
      '<div id="ctl00_ContentPlaceHolderSide"><p>Log in</p></div>' +
        '<div id="ctl00_ContentPlaceHolder1_pnlMain"><h2>Meadow Play Scheme</h2><h3>Age range</h3><p>4 to 11</p><h3>Costs</h3><p>£6 per session</p>' +
        '<h3>Our staff</h3><p>All trained.</p><h3>Contact telephone</h3><p>01632 960999</p></div>',
    );
    const [o] = offers(await parse(`${SEARCH}?BX=55`, html));
    expect(o).toMatchObject({ id: 'synergy:e10000017:55', name: 'Meadow Play Scheme', age_min: 4, age_max: 11, cost: { charges: [{ amount_gbp: 6, per: 'session' }] }, contact: { phone: '01632 960999' } });
  });

  it('a card whose name reads like a field label ("Holiday Days Out") is a name, not a schedule', async () => {
    const html = shell('<div id="details-card-provider-9"><h3>Holiday Days Out</h3><p>Trips for disabled children.</p><a href="Search.aspx?BX=9&amp;AY=1">View</a></div>');
    const [o] = offers(await parse(`${SEARCH}?searchID=227`, html));
    expect(o).toMatchObject({ name: 'Holiday Days Out', description: 'Trips for disabled children.' });
    expect(o!.schedule).toBeUndefined();
  });
});
