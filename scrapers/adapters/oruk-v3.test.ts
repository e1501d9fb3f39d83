// The Open Referral UK 3.0 adapter on the official validator's mock feeds (Default, Fail, Warn) and the spec examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { orukV3Adapter } from './oruk-v3.js';

const DIR = join(import.meta.dirname, '../../test/fixtures/oruk');
const API = 'https://feed.example/api/v3';
const ID = 'ac148810-d857-441c-9679-408f346de14b';
const fixture = (file: string) => readFileSync(join(DIR, file), 'utf8');

function pageOf(url: string, text: string): PageInput {
  return {
    url, finalUrl: url, status: 200, contentType: 'application/json', text, bytes: new TextEncoder().encode(text), label: 'entry',
    source: { id: 'src_test', url, council_code: 'E10000017', kind: 'oruk_feed', platform: 'oruk_v3', adapter: 'oruk_v3', title: null, notes: null },
    retrieved: '2026-11-22',
  };
}
type Output = Omit<PageOutput, 'records'> & { records: Offer[] };
const parse = (url: string, text: string) => orukV3Adapter.parse(pageOf(url, text)) as Output;
const mock = (which: string, file: string) => fixture(`validator_mocks_v3/${which}/${file}`);

describe('oruk_v3 root', () => {
  it('links to the first services page', () => {
    const out = parse(`${API}/`, mock('Default', 'api_details.json'));
    expect(out).toEqual({ records: [], links: [{ url: `${API}/services?page=1`, label: 'list' }], layout: 'ok', problems: [] });
    expect(parse(API, mock('Default', 'api_details.json')).links).toEqual([{ url: `${API}/services?page=1`, label: 'list' }]);
  });

  it('reports a missing version or a malformed openapi_url as problems, not failures', () => {
    expect(parse(`${API}/`, mock('Fail', 'api_details.json'))).toMatchObject({
      layout: 'ok',
      links: [{ url: `${API}/services?page=1`, label: 'list' }],
      problems: ['root: openapi_url "docs-openreferraluk-org/en/latest/openapi30.json" is not an http(s) URL'],
    });
    expect(parse(`${API}/`, '{"openapi_url":"https://x.example/openapi.json"}').problems).toEqual(['root: version is missing (HSDS-UK-3.0 assumed)']);
    expect(parse(`${API}/`, '{"version":"HSDS-2.0"}').problems).toEqual(['root: version "HSDS-2.0" is not HSDS-UK-3.0', 'root: openapi_url is missing']);
  });
});

