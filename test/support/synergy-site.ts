// The synthetic Exampleshire Synergy directory as a live site: the pages of test/fixtures/sites/synergy by GET, and
// search results only through the ASP.NET postback a browser makes (the __VIEWSTATE, __EVENTVALIDATION,
// __VIEWSTATEGENERATOR and an __EVENTTARGET of the page posted from, else 400), three result pages per search turned
// by topPager postbacks, and every provider's detail by GET. Exampleshire and its providers are invented.
import { readFileSync } from 'node:fs';
import type { Behaviour } from './fixture-server.js';

const DIR = new URL('../fixtures/sites/synergy/', import.meta.url);
const TYPES: Record<string, string> = { '.txt': 'text/plain; charset=utf-8', '.html': 'text/html; charset=utf-8' };
export const SEARCH = '/Synergy/SynergyWeb/Enquiries/Search.aspx';
export const START = 'ctl00$ContentPlaceHolder1$StartNextLinkButton';
const PAGER = 'ctl00$ContentPlaceHolder1$topPager';
const NEXT = `${PAGER}$ctl02$ctl00`;
/** The hidden fields every file of the fixture carries. */
const FILE_STATE = { vs: 'dDwtMTEzNTc3NjU0Mjt0PDtsPGk8MT47PjtsPHQ8O2w8aTwwPjs+Oz4+Oz4+O2w8U3ludGhldGljPj4=', ev: 'c3ludGhldGljLWV2ZW50LXZhbGlkYXRpb24=' };
const GENERATOR = '0A1B2C3D';

const file = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const html = (body: string, status = 200): Behaviour => ({ kind: 'static', body, status, headers: { 'content-type': TYPES['.html']! } });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export interface Provider {
  id: number;
  name: string;
  ages: string;
  cost: string;
  postcode: string;
}

/** Search 226 (a form: every result page needs a post) and search 227 (page 1 by GET, pages 2 and 3 by post). */
export const SEARCHES: Record<string, { path: string; file: string; pages: Provider[][] }> = {
  '226': {
    path: `${SEARCH}?searchID=226`,
    file: 'search-226-form.html',
    pages: [
      [
        { id: 2001, name: 'Exampleshire Adventure Club', ages: '8 to 16 years', cost: '£5 per session', postcode: 'EX3 1AA' },
        { id: 2002, name: 'Brookside Holiday Scheme', ages: '5 to 11 years', cost: '£12 per day', postcode: 'EX3 2BB' },
        { id: 2003, name: 'Moorland Family Link', ages: '0 to 17 years', cost: 'Free', postcode: 'EX4 3CC' },
      ],
      [
        { id: 2004, name: 'Harbour Swimming Sessions', ages: '6 to 18 years', cost: '£3 per session', postcode: 'EX5 4DD' },
        { id: 2005, name: 'Orchard Sitting Service', ages: '0 to 18 years', cost: '£9 per hour', postcode: 'EX5 5EE' },
        { id: 2006, name: 'Hillview Youth Club', ages: '11 to 19 years', cost: '£2 per session', postcode: 'EX6 6FF' },
      ],
      [{ id: 2007, name: 'Lakeside Overnight Breaks', ages: '8 to 18 years', cost: 'Free', postcode: 'EX7 7GG' }],
    ],
  },
  '227': {
    path: `${SEARCH}?searchID=227&SearchText=short+breaks`,
    file: 'search-227-results.html',
    pages: [
      [], // page 1 is the file, reached by GET
      [
        { id: 1045, name: 'Meadow Play Scheme', ages: '4 to 11 years', cost: '£6 per session', postcode: 'EX8 1HH' },
        { id: 1046, name: 'Valley Saturday Club', ages: '7 to 17 years', cost: 'Free', postcode: 'EX8 2JJ' },
        { id: 1047, name: 'Stepping Stones Playgroup', ages: '2 to 5 years', cost: '£4 per session', postcode: 'EX8 3KK' },
      ],
      [
        { id: 1048, name: 'Castle Climbing Club', ages: '10 to 18 years', cost: '£7 per session', postcode: 'EX9 4LL' },
        { id: 1049, name: 'Greenfield Music Sessions', ages: '5 to 19 years', cost: 'Free', postcode: 'EX9 5MM' },
      ],
    ],
  },
};

/** The hidden state of result page `n` (1-based) of a search; page 0 is the GET page. */
const stateOf = (search: string, n: number) =>
  (search === '226' && n === 0) || (search === '227' && n === 1) ? FILE_STATE : { vs: btoa(`synthetic-viewstate:${search}:${n}`), ev: btoa(`synthetic-eventvalidation:${search}:${n}`) };

/** The postback targets page `n` offers, each with the page it leads to. */
function targetsOf(search: string, n: number): Map<string, number> {
  const last = SEARCHES[search]!.pages.length;
  if (n === 0) return new Map([[START, 1]]);
  const out = new Map<string, number>();
  for (let k = 1; k <= last; k++) if (k !== n) out.set(`${PAGER}$ctl01$ctl0${k}`, k);
  if (n < last) out.set(NEXT, n + 1);
  return out;
}

const card = (p: Provider) => `  <div id="details-card-provider-${p.id}" class="details-card">
    <h3><a href="Search.aspx?BX=${p.id}&amp;AY=1">${esc(p.name)}</a></h3>
    <p>Short breaks for disabled children and young people (synthetic).</p>
    <dl><dt>Ages</dt><dd>${esc(p.ages)}</dd></dl>
    <a class="details-link" href="Search.aspx?BX=${p.id}&amp;AY=1">View details</a>
  </div>`;

