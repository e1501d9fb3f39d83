// The kb5 adapter against the synthetic Exampleshire kb5 site: every field of each service page, both listing
// themes, the landing page and layout changes (the crawl of the whole site is test/crawl/kb5-site.test.ts).
import { offerId } from './offer-builder.js';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageOutput } from './adapter.js';
import { kb5Adapter, kb5PageKind } from './kb5.js';
import { ageRange, costOf, withSr } from './kb5-fields.js';
import { phonesOf } from '../../src/text/contacts.js';
import { findPostcode } from '../../src/text/postcodes.js';
import {
  COUNCIL_CODE, DIRECTORY, KB5_HOST, LISTING, REDESIGNED_ID, SERVICES, kb5Page, servicePath,
} from '../../test/fixtures/sites/kb5/site.js';

const parse = async (file: string, path: string, host?: string): Promise<PageOutput> => kb5Adapter.parse(kb5Page(file, path, host));

/** Parses one service page and returns its only record. */
async function detail(id: string): Promise<Offer> {
  const out = await parse(`service-${id}.html`, servicePath(id));
  expect(out).toMatchObject({ layout: 'ok', problems: [], links: [] });
  expect(out.records).toHaveLength(1);
  return out.records[0] as Offer;
}

const TERMS = ['localofferchannel=2_8', 'SEND Local Offer', 'Short breaks and leisure activities'];
const KB5_SOURCE = { kind: 'directory', platform: 'idox_kb5' };

