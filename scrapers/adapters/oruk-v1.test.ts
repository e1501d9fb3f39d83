// The Open Referral UK v1 adapter on the synthetic Placecube-style feed, and the shared ORUK readers it relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { escapeControlChars, nextPageUrl, parseFeedJson, readEnvelope, serviceUrl } from './oruk-common.js';
import { bydayText, costOf, scheduleLine, unitOf, weekdayName } from './oruk-fields.js';
import { orukV1Adapter } from './oruk-v1.js';

const DIR = join(import.meta.dirname, '../../test/fixtures/oruk/synthetic-placecube');
const API = 'https://exampleshire.example/o/ServiceDirectoryService/v2';
const fixture = (file: string) => readFileSync(join(DIR, file), 'utf8');

function pageOf(url: string, text: string, label = 'entry'): PageInput {
  return {
    url, finalUrl: url, status: 200, contentType: 'application/json', text, bytes: new TextEncoder().encode(text), label,
    source: { id: 'src_test', url, council_code: 'E10000017', kind: 'oruk_feed', platform: 'placecube', adapter: 'oruk_v1', title: null, notes: null },
    retrieved: '2026-11-22',
  };
}
type Output = Omit<PageOutput, 'records'> & { records: Offer[] };
const parse = (url: string, text: string) => orukV1Adapter.parse(pageOf(url, text)) as Output;
const offer = (out: Output, id: string) => out.records.find((r) => r.id === `oruk_v1:e10000017:${id}`) as Offer;

describe('oruk_v1 list pages', () => {
  const page1 = parse(`${API}/services?page=1`, fixture('services-page-1.json'));
  const page2 = parse(`${API}/services?page=2`, fixture('services-page-2.json'));

  it('links to every service detail and to the next page', () => {
    expect(page1.layout).toBe('ok');
    expect(page1.links).toEqual([
      { url: `${API}/services/40101`, label: 'detail' },
      { url: `${API}/services/40102`, label: 'detail' },
      { url: `${API}/services/40103`, label: 'detail' },
      { url: `${API}/services?page=2`, label: 'list' },
    ]);
    // page 2 uses `contents` (as the v1 OpenAPI document spells it) and is the last page
    expect(page2.links).toEqual([
      { url: `${API}/services/40104`, label: 'detail' },
      { url: `${API}/services/40105`, label: 'detail' },
    ]);
  });

  it('records the basic list fields so nothing is lost if a detail fails', () => {
    expect(page1.records.map((r) => r.name)).toEqual(['Saturday Club for disabled children', 'Holiday play scheme (Easter and summer)', 'Home sitting service']);
    const club = offer(page1, '40101');
    expect(club.source.url).toBe(`${API}/services?page=1`);
    expect(club.description).toContain('Sessions cost £10 a session');
    expect(club.description).toContain('We don’t turn anyone away');
    expect(club.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 10, per: 'session', note: 'price stated in the description' }] });
    expect(club.source_terms).toEqual(['Disabled People']);
    expect(club.confidence).toBe(0.6);
    const youth = offer(page2, '40104');
    expect(youth.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 2, per: 'session' }], note: '£2 per session' });
    expect(youth.contact).toEqual({ url: 'https://exampleshire.example/youth-club' });
  });

  it('reports the raw control character, enum drift and a blank name per service, keeping the services', () => {
    expect(page1.problems[0]).toMatch(/1 raw control character/);
    expect(page1.problems).toContainEqual(expect.stringMatching(/^service 40101 \("Saturday Club for disabled children"\): .*attending_type "Venue" is not a v1 value/));
    expect(page1.problems).toContainEqual(expect.stringMatching(/^service 40103 .*deliverable_type "1 to 1 support"/));
    expect(page2.problems).toContain('service 40105: has no name');
    expect(offer(page2, '40105').name).toBe('(untitled)');
    expect(page2.records).toHaveLength(2);
  });
});

