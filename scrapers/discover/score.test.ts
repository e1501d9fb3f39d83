// Table-driven tests for candidate scoring: what each rule gives, and the decoys that must never beat the council's
// real short breaks page (HAF, news, consultations, minutes, another council, a spam mirror, gone pages, records,
// recruitment). Every council, host and page here is invented.
import { describe, expect, it } from 'vitest';
import { reasonText, scoreCandidate, type CandidateEvidence, type FetchedFacts } from './score.js';

const SITE = 'https://www.exampleshire.gov.uk/';
const ctx = { site: SITE, ownNames: ['Exampleshire'] };

const page = (title: string, over: Partial<FetchedFacts> = {}): FetchedFacts => ({ status: 200, title, h1: title, breadcrumb: [], article: false, mentions: 0, contentType: 'text/html', ...over });
const ev = (url: string, over: Partial<CandidateEvidence> = {}): CandidateEvidence => ({
  url, linkTexts: [], linkedFrom: 1, fromHome: false, inSitemap: false, inSearch: false, ...over,
});

/** The real page as found with everything in its favour. */
const REAL = ev(`${SITE}children/send-local-offer/short-breaks`, {
  linkTexts: ['Short breaks'], linkedFrom: 2, inSitemap: true, inSearch: true,
  page: page('Short breaks | Exampleshire County Council', { h1: 'Short breaks for disabled children', breadcrumb: ['Home', 'Children', 'SEND Local Offer'], mentions: 8 }),
});
/** The real page found the hard way: one link, no sitemap, no search, no slug in its URL (WordPress ?p=N, kb5 ids). */
const REAL_MINIMAL = ev(`${SITE}?p=42`, { linkTexts: ['Short breaks'], page: page('Short breaks') });

const DECOYS: Array<[string, CandidateEvidence, string]> = [
  ['a HAF programme page', ev(`${SITE}children/holiday-activities-and-food-programme`, {
    linkTexts: ['Holiday activities and food programme (HAF)'], inSitemap: true, inSearch: true,
    page: page('Holiday activities and food (HAF) programme | Exampleshire County Council', { mentions: 3 }),
  }), 'haf'],
  ['a HAF page that says short breaks in its title', ev(`${SITE}haf-short-breaks`, {
    linkTexts: ['HAF short breaks this summer'], page: page('HAF: summer short breaks and activities'),
  }), 'haf'],
  ['a news item', ev(`${SITE}news/2024/03/new-short-breaks-for-summer`, {
    linkTexts: ['New short breaks for summer'], inSitemap: true, inSearch: true,
    page: page('New short breaks for summer | News | Exampleshire County Council', { breadcrumb: ['Home', 'News'], mentions: 6 }),
  }), 'news'],
  ['a blog post known only by its body class', ev(`${SITE}?p=77`, {
    linkTexts: ['Short breaks: what families told us'], page: page('Short breaks: what families told us', { article: true, mentions: 5 }),
  }), 'news'],
  ['a consultation', ev(`${SITE}consultations/short-breaks-statement-consultation`, {
    linkTexts: ['Have your say on short breaks'], inSearch: true, page: page('Short breaks statement consultation', { mentions: 9 }),
  }), 'consultation'],
  ['cabinet minutes', ev('https://democracy.exampleshire.gov.uk/ieListDocuments.aspx?CId=12&MId=345', {
    linkTexts: ['Cabinet minutes: short breaks statement'], page: page('Cabinet 12 March 2024: short breaks statement (minutes)', { mentions: 4 }),
  }), 'minutes'],
  ["another council's page (gov.uk host)", ev('https://www.otherborough.gov.uk/short-breaks', {
    linkTexts: ['Short breaks'], page: page('Short breaks | Otherborough Borough Council', { mentions: 8 }),
  }), 'other_council'],
  ["another council's page, named in its title", ev('https://localoffer.otherborough.example/short-breaks', {
    linkTexts: ['Short breaks in Otherborough'], page: page('Short breaks - Otherborough Local Offer', { mentions: 8 }),
  }), 'other_council'],
  ['a spam mirror copying the page', ev('https://best-short-breaks-info.example/exampleshire/short-breaks', {
    linkTexts: ['Short breaks'], copyOf: REAL.url, page: page('Short breaks | Exampleshire County Council', { mentions: 8 }),
  }), 'copy'],
  ['a 404 with a matching link', ev(`${SITE}short-breaks-old`, { linkTexts: ['Short breaks'], failure: { outcome: 'not_found', reason: 'HTTP 404' } }), 'not_found'],
  ['a 200 page that says not found', ev(`${SITE}short-breaks-2019`, { linkTexts: ['Short breaks'], page: page('Short breaks - Page not found') }), 'not_found'],
  ["one provider's directory record", ev('https://www.exampleshire.gov.uk/kb5/exampleshire/directory/service.page?id=Ex4mPleSat1', {
    linkTexts: ['Sparkle Saturday short breaks club'], inSearch: true, page: page('Sparkle Saturday short breaks club', { mentions: 6 }),
  }), 'record'],
  ['carer recruitment', ev(`${SITE}fostering/become-a-short-breaks-carer`, {
    linkTexts: ['Become a short breaks carer'], page: page('Become a short breaks carer', { mentions: 6 }),
  }), 'jobs'],
];