describe('kb5 service pages', () => {
  it('Saturday club: #hit-header name, £2 per hour, ages 8-18, venue with "Get directions", Local Offer answers', async () => {
    const o = await detail(SERVICES.saturdayClub);
    expect(o.id).toBe(offerId('kb5', 'E10000017', 'Ex4mPleSat1'));
    expect(o.council_code).toBe(COUNCIL_CODE);
    expect(o.name).toBe('Sparkle Saturday Club');
    expect(o.description).toBe(
      'Sparkle Saturday Club is a fun, safe club for disabled children and young people aged 8 to 18 who live in Exampleshire.\n' +
        'Activities include arts and crafts, sensory play, cooking, music and trips out. Staff are trained in moving and handling, PEG feeding and epilepsy care.\n' +
        '1:1 and 2:1 support available\nChanging Places toilet on site\n' +
        'What does your service do? We run a Saturday club with play, crafts and outings.\n' +
        'Who does your service provide for? Disabled children and young people aged 8 to 18 and their families.',
    );
    expect(o.provider).toBe('Exampleshire Play Partnership (synthetic)');
    expect(o.contact).toEqual({
      phone: '01632 960118',
      email: 'sparkle@exampleshire-play.example',
      url: 'https://www.exampleshire-play.example/clubs/sparkle-saturday-club', // the href, not the cut-short link text
      address: 'Brookfield Special School (synthetic), Mill Lane, Exampleton, Exampleshire, ZZ1 4AB',
    });
    expect(o.postcode).toBe('ZZ1 4AB');
    expect(o.schedule).toBe('Term time only; Saturday 10:00-15:00');
    expect(o.eligibility).toBe('Places must be booked in advance; no referral needed');
    expect([o.age_min, o.age_max, o.age_note]).toEqual([8, 18, undefined]);
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }], note: '£2 per hour' });
    expect(o.source_terms).toEqual(TERMS);
    expect(o.evidence_quote).toMatch(/^Sparkle Saturday Club: Sparkle Saturday Club is a fun, safe club for disabled children/);
    expect(o.source).toEqual({ url: KB5_HOST + servicePath(SERVICES.saturdayClub), ...KB5_SOURCE });
    expect(o).toMatchObject({ origin: 'scraped', retrieved: '2025-11-22', published: null, confidence: 0.8 });
  });

  it('holiday play scheme: portal-name h1 skipped, mojibake repaired, "£5 per session", ages 5-19, five schedule rows', async () => {
    const o = await detail(SERVICES.holidayScheme);
    expect(o.name).toBe('Exampleton Holiday Play Scheme');
    expect(o.description).toBe(
      'Our holiday play scheme offers children’s activities in the Easter, summer and October holidays for children and young people aged 5 to 19 with additional needs.\n' +
        'There is a sensory room, a soft play area and a large outdoor space. Lunch is provided.',
    );
    expect(o.provider).toBe('Exampleton Leisure Trust (synthetic)');
    expect(o.contact).toEqual({
      phone: '01632 960245',
      email: 'playscheme@exampleton-leisure.example',
      url: 'https://www.exampleton-leisure.example/holiday-play-scheme?utm_source=localoffer',
      address: 'Exampleton Leisure Centre (synthetic), Station Road, Exampleton, ZZ1 7QP',
    });
    expect(o.postcode).toBe('ZZ1 7QP'); // published as "zz1 7qp"
    expect(o.schedule).toBe(
      'Easter, summer and October half-term holidays; Monday 09:30-15:30, Tuesday 09:30-15:30, Wednesday 09:30-15:30, Thursday 09:30-15:30, Friday 09:30-13:00',
    );
    expect(o.eligibility).toBe('Open to children who hold an Exampleshire Short Breaks Card; Referral required: No');
    expect([o.age_min, o.age_max]).toEqual([5, 19]);
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 5, per: 'session' }], note: '£5 per session' });
    expect(o.source_terms).toEqual(TERMS);
    expect(o.evidence_quote).toMatch(/^Exampleton Holiday Play Scheme: Our holiday play scheme offers children’s activities/);
    expect(o.source.url).toBe(KB5_HOST + servicePath(SERVICES.holidayScheme));
  });

  it('home sitting: free ("Fees"), duplicated phone spans once, no venue, a sub-category from the breadcrumb', async () => {
    const o = await detail(SERVICES.homeSitting);
    expect(o.name).toBe('Home Sitting Service');
    expect(o.description).toBe(
      'Trained sitters look after your disabled child in your own home for up to four hours at a time, so that parents and carers can have a break.\n' +
        'Sitters can help with personal care, medication and play.',
    );
    expect(o.provider).toBe('Exampleshire Carers Support (synthetic)');
    expect(o.contact).toEqual({ phone: '01632 960377', email: 'sitting@carers-support.example' });
    expect(o.postcode).toBeUndefined();
    expect(o.schedule).toBe('Flexible, arranged with each family, including evenings and weekends');
    expect(o.eligibility).toBe('Families need a short breaks assessment from the Children with Disabilities Team');
    expect([o.age_min, o.age_max]).toEqual([0, 17]);
    expect(o.cost).toEqual({ status: 'free', charges: [], note: 'Free - there is no charge to families' });
    expect(o.source_terms).toEqual([...TERMS, 'Home-based short breaks']);
    expect(o.evidence_quote).toMatch(/^Home Sitting Service: Trained sitters look after/);
    expect(o.source.url).toBe(KB5_HOST + servicePath(SERVICES.homeSitting));
  });

  it('youth club: labels with trailing colons, ages 11-25, £3 per session, two phones', async () => {
    const o = await detail(SERVICES.youthClub);
    expect(o.name).toBe('Friday Night Youth Club');
    expect(o.description).toBe(
      'An inclusive youth club for young people aged 11 to 25 with special educational needs and disabilities.\nGames, music, a tuck shop and a quiet room.',
    );
    expect(o.provider).toBe('Sampleford Youth Project (synthetic)');
    expect(o.contact).toEqual({
      phone: '01632 960501, 07700 900123',
      email: 'fridays@sampleford-youth.example',
      url: 'https://sampleford-youth.example/',
      address: 'The Old Fire Station Youth Centre (synthetic), 12 High Street, Sampleford, ZZ3 9XY',
    });
    expect(o.postcode).toBe('ZZ3 9XY');
    expect(o.schedule).toBe('Friday 18:30-21:00');
    expect(o.eligibility).toBeUndefined();
    expect([o.age_min, o.age_max]).toEqual([11, 25]);
    expect(o.cost).toEqual({
      status: 'charged',
      charges: [{ amount_gbp: 3, per: 'session' }],
      note: '£3 per session, payable on the night. Bring money for the tuck shop.',
    });
    expect(o.source_terms).toEqual([...TERMS, 'Youth clubs']);
    expect(o.evidence_quote).toMatch(/^Friday Night Youth Club: An inclusive youth club/);
    expect(o.source.url).toBe(KB5_HOST + servicePath(SERVICES.youthClub));
  });

  it('buddy scheme: an "undefined" description is missing, the Local Offer answers become the description', async () => {
    const o = await detail(SERVICES.buddyScheme);
    expect(o.name).toBe('Friends Together Buddy Scheme');
    expect(o.description).not.toMatch(/undefined/);
    expect(o.description).toBe(
      'What does your service do? We match young people with a trained volunteer buddy who shares their interests, for trips to the cinema, sport or cafes.\n' +
        'Who does your service provide for? Young people aged 14 to 25 with a learning disability or autism.\n' +
        'How can I access the service? Families or young people can refer themselves by phone or e-mail.',
    );
    expect(o.provider).toBe('Exampleshire Friends Together (synthetic)');
    expect(o.contact).toEqual({ phone: '01632 960660', email: 'buddies@friends-together.example', url: 'https://friends-together.example/buddies' });
    expect(o.postcode).toBeUndefined();
    expect(o.schedule).toBeUndefined();
    expect([o.age_min, o.age_max]).toEqual([14, 25]);
    expect(o.cost).toEqual({ status: 'unknown', charges: [], note: 'Please contact us for details' });
    expect(o.source_terms).toEqual(TERMS);
    expect(o.evidence_quote).toMatch(/^Friends Together Buddy Scheme: What does your service do\? We match young people/);
    expect(o.source.url).toBe(KB5_HOST + servicePath(SERVICES.buddyScheme));
  });
});