describe('oruk_v3 services', () => {
  it('reads a full service field by field', () => {
    const out = parse(`${API}/services/${ID}`, mock('Default', 'service_full.json'));
    expect(out.records).toHaveLength(1);
    const o = out.records[0] as Offer;
    expect(o.id).toBe(`oruk_v3:e10000017:${ID}`);
    expect(o.name).toBe('Community Counselling');
    expect(o.provider).toBe('Example Organization Inc.');
    expect([o.age_min, o.age_max, o.age_note]).toEqual([12, undefined, 'published ages 12 to 100']);
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 35, per: 'session', note: 'Under 18s and Over 60s' }], note: 'fees_description' });
    expect(o.schedule).toBe('Thursday, Friday 10:00-18:00: The service is available from 10 am to 6pm weekdays. The service is not available on public holidays.');
    // "ABC 1234" is not a UK postcode: kept in the address, not in `postcode`
    expect(o.postcode).toBeUndefined();
    expect(o.districts).toEqual(['MyCity']);
    expect(o.contact).toEqual({ email: 'email@example.com', url: 'http://example.com/counselling', address: 'MyCity Civic Center, 1-30 Main Street, MyCity, ABC 1234' });
    expect(o.source_terms).toEqual(['name']);
    expect(o.evidence_quote).toMatch(/^Community Counselling: Counselling Services provided by trained professionals/);
    expect(o.source.url).toBe(`${API}/services/${ID}`);
    expect(o.published).toBe('2023-03-15');
    expect(out.problems).toEqual([`service ${ID} ("Community Counselling"): maximum_age 100 is outside the 0-25 integer range (dropped)`]);
  });

  it('lists services with detail links and records of their own', () => {
    const out = parse(`${API}/services?page=1`, mock('Default', 'service_list.json'));
    expect(out.links).toEqual([{ url: `${API}/services/${ID}`, label: 'detail' }]);
    expect(out.records.map((r) => [r.id, r.name, r.confidence])).toEqual([[`oruk_v3:e10000017:${ID}`, 'Community Counselling', 0.6]]);
  });

  it('pages through the spec example list (10 pages)', () => {
    const out = parse(`${API}/services?page=1&per_page=1`, fixture('spec_v3_examples/service_list.json'));
    expect(out.links.at(-1)).toEqual({ url: `${API}/services?page=2&per_page=1`, label: 'list' });
    const full = parse(`${API}/services/${ID}`, fixture('spec_v3_examples/service_full.json'));
    expect(full.records[0]!.name).toBe('Community Counselling');
  });

  it('reports what the Fail mock gets wrong per service, keeping what is usable', () => {
    const list = parse(`${API}/services?page=1`, mock('Fail', 'service_list.json'));
    expect(list.records).toHaveLength(3);
    expect(list.records.every((r) => r.name === '(untitled)' && r.contact === undefined)).toBe(true);
    expect(list.problems).toHaveLength(4);
    expect(list.problems[0]).toBe(
      `service ${ID}: name is missing (required); maximum_age 100 is outside the 0-25 integer range (dropped); ` +
        'email "email-example_com" is not an email address (dropped); url "example_counselling" is not an http(s) URL (dropped)',
    );
    expect(list.problems[2]).toMatch(/^service e85f5bb0-62f0-42cc-a08a-0c5c16273090: .*email should be a string, not false/);
    expect(list.problems[3]).toMatch(new RegExp(`^service ${ID}: .*email should be a string, not 12345; the same id appears earlier on this page`));
    expect(list.links.filter((l) => l.label === 'detail')).toHaveLength(3);

    const full = parse(`${API}/services/${ID}`, mock('Fail', 'service_full.json'));
    expect(full.records[0]).toMatchObject({ name: 'Community Counselling', contact: { address: expect.any(String) } });
    expect(full.records[0]!.description).toBeUndefined();
    expect(full.problems[0]).toMatch(/email "email-example_com" is not an email address \(dropped\); url "example\/counselling" is not an http\(s\) URL/);
  });

  it('checks required fields and the envelope loosely', () => {
    const body = JSON.stringify({ content: [{ id: 7, name: 'Club', status: 'open' }, { id: 'not-a-uuid', name: 'Play', status: 'defunct' }] });
    const out = parse(`${API}/services`, body);
    expect(out.records.map((r) => r.name)).toEqual(['Club']);
    expect(out.problems).toEqual([
      'the list is under "content", the 3.0 envelope says "contents"',
      'the list has no total_pages',
      'service 7 ("Club"): id should be a string, not 7; status "open" is not one of active | inactive | defunct | temporarily closed',
      'service not-a-uuid ("Play"): id "not-a-uuid" is not a UUID; status is "defunct": not recorded',
    ]);
  });

  it('calls a body that is not JSON a layout change', () => {
    expect(parse(`${API}/services`, 'Bad gateway')).toMatchObject({ layout: 'changed', problems: [expect.stringMatching(/^body is not JSON at position 0/)] });
  });
});

describe('Done when: every service of the validator mocks becomes a record or a named problem', () => {
  it.each(['Default', 'Fail', 'Warn'])('%s', (which) => {
    const root = parse(`${API}/`, mock(which, 'api_details.json'));
    expect(root.links).toEqual([{ url: `${API}/services?page=1`, label: 'list' }]);
    let services = 0;
    let accounted = 0;
    for (const [url, file] of [[`${API}/services?page=1`, 'service_list.json'], [`${API}/services/${ID}`, 'service_full.json']] as const) {
      const body = JSON.parse(mock(which, file)) as { contents?: Array<{ id: string }>; id?: string };
      const items = body.contents ?? [body as { id: string }];
      const out = parse(url, mock(which, file));
      expect(out.layout).toBe('ok');
      const recorded = new Map(out.records.map((r) => [r.id, 0]));
      items.forEach((s) => {
        services++;
        const id = `oruk_v3:e10000017:${s.id}`;
        const first = recorded.has(id) && recorded.get(id) === 0;
        if (first) recorded.set(id, 1);
        if (first || out.problems.some((p) => p.startsWith(`service ${s.id}`))) accounted++;
      });
      expect(out.records.length).toBeLessThanOrEqual(items.length);
    }
    expect(accounted).toBe(services);
    expect(services).toBe(which === 'Fail' ? 5 : 2);
  });
});