describe('oruk_v1 detail pages', () => {
  const detail = (id: string) => parse(`${API}/services/${id}`, fixture(`service-${id}.json`));

  it('reads everything a Saturday club publishes', () => {
    const out = detail('40101');
    expect(out.records).toHaveLength(1);
    expect(out.links).toEqual([]);
    const o = out.records[0] as Offer;
    expect(o.id).toBe('oruk_v1:e10000017:40101');
    expect(o.name).toBe('Saturday Club for disabled children');
    expect(o.provider).toBe('Exampleshire Play Association (synthetic)');
    expect(o.description).not.toMatch(/&nbsp;|<p>|data-cke|Â|â€/);
    expect(o.description).toContain('aged 5 to 18. Sessions cost £10 a session');
    expect([o.age_min, o.age_max, o.age_note]).toEqual([5, 18, undefined]);
    expect(o.eligibility).toBe('child; Access: Self referral');
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 10, per: 'session', note: 'Saturday session' }] });
    expect(o.schedule).toBe('Saturday 10:00-15:00');
    expect(o.postcode).toBe('ZX1 1AB');
    expect(o.districts).toEqual(['Exampleton']);
    expect(o.contact).toEqual({
      phone: '01632 960101', email: 'saturday.club@exampleshire.example', url: 'https://exampleshire.example/saturday-club',
      address: 'Exampleton Community Centre, 1 Example Street, Exampleton, ZX1 1AB',
    });
    expect(o.source_terms).toEqual(['Short breaks for disabled children', 'Play and leisure', 'Disabled People']);
    expect(o.evidence_quote).toMatch(/^Saturday Club for disabled children: SYNTHETIC test data/);
    expect(o.source).toEqual({ url: `${API}/services/40101`, kind: 'oruk_feed', platform: 'placecube' });
    expect(o.published).toBe('2024-06-03');
    expect(o.retrieved).toBe('2026-11-22');
    expect(o.confidence).toBe(0.8);
    expect(out.problems).toEqual([expect.stringMatching(/^service 40101 .*deliverable_type "Social activity".*attending_type "Venue".*attending_access "Self referral"/)]);
  });

  it('survives a raw control character and reads named weekdays, BYDAY, two age rows and two places', () => {
    const out = detail('40102');
    expect(out.layout).toBe('ok');
    expect(out.problems).toEqual(['2 raw control character(s) that make the body invalid JSON were escaped or removed']);
    const o = out.records[0] as Offer;
    expect(o.description!.includes('\u0007')).toBe(false);
    expect([o.age_min, o.age_max]).toEqual([4, 25]);
    expect(o.eligibility).toBe('child; teen; Book online from 1 March');
    expect(o.schedule).toBe('Monday 09:30-15:30; Wednesday 09:30-15:30; Tuesday, Thursday 09:30-12:30: Mornings only on Tuesdays and Thursdays');
    expect(o.cost.charges).toEqual([{ amount_gbp: 25, per: 'day', note: 'Day place' }]);
    expect(o.cost.note).toBe('£25 per day; free places for children with a short breaks assessment; Assessed short breaks place Free with a short breaks assessment');
    expect(o.postcode).toBe('ZX1 4EF');
    expect(o.districts).toEqual(['Exampleton', 'Northby']);
    expect(o.source_terms).toEqual(['Holiday activities', 'Disabled People', 'Sensory Impaired', 'Disabled children']);
    expect(o.provider).toBe('Exampleshire County Council (synthetic)');
  });

  it('reads the schema spellings (eligibilities, service_taxonomies), weekday numbers and a monthly rule; reports an age above 25', () => {
    const out = detail('40103');
    const o = out.records[0] as Offer;
    expect([o.age_min, o.age_max, o.age_note]).toEqual([0, undefined, 'published ages 0 to 30']);
    expect(out.problems[0]).toMatch(/^service 40103 \("Home sitting service"\): .*maximum_age 30 is outside the 0-25 integer range/);
    expect(o.schedule).toBe('Wednesday 18:00-22:00; Friday 18:00-22:00; first Saturday 10:00-16:00 (monthly): Daytime sits on the first Saturday of the month');
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 8, per: 'hour', note: 'price stated in the description' }] });
    expect(o.source_terms).toEqual(['Sitting and befriending', 'Disabled People']);
    expect(o.postcode).toBeUndefined();
    expect(o.contact).toEqual({ phone: '01632 960103', email: 'sitting@exampleshire.example' });
  });

  it('gives the list record and the detail record of a service the same id', () => {
    const list = parse(`${API}/services?page=1`, fixture('services-page-1.json'));
    for (const id of ['40101', '40102', '40103']) expect(detail(id).records[0]!.id).toBe(offer(list, id).id);
  });
});