/** Result page `n` of a search: the 227 file's frame with this page's state, pager and cards. */
export function resultPage(search: string, n: number): string {
  const s = SEARCHES[search]!;
  if (search === '227' && n === 1) return file(s.file);
  const last = s.pages.length;
  const state = stateOf(search, n);
  const pager = [...Array(last).keys()].map((i) => i + 1).map((k) => (k === n ? `<span class="current">${k}</span>` : `<a href="javascript:__doPostBack('${PAGER}$ctl01$ctl0${k}','')">${k}</a>`));
  if (n < last) pager.push(`<a href="javascript:__doPostBack('${NEXT}','')">Next</a>`);
  const panel = `<div id="ctl00_ContentPlaceHolder1_pnlContent" class="results-panel">
  <h1>Short breaks providers</h1>
  <p>Page ${n} of ${last}.</p>
  <div id="ctl00_ContentPlaceHolder1_topPager" class="pager">
    ${pager.join('\n    ')}
  </div>
${s.pages[n - 1]!.map(card).join('\n')}
</div>
<div id="footer">`;
  return file('search-227-results.html')
    .replace(/<div id="ctl00_ContentPlaceHolder1_pnlContent"[\s\S]*?\n<\/div>\n<div id="footer">/, panel)
    .replace(/action="[^"]*"/, `action="./${esc(s.path.slice(s.path.lastIndexOf('/') + 1))}"`)
    .replace(FILE_STATE.vs, state.vs)
    .replace(FILE_STATE.ev, state.ev);
}

/** A provider's detail page: the 1042 file's frame with this provider's fields. */
export function detailPage(p: Provider): string {
  const panel = `<div id="ctl00_ContentPlaceHolder1_pnlContent">
  <div id="details-card-provider-${p.id}" class="details-card details-card--full">
    <h2>${esc(p.name)}</h2>
    <table class="details-table">
      <tr><th>Description</th><td><p>Short breaks for disabled children and young people (synthetic).</p></td></tr>
      <tr><th>Age range</th><td>${esc(p.ages)}</td></tr>
      <tr><th>Cost</th><td>${esc(p.cost)}</td></tr>
      <tr><th>Telephone</th><td>01632 960${String(p.id).slice(-3)}</td></tr>
      <tr><th>Postcode</th><td>${esc(p.postcode)}</td></tr>
    </table>
  </div>
</div>
<div id="footer">`;
  return file('detail-1042-table.html').replace(/<div id="ctl00_ContentPlaceHolder1_pnlContent">[\s\S]*?\n<\/div>\n<div id="footer">/, panel).replace(/Exampleton Holiday Playscheme/g, esc(p.name));
}

export interface SiteOptions {
  /** Every post refused as ASP.NET refuses an expired or tampered __VIEWSTATE (the state issued is no longer valid). */
  expired?: boolean;
  /** robots.txt (default: the fixture's, which disallows only the print view). */
  robots?: string;
}

const refused = (why: string) => html(`<!DOCTYPE html><html><head><title>Runtime Error (synthetic)</title></head><body><h1>Server Error in '/Synergy' Application.</h1><h2><i>${esc(why)}</i></h2></body></html>`, 400);

/** What a search's address answers: its GET page, or the result page a valid postback asks for. */
function searchRoute(search: string, options: SiteOptions): Behaviour {
  const s = SEARCHES[search]!;
  return {
    kind: 'handler',
    respond: ({ method, body, headers }) => {
      if (method !== 'POST') return html(file(s.file));
      if (!String(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return refused('a postback is a form post');
      const form = new URLSearchParams(body);
      if (options.expired) return refused('The state information is invalid for this page and might be corrupted.');
      const from = [...Array(s.pages.length + 1).keys()].find((n) => stateOf(search, n).vs === form.get('__VIEWSTATE'));
      if (from === undefined) return refused('The state information is invalid for this page and might be corrupted.');
      if (form.get('__EVENTVALIDATION') !== stateOf(search, from).ev || form.get('__VIEWSTATEGENERATOR') !== GENERATOR)
        return refused('Invalid postback or callback argument. Event validation is enabled.');
      const to = targetsOf(search, from).get(form.get('__EVENTTARGET') ?? '');
      if (to === undefined) return refused(`Invalid postback or callback argument: no control ${form.get('__EVENTTARGET')} on this page.`);
      return html(resultPage(search, to));
    },
  };
}

/** Every route of the live site: the fixture files, the two searches, and a detail page for each provider of page 2 on. */
export function synergySite(options: SiteOptions = {}): Record<string, Behaviour> {
  const routes = JSON.parse(file('routes.json')) as Record<string, string>;
  const out: Record<string, Behaviour> = Object.fromEntries(
    Object.entries(routes).map(([path, name]) => [path, { kind: 'static', body: file(name), headers: { 'content-type': TYPES[/\.\w+$/.exec(name)![0]]! } } satisfies Behaviour]),
  );
  if (options.robots !== undefined) out['/robots.txt'] = { kind: 'static', body: options.robots, headers: { 'content-type': TYPES['.txt']! } };
  for (const [id, s] of Object.entries(SEARCHES)) {
    out[s.path] = searchRoute(id, options);
    for (const p of s.pages.flat()) out[`${SEARCH}?BX=${p.id}&AY=1`] = html(detailPage(p));
  }
  return out;
}
