// Servelec Synergy searches end to end: the crawler makes the ASP.NET postbacks a browser makes (start the search, then
// each next result page of its topPager) on the synthetic Exampleshire site over loopback, and stores every provider
// once; a refused postback, the cap on result pages, robots.txt and another host stop it, each said on its page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedAdapters } from '../../scrapers/adapters/all.js';
import type { PageEvent } from '../../scrapers/crawl/crawler.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';
import { SEARCH, SEARCHES, START, synergySite } from '../support/synergy-site.js';

const FORM = SEARCHES['226']!.path;
const providers226 = SEARCHES['226']!.pages.flat();

describe('Synergy search postbacks', () => {
  let h: Harness;
  let events: PageEvent[];
  beforeEach(async () => {
    h = await startHarness();
    events = [];
  });
  afterEach(() => h.close());

  const scrape = (path = FORM, settings = {}) =>
    h.scrape([], { urls: [{ url: h.server.url + path, councilCode: COUNCIL }], adapters: shippedAdapters(), onPage: (e) => events.push(e), settings });
  const posts = () => h.server.requests.filter((q) => q.method === 'POST');
  const details = () => h.server.requests.filter((q) => q.method === 'GET' && q.path.includes('BX=')).map((q) => q.path);
  const synergyOffers = async () => (await h.store.offersOf(COUNCIL)).filter((o) => o.id.startsWith('synergy:'));

  it('from the search form: the start postback, then pages 2 and 3 by the pager, every detail by GET, every provider stored once', async () => {
    h.server.routes(synergySite());
    const r = await scrape();
    expect(r.status).toBe('completed');
    expect(r.sources[0]).toMatchObject({ adapter: 'synergy', status: 'ok' });

    // Three posts, each to the search's own address, carrying the page's state and the control a browser would click.
    expect(posts().map((q) => q.path)).toEqual([FORM, FORM, FORM]);
    const sent = posts().map((q) => new URLSearchParams(q.body));
    expect(sent.map((f) => f.get('__EVENTTARGET'))).toEqual([START, 'ctl00$ContentPlaceHolder1$topPager$ctl01$ctl02', 'ctl00$ContentPlaceHolder1$topPager$ctl01$ctl03']);
    expect(sent[0]!.get('ctl00$ContentPlaceHolder1$ddlRadius')).toBe('5');
    expect(posts().every((q) => q.headers['content-type'] === 'application/x-www-form-urlencoded')).toBe(true);
    expect(details().sort()).toEqual(providers226.map((p) => `${SEARCH}?BX=${p.id}&AY=1`).sort());
    expect(events.filter((e) => e.item.form !== undefined).map((e) => [e.item.label, e.outcome, e.status])).toEqual([
      ['results', 'ok', 200], ['results', 'ok', 200], ['results', 'ok', 200],
    ]);

    const offers = await synergyOffers();
    expect(offers.map((o) => o.id).sort()).toEqual(providers226.map((p) => `synergy:e10000017:${p.id}-1`).sort());
    // The details replaced the cards' teasers.
    expect(offers.find((o) => o.id === 'synergy:e10000017:2005-1')).toMatchObject({
      name: 'Orchard Sitting Service', confidence: 0.8, age_min: 0, age_max: 18, postcode: 'EX5 5EE',
      cost: { status: 'charged', charges: [{ amount_gbp: 9, per: 'hour' }] }, source: { url: `${h.server.url}${SEARCH}?BX=2005&AY=1`, platform: 'servelec_synergy' },
    });

    // Each result page is its own page in the frontier and among the snapshots: the address plus the hash of its body.
    const frontier = await h.store.crawl.frontierItems(r.runId, 'all');
    const postKeys = frontier.filter((i) => i.form !== undefined).map((i) => i.url);
    expect(new Set(postKeys).size).toBe(3);
    expect(postKeys.every((k) => k.startsWith(`${h.server.url}${FORM}#post-`))).toBe(true);
    const snaps = await h.store.crawl.latestSnapshots({ runId: r.runId });
    expect(snaps.filter((s) => s.url.includes('#post-')).map((s) => s.label)).toEqual(['results', 'results', 'results']);

    // A second run asks the same posts once each again and stores nothing twice.
    const before = h.server.requests.length;
    const again = await scrape();
    expect(again.status).toBe('completed');
    expect(h.server.requests.slice(before).filter((q) => q.method === 'POST')).toHaveLength(3);
    expect((await synergyOffers()).map((o) => o.id).sort()).toEqual(offers.map((o) => o.id).sort());
  });

  it('a result page reached by GET turns its later pages by postback, and the Local Offer page leads to both searches', async () => {
    h.server.routes(synergySite());
    const r = await scrape('/Synergy/Local_Offer/ShortBreaks.aspx');
    expect(r.status).toBe('completed');
    // 226: start, page 2, page 3; 227: page 2, page 3.
    expect(posts().map((q) => q.path).sort()).toEqual([FORM, FORM, FORM, SEARCHES['227']!.path, SEARCHES['227']!.path].sort());
    const ids = (await synergyOffers()).map((o) => o.id);
    for (const p of [...providers226, ...SEARCHES['227']!.pages.flat()]) expect(ids).toContain(`synergy:e10000017:${p.id}-1`);
    expect(ids).toEqual([...new Set(ids)]);
  });

  it('a run stopped between result pages resumes with the posts kept in its frontier, each sent once', async () => {
    h.server.routes(synergySite());
    const stop = new AbortController();
    const first = await h.scrape([], {
      urls: [{ url: h.server.url + FORM, councilCode: COUNCIL }], adapters: shippedAdapters(), signal: stop.signal, settings: { concurrency: 1 },
      onPage: (e) => void (e.item.form !== undefined && stop.abort()),
    });
    expect(first.status).toBe('interrupted');
    expect(posts()).toHaveLength(1);
    const pending = (await h.store.crawl.frontierItems(first.runId, 'pending')).filter((i) => i.form !== undefined);
    expect(pending).toHaveLength(1);
    expect(new URLSearchParams(pending[0]!.form).get('__EVENTTARGET')).toBe('ctl00$ContentPlaceHolder1$topPager$ctl01$ctl02');

    const resumed = await h.scrape([], { resume: true, adapters: shippedAdapters() });
    expect(resumed).toMatchObject({ resumed: true, status: 'completed' });
    expect(posts().map((q) => new URLSearchParams(q.body).get('__EVENTTARGET'))).toEqual([
      START, 'ctl00$ContentPlaceHolder1$topPager$ctl01$ctl02', 'ctl00$ContentPlaceHolder1$topPager$ctl01$ctl03',
    ]);
    expect((await synergyOffers()).map((o) => o.id).sort()).toEqual(providers226.map((p) => `synergy:e10000017:${p.id}-1`).sort());
  });

  it('a postback the server refuses (an expired __VIEWSTATE) is an error naming the page; offers stored before are kept', async () => {
    h.server.routes(synergySite());
    await scrape();
    const stored = (await synergyOffers()).map((o) => o.id).sort();
    expect(stored).toHaveLength(providers226.length);

    h.server.routes(synergySite({ expired: true }));
    events = [];
    const r = await scrape();
    expect(r.status).toBe('completed');
    const refused = events.find((e) => e.item.form !== undefined);
    expect(refused).toMatchObject({ outcome: 'error', status: 400, item: { url: expect.stringContaining(`${FORM}#post-`) } });
    expect(refused!.reason).toMatch(/HTTP 400 answering the form post to http:\/\/127\.0\.0\.1:\d+\/Synergy\/SynergyWeb\/Enquiries\/Search\.aspx\?searchID=226/);
    expect(events).toHaveLength(2); // the form and its refused post: nothing else asked
    await h.store.classification.markDisappeared(r.runId, new Date());
    expect((await synergyOffers()).map((o) => o.id).sort()).toEqual(stored);
  });

  it('a post that brings the form back with no results is said on its page and not posted again', async () => {
    h.server.routes(synergySite());
    const form = formPage();
    h.server.route(FORM, { kind: 'handler', respond: () => ({ kind: 'static', body: form, headers: { 'content-type': 'text/html; charset=utf-8' } }) });
    await scrape();
    expect(posts()).toHaveLength(1);
    expect(events.find((e) => e.item.form !== undefined)).toMatchObject({ outcome: 'ok', reason: expect.stringMatching(/brought back no result cards .*not posted again/) });
  });

  it('stops at the cap on result pages of one search, and says so', async () => {
    h.server.routes(synergySite());
    await scrape(FORM, { maxFormPostsPerSearch: 2 });
    expect(posts()).toHaveLength(2);
    const page2 = events.filter((e) => e.item.form !== undefined)[1];
    expect(page2!.reason).toMatch(/form posts to .*Search\.aspx\?searchID=226 stop at 2 \(the result pages of one search\): the pages after it were not fetched/);
    // Pages 1 and 2 are stored all the same.
    expect(await synergyOffers()).toHaveLength(6);
  });

  it('robots.txt rules on a post as on a GET: a disallowed search address is never posted to', async () => {
    // The form is served at an address robots.txt allows, and posts to Search.aspx, which it disallows.
    h.server.routes(synergySite({ robots: 'User-agent: *\nDisallow: /Synergy/SynergyWeb/Enquiries/Search.aspx\n' }));
    const start = '/Synergy/SynergyWeb/Enquiries/Start.aspx?searchID=226';
    h.server.route(start, { kind: 'static', body: formPage(), headers: { 'content-type': 'text/html; charset=utf-8' } });
    await scrape(start);
    expect(posts()).toEqual([]);
    expect(h.server.requests.filter((q) => q.path.startsWith(SEARCH))).toEqual([]);
    expect(events.find((e) => e.item.form !== undefined)).toMatchObject({ outcome: 'blocked_by_robots', reason: expect.stringMatching(/Disallow: \/Synergy\/SynergyWeb\/Enquiries\/Search\.aspx/) });
  });

  it('a form whose action is on another host is never posted, and the page says why', async () => {
    h.server.routes(synergySite());
    const elsewhere = `http://localhost:${h.server.port}${FORM}`;
    h.server.route(FORM, { kind: 'static', body: formPage().replace(/action="[^"]*"/, `action="${elsewhere}"`), headers: { 'content-type': 'text/html; charset=utf-8' } });
    await scrape();
    expect(posts()).toEqual([]);
    expect(h.server.requests.filter((q) => q.host === 'localhost')).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toMatch(/a form post to http:\/\/localhost:\d+\/.*searchID=226 was not sent: it is on another host than its page \(127\.0\.0\.1:\d+\)/);
  });
});

/** The search form file as served by GET. */
function formPage(): string {
  const site = synergySite();
  const route = site[FORM]!;
  if (route.kind !== 'handler') throw new Error('the search address is a handler');
  const page = route.respond({ method: 'GET', path: FORM, body: '', headers: {} });
  if (page.kind !== 'static') throw new Error('the form is a static page');
  return String(page.body);
}