describe('kb5 listings', () => {
  it('old theme, first page: ten basic records, a detail link for each, the next page at sr=10', async () => {
    const out = await parse('results-bs3-sr0.html', LISTING.sr0);
    expect(out.layout).toBe('ok');
    expect(out.problems).toEqual([]);
    expect(out.records).toHaveLength(10);
    const details = out.links.filter((l) => l.label === 'detail');
    expect(details).toHaveLength(10);
    expect(details[0]).toEqual({ url: KB5_HOST + servicePath(SERVICES.saturdayClub), label: 'detail' });
    expect(out.links.filter((l) => l.label === 'list')).toEqual([{ url: KB5_HOST + LISTING.sr10, label: 'list' }]);

    const [sat, holiday, sitting, youth, buddy] = out.records as Offer[];
    expect(sat).toMatchObject({
      id: offerId('kb5', 'E10000017', 'Ex4mPleSat1'), // the same id as the service page's record, which later replaces it
      name: 'Sparkle Saturday Club',
      description: 'A fun, safe Saturday club for disabled children and young people aged 8 to 18.',
      postcode: 'ZZ1 4AB',
      contact: {
        phone: '01632 960118',
        email: 'sparkle@exampleshire-play.example',
        url: 'https://www.exampleshire-play.example/clubs/sparkle-saturday-club',
        address: 'Brookfield Special School (synthetic), Mill Lane, Exampleton, ZZ1 4AB',
      },
      source_terms: TERMS,
      source: { url: KB5_HOST + LISTING.sr0, ...KB5_SOURCE },
      confidence: 0.6,
    });
    expect(holiday!.description).toBe('Holiday play for children’s groups aged 5 to 19 with additional needs.');
    expect(sitting!.contact).toEqual({ phone: '01632 960377', email: 'sitting@carers-support.example' });
    expect(youth).toMatchObject({ name: 'Friday Night Youth Club', description: 'An inclusive youth club for young people aged 11 to 25.', postcode: 'ZZ3 9XY' });
    expect(buddy!.description).toBeUndefined();
    expect(buddy!.evidence_quote).toBe('Friends Together Buddy Scheme');
  });

  it('old theme, last page: three records and no next page', async () => {
    const out = await parse('results-bs3-sr10.html', LISTING.sr10);
    expect(out.layout).toBe('ok');
    expect((out.records as Offer[]).map((r) => r.name)).toEqual(['Family Link Carers', 'Short Breaks Direct Payments', 'Little Stars Toy Library']);
    expect(out.links.map((l) => l.label)).toEqual(['detail', 'detail', 'detail']);
    expect(out.links[2]!.url).toBe(KB5_HOST + servicePath(REDESIGNED_ID));
  });

  it('new theme: all 13 hits, contacts from the icon buttons, no next page', async () => {
    const out = await parse('results-bs5.html', LISTING.newTheme);
    expect(out.layout).toBe('ok');
    expect(out.records).toHaveLength(13);
    expect(out.links).toHaveLength(13);
    expect(out.links.every((l) => l.label === 'detail' && l.url.startsWith(`${KB5_HOST}/kb5/exampleshire/fsd/service.page?id=`))).toBe(true);
    const sat = out.records[0] as Offer;
    expect(sat).toMatchObject({
      id: offerId('kb5', 'E10000017', 'Ex4mPleSat1'),
      name: 'Sparkle Saturday Club',
      description: 'A fun, safe Saturday club for disabled children and young people aged 8 to 18.',
      postcode: 'ZZ1 4AB',
      contact: { phone: '01632 960118', email: 'sparkle@exampleshire-play.example', url: 'https://www.exampleshire-play.example/clubs/sparkle-saturday-club' },
      source_terms: TERMS,
      source: { url: KB5_HOST + LISTING.newTheme },
    });
    expect((out.records[4] as Offer).description).toBeUndefined(); // "undefined"
  });

  it('new theme: the next page is the smallest data-sr above the current one, other params kept', async () => {
    const page = kb5Page('results-bs5.html', LISTING.newTheme);
    page.text = page.text!.replace('data-sr="0">1</a></li>', 'data-sr="0">1</a></li><li class="page-item"><a class="page-link" href="#" data-sr="40">3</a></li><li class="page-item"><a class="page-link" href="#" data-sr="20">2</a></li>');
    const out = await kb5Adapter.parse(page);
    expect(out.links.filter((l) => l.label === 'list')).toEqual([{ url: `${KB5_HOST}/kb5/exampleshire/fsd/results.page?localofferchannel=2_8&sr=20&nh=20`, label: 'list' }]);
  });

  it('an empty search that says "no results" is a normal page with nothing in it', async () => {
    expect(await parse('results-no-results.html', LISTING.noResults)).toEqual({ records: [], links: [], layout: 'ok', problems: [] });
  });
});