describe('oruk_v1 on broken or unusual bodies', () => {
  it('reports a body that is not JSON as a layout change, naming the position', () => {
    const out = parse(`${API}/services?page=1`, '{"content": [ {"id": "1", "name": "A"}, ]}');
    expect(out.layout).toBe('changed');
    expect(out.records).toEqual([]);
    expect(out.problems[0]).toMatch(/^body is not JSON at position 40 \(line 1, column 41/);
    const html = parse(`${API}/services?page=1`, '<html><body>Service unavailable</body></html>');
    expect(html.problems[0]).toMatch(/^body is not JSON at position 0 /);
  });

  it('reads a BOM-prefixed body, and a page given only as bytes', () => {
    const body = '\uFEFF{"totalPages":1,"number":1,"content":[{"id":"9","name":"Club","description":"A club."}]}';
    expect(parse(`${API}/services`, body).records).toHaveLength(1);
    const bytesOnly = { ...pageOf(`${API}/services/9`, ''), text: undefined, bytes: new TextEncoder().encode('{"id":"9","name":"Club"}') };
    expect((orukV1Adapter.parse(bytesOnly) as Output).records[0]!.name).toBe('Club');
  });

  it('never drops a service silently', () => {
    const body = JSON.stringify({
      content: [
        { id: '1', name: 'Gone club', status: 'defunct' },
        { name: '', description: '' },
        { id: 2, name: 'Numeric id club', description: 'Fun.' },
        'not a service',
        { id: '3', name: '', description: '' },
      ],
    });
    const out = parse(`${API}/services`, body);
    expect(out.records.map((r) => r.id)).toEqual(['oruk_v1:e10000017:2']);
    expect(out.problems).toEqual([
      'service 1 ("Gone club"): status is "defunct": not recorded',
      'service #2 on the page (no id): has no id; has no name; not recorded: neither an id nor a name',
      'service #4 on the page (no id): is "not a service", not a service object: not recorded',
      'service 3: has no name',
      expect.stringMatching(/^service 3 \(""\) not recorded: evidence_quote/),
    ]);
    expect(out.links.map((l) => l.url)).toEqual([`${API}/services/1`, `${API}/services/2`, `${API}/services/3`]);
  });

  it('stops paging a feed that ignores the page parameter', () => {
    const out = parse(`${API}/services?page=3`, JSON.stringify({ number: 1, totalPages: 5, content: [{ id: '1', name: 'Club' }] }));
    expect(out.links).toEqual([{ url: `${API}/services/1`, label: 'detail' }]);
    expect(out.problems).toEqual(['asked for page 3, the feed answered page 1: not paging further']);
  });

  it('calls something that is neither a list nor a service a layout change', () => {
    expect(parse(`${API}/services`, '{"error":"maintenance"}')).toMatchObject({ layout: 'changed', problems: ['neither a services list (content/contents) nor a service object'] });
  });
});

describe('shared ORUK readers', () => {
  it('escapes raw control characters inside strings and drops them outside', () => {
    expect(escapeControlChars('{"a":"x\u0007y\tz"}\u0001')).toEqual({ text: '{"a":"xy\\tz"}', fixed: 3 });
    expect(parseFeedJson('{"a":"say \\"hi\\"\u0007"}')).toMatchObject({ ok: true, value: { a: 'say "hi"' } });
  });

  it('builds next-page links from the URL page number, keeping other parameters', () => {
    const env = (o: object) => readEnvelope(o as never)!;
    expect(nextPageUrl('https://x.example/services?per_page=50&page=2&taxonomy_id=a', env({ content: [1], totalPages: 3 }))).toBe(
      'https://x.example/services?per_page=50&page=3&taxonomy_id=a',
    );
    expect(nextPageUrl('https://x.example/services?page=3', env({ content: [1], totalPages: 3 }))).toBeUndefined();
    expect(nextPageUrl('https://x.example/services', env({ contents: [1], total_pages: 2, page_number: 1 }))).toBe('https://x.example/services?page=2');
    expect(nextPageUrl('https://x.example/services', env({ content: [1], number: 0, totalPages: 2 }))).toBe('https://x.example/services?page=1');
    expect(nextPageUrl('https://x.example/services?page=1', env({ content: [1], last: false }))).toBe('https://x.example/services?page=2');
    expect(nextPageUrl('https://x.example/services?page=1', env({ content: [], totalPages: 9 }))).toBeUndefined();
    expect(serviceUrl('https://x.example/api/services?page=4', 'a b')).toBe('https://x.example/api/services/a%20b');
  });

  it('normalises weekdays and schedules', () => {
    expect([1, 6, 7, 0, '3', 'monday', 'Tue', 'SU', 'Saturdays', 8, 'funday', ''].map((d) => weekdayName(d))).toEqual([
      'Monday', 'Saturday', 'Sunday', 'Sunday', 'Wednesday', 'Monday', 'Tuesday', 'Sunday', 'Saturday', undefined, undefined, undefined,
    ]);
    expect(bydayText('MO,WE, -1FR')).toBe('Monday, Wednesday, last Friday');
    expect(scheduleLine({ weekday: 'Tuesday', opens_at: '16:00:00', closes_at: '', freq: 'WEEKLY', interval: 2 })).toBe('Tuesday from 16:00 (fortnightly)');
  });

  it('turns cost options into charges only with a number and a unit', () => {
    expect(['per 1 hour session', '£10 a hour', 'per night', 'weekly', 'a term', '/day', 'one-off fee'].map(unitOf)).toEqual([
      'session', 'hour', undefined, 'week', undefined, 'day', 'one_off',
    ]);
    expect(costOf([{ option: 'Sibling', amount: 5, amount_description: 'per term' }, { option: 'Place', amount: '12.50', amount_description: 'per session' }], undefined)).toEqual({
      status: 'charged', charges: [{ amount_gbp: 12.5, per: 'session', note: 'Place' }], note: 'Sibling £5 per term',
    });
    expect(costOf([], 'Free of charge').status).toBe('free');
    expect(costOf([{ option: 'All places', amount: 0 }], undefined).status).toBe('free');
    expect(costOf([], 'Contact us', 'Trips cost £1,200 per year.')).toEqual({
      status: 'charged', charges: [{ amount_gbp: 1200, per: 'year', note: 'price stated in the description' }], note: 'Contact us',
    });
  });
});