describe('scoreCandidate: decoys never beat the real page', () => {
  const real = scoreCandidate(REAL, ctx);
  const minimal = scoreCandidate(REAL_MINIMAL, ctx);

  it('the real page scores well and raises no flag', () => {
    expect(real.flags).toEqual([]);
    expect(minimal.flags).toEqual([]);
    expect(real.score).toBeGreaterThan(minimal.score);
    expect(minimal.score).toBeGreaterThanOrEqual(100);
  });

  it.each(DECOYS)('%s ranks below even the minimal real page, flagged', (_name, decoy, flag) => {
    const s = scoreCandidate(decoy, ctx);
    expect(s.flags).toContain(flag);
    expect(s.score).toBeLessThan(minimal.score);
    expect(s.score).toBeLessThan(real.score);
  });
});

describe('scoreCandidate: the rules', () => {
  it.each([
    ['a short breaks statement title beats a short breaks title', ev(`${SITE}a`, { page: page('Short breaks statement 2024') }), ev(`${SITE}b`, { page: page('Short breaks') })],
    ['the own site beats another site for the same page', ev(`${SITE}short-breaks`, { page: page('Short breaks') }), ev('https://shortbreaks-directory.example/short-breaks', { page: page('Short breaks') })],
    ['a subdomain of the council is its own site', ev('https://localoffer.exampleshire.gov.uk/short-breaks', { page: page('Short breaks') }), ev('https://localoffer-exampleshire.example/short-breaks', { page: page('Short breaks') })],
    ['found in search and sitemap beats found once', ev(`${SITE}x`, { page: page('Short breaks'), inSearch: true, inSitemap: true }), ev(`${SITE}y`, { page: page('Short breaks') })],
    ['a short breaks page beats the Local Offer home', ev(`${SITE}short-breaks`, { page: page('Short breaks') }), ev(`${SITE}local-offer`, { page: page('Exampleshire Local Offer'), fromHome: true, linkTexts: ['Local Offer'] })],
    ['read beats unread', ev(`${SITE}short-breaks`, { linkTexts: ['Short breaks'], page: page('Short breaks') }), ev(`${SITE}short-breaks-2`, { linkTexts: ['Short breaks'] })],
  ])('%s', (_name, better, worse) => {
    expect(scoreCandidate(better, ctx).score).toBeGreaterThan(scoreCandidate(worse, ctx).score);
  });

  it('explains every point', () => {
    const s = scoreCandidate(REAL, ctx);
    expect(s.score).toBe(s.reasons.reduce((n, r) => n + r.points, 0));
    expect(reasonText(s.reasons)).toMatch(/^title or heading says short breaks \+ local offer|^title or heading says short breaks/);
    expect(reasonText(s.reasons)).toContain("on the council's own site (+10)");
    expect(reasonText(s.reasons)).toContain("in the site's search results (+5)");
  });

  it.each([
    [ev(`${SITE}media/1/short-breaks-statement.pdf`, { linkTexts: ['Short breaks statement (PDF)'] }), 'pdf'],
    [ev(`${SITE}short-breaks-statement`, { page: page('Short breaks statement') }), 'statement'],
    [ev('https://lo.exampleshire.gov.uk/kb5/exampleshire/directory/localoffer.page?localofferchannel=0', { page: page('Local Offer') }), 'directory'],
    [ev(`${SITE}short-breaks`, { page: page('Short breaks') }), 'local_offer_page'],
  ])('kind of %j is %s', (e, kind) => {
    expect(scoreCandidate(e, ctx).kind).toBe(kind);
  });

  it('a page that names its own council with another is not another council', () => {
    const s = scoreCandidate(ev(`${SITE}x`, { page: page('Short breaks: Exampleshire County Council and Otherborough Borough Council together') }), ctx);
    expect(s.flags).not.toContain('other_council');
  });

  it('a page it could not read keeps its link evidence, marked unverified', () => {
    const s = scoreCandidate(ev(`${SITE}private/short-breaks`, { linkTexts: ['Short breaks'], failure: { outcome: 'blocked_by_robots', reason: 'Disallow: /private/' } }), ctx);
    expect(s.flags).toEqual(['unverified']);
    expect(reasonText(s.reasons)).toContain('not read: Disallow: /private/ (-5)');
  });
});

describe('scoreCandidate: real pages that look a little like decoys', () => {
  it.each([
    ['a statement under council-and-democracy', ev(`${SITE}council-and-democracy/policies/short-breaks-statement`, { page: page('Short breaks statement', { breadcrumb: ['Home', 'Council and democracy', 'Policies'] }) })],
    ['a page whose breadcrumb passes a committee section', ev(`${SITE}children/short-breaks`, { page: page('Short breaks', { breadcrumb: ['Home', 'Schools admissions committee', 'Children'] }) })],
    ['a page on a host with "news" inside a word', ev('https://www.newsomeshire.gov.uk/short-breaks', { page: page('Short breaks') })],
  ])('%s carries no decoy flag', (_name, e) => {
    expect(scoreCandidate(e, { site: e.url, ownNames: ['Exampleshire'] }).flags).toEqual([]);
  });
});