describe('kb5 landing page', () => {
  it('follows the short breaks category tile only', async () => {
    const out = await parse('localoffer.html', LISTING.landing);
    expect(out).toEqual({
      records: [],
      links: [{ url: `${KB5_HOST}${DIRECTORY}results.page?localofferchannel=2_8`, label: 'list' }],
      layout: 'ok',
      problems: [],
    });
  });

  it('follows every category when none is about short breaks', async () => {
    const page = kb5Page('localoffer.html', LISTING.landing);
    page.text = page.text!.replace(/Short breaks and leisure activities/g, 'Out and about');
    const out = await kb5Adapter.parse(page);
    expect(out.links).toHaveLength(8);
    expect(out.links.every((l) => l.label === 'list')).toBe(true);
  });
});

describe('kb5 layout changes', () => {
  it('a redesigned service page is a layout change naming the missing sections', async () => {
    const out = await parse('redesigned-service.html', servicePath(REDESIGNED_ID));
    expect(out.layout).toBe('changed');
    expect(out.records).toEqual([]);
    expect(out.problems[0]).toMatch(/no kb5 service sections \(section\.service_description/);
  });

  it('a results page without a results list (and no "no results" message) is a layout change', async () => {
    const out = await parse('redesigned-service.html', LISTING.sr0);
    expect(out.layout).toBe('changed');
    expect(out.problems[0]).toMatch(/no results list \(#resultHitContainer div\.result_hit or ol\.results-list > li\)/);
  });

  it('a landing page without category blocks is a layout change', async () => {
    const out = await parse('redesigned-service.html', LISTING.landing);
    expect(out.layout).toBe('changed');
    expect(out.problems[0]).toMatch(/no category blocks/);
  });

  it('reads breadcrumbs and #hit-header placed before #main_content (the part of a page it otherwise skips)', async () => {
    const page = kb5Page(`service-${SERVICES.youthClub}.html`, servicePath(SERVICES.youthClub));
    const html = page.text!;
    const crumbs = html.slice(html.indexOf('<ol class="breadcrumb">'), html.indexOf('</ol>', html.indexOf('<ol class="breadcrumb">')) + 5);
    const header = '<div id="hit-header" class="hit-header">\n        <h1>Friday Night Youth Club</h1>\n      </div>';
    expect(html).toContain(header);
    page.text = html.replace(crumbs, '').replace(header, '').replace('<div id="main_content"', `${crumbs}<div id="hit-header"><h1>Friday Night Youth Club</h1></div><div id="main_content"`);
    const [o] = (await kb5Adapter.parse(page)).records as Offer[];
    expect(o).toMatchObject({ name: 'Friday Night Youth Club', source_terms: [...TERMS, 'Youth clubs'], age_max: 25 });
  });

  it('a page of no known kind is read by its structure', async () => {
    expect((await parse('service-Ex4mPleSat1.html', `${DIRECTORY}record.page?id=Ex4mPleSat1`)).records).toHaveLength(1);
    expect((await parse('redesigned-service.html', `${DIRECTORY}record.page?id=x`)).layout).toBe('changed');
  });
});

describe('kb5 field readers', () => {
  it('reads page kinds, ages, costs, postcodes, phones and the sr offset', () => {
    expect(['results.page?sr=0', 'service.page?id=x', 'localoffer.page', 'advice.page?id=y'].map((p) => kb5PageKind(`https://h.example/kb5/x/d/${p}`))).toEqual([
      'listing', 'detail', 'landing', 'unknown',
    ]);
    expect(ageRange('0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19')).toEqual({ min: 0, max: 19 });
    expect(ageRange('All ages')).toEqual({ note: 'All ages' });
    expect(costOf('£3 per child per session')).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 3, per: 'session' }] });
    expect(costOf('£10/day or £45 a week')).toMatchObject({ charges: [{ amount_gbp: 10, per: 'day' }, { amount_gbp: 45, per: 'week' }] });
    expect(costOf('£5 and upwards')).toEqual({ status: 'charged', charges: [], note: '£5 and upwards' });
    expect(costOf('Free of charge').status).toBe('free');
    expect(costOf('undefined')).toEqual({ charges: [] });
    expect(findPostcode('zz1 7qp Get directions')).toBe('ZZ1 7QP');
    expect(phonesOf(['01632 960377', '01632 960377'])).toBe('01632 960377');
    expect(withSr('https://h.example/kb5/x/d/results.page?qt=swim&sr=0&nh=10', 10)).toBe('https://h.example/kb5/x/d/results.page?qt=swim&sr=10&nh=10');
    expect(withSr('https://h.example/kb5/x/d/results.page?localofferchannel=2_8', 10)).toBe('https://h.example/kb5/x/d/results.page?localofferchannel=2_8&sr=10');
  });
});
