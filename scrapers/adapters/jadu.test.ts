// The Jadu adapter on the synthetic Mocktown Borough Council directory: home, category paging, records, layout changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { jaduAdapter } from './jadu.js';

const SITE = new URL('../../test/fixtures/sites/jadu/', import.meta.url);
const ROUTES = JSON.parse(readFileSync(new URL('routes.json', SITE), 'utf8')) as Record<string, string>;
const ORIGIN = 'http://127.0.0.1:8098';
const HOME = '/directory/12/local-offer-directory';
const CAT = `${HOME}/category/41`;

function pageAt(path: string, text = readFileSync(new URL(ROUTES[path]!, SITE), 'utf8'), finalPath = path): PageInput {
  return {
    url: ORIGIN + path, finalUrl: ORIGIN + finalPath, status: 200, contentType: 'text/html; charset=utf-8', text, bytes: new TextEncoder().encode(text), label: 'entry',
    source: { id: 'src_test', url: ORIGIN + HOME, council_code: 'E10000017', kind: 'directory', platform: 'jadu', adapter: 'jadu', title: null, notes: null },
    retrieved: '2025-06-01',
  };
}
const parse = (path: string, text?: string, finalPath?: string) => jaduAdapter.parse(pageAt(path, text, finalPath)) as PageOutput;
const only = (out: PageOutput): Offer => {
  expect(out).toMatchObject({ layout: 'ok', problems: [], links: [] });
  expect(out.records).toHaveLength(1);
  return out.records[0] as Offer;
};
const shell = (main: string) =>
  `<!doctype html><html lang="en"><head><title>Synthetic</title></head><body><header><a href="${CAT}">Short breaks</a></header><main id="main">${main}</main>` +
  `<footer><a href="/directory-record/999/library">Library</a></footer></body></html>`;

describe('Jadu listing pages', () => {
  it('directory home: follows the categories, not the A-Z, the search, the header or the footer', () => {
    const out = parse(HOME);
    expect(out).toMatchObject({ layout: 'ok', problems: [], records: [] });
    expect(out.links).toEqual([41, 42, 43, 44].map((id) => ({ url: `${ORIGIN}${HOME}/category/${id}`, label: 'list' })));
  });

  it('category page 1: its records and its next page; the A-Z letters and the footer category stay out', () => {
    const out = parse(CAT);
    expect(out).toMatchObject({ layout: 'ok', problems: [], records: [] });
    expect(out.links).toEqual([
      { url: `${ORIGIN}/directory-record/301/mocktown-inclusive-after-school-club`, label: 'detail' },
      { url: `${ORIGIN}/directory-record/302/elm-house-overnight-short-breaks`, label: 'detail' },
      { url: `${ORIGIN}/directory-record/303/mocktown-send-holiday-activities`, label: 'detail' },
      { url: `${ORIGIN}${CAT}/2`, label: 'list' },
    ]);
  });

  it('category page 2: the record at the older /directory_record/ URL, and page 1 again (the crawler drops it as seen)', () => {
    const out = parse(`${CAT}/2`);
    expect(out.links).toEqual([
      { url: `${ORIGIN}/directory_record/304/family-link-sitting-service`, label: 'detail' },
      { url: `${ORIGIN}${CAT}`, label: 'list' },
    ]);
  });

  it('an A-Z page given as the entry: its records and the other letters, not categories', () => {
    const az = shell(`<h1>A to Z: E</h1><ul><li><a href="/directory-record/302/elm-house">Elm House</a></li></ul>
      <ul class="list--a-z"><li><a href="/directory/12/a-to-z/D">D</a></li><li><a href="/directory/12/a-to-z/F">F</a></li></ul>
      <p><a href="${CAT}">Short breaks</a></p>`);
    expect(parse('/directory/12/a-to-z/E', az).links).toEqual([
      { url: `${ORIGIN}/directory-record/302/elm-house`, label: 'detail' },
      { url: `${ORIGIN}/directory/12/a-to-z/D`, label: 'list' },
      { url: `${ORIGIN}/directory/12/a-to-z/F`, label: 'list' },
    ]);
  });

  it('an empty category is fine; a home or category with no directory links is a layout change', () => {
    expect(parse(`${HOME}/category/42`, shell('<h1>Childcare</h1><p>There are no records in this category.</p>'))).toEqual({ records: [], links: [], layout: 'ok', problems: [] });
    const home = parse(HOME, shell('<h1>Local Offer directory</h1><div class="search-app" data-app="directory"></div>'));
    expect(home).toMatchObject({ layout: 'changed', records: [], links: [] });
    expect(home.problems[0]).toMatch(/directory home has no category links \(\/directory\/\{id\}\/\{slug\}\/category\/\{catID\}\)/);
    const cat = parse(`${HOME}/category/42`, shell('<h1>Childcare</h1><div class="cards"><div class="card">Mocktown Nursery</div></div>'));
    expect(cat.layout).toBe('changed');
    expect(cat.problems[0]).toMatch(/no record links \(\/directory-record\/\{id\}\/\{slug\}\)/);
  });
});

describe('Jadu record pages', () => {
  it('dt/dd record 301, field by field', () => {
    const o = only(parse('/directory-record/301/mocktown-inclusive-after-school-club'));
    expect(o.id).toBe('jadu:e10000017:301');
    expect(o.name).toBe('Mocktown Inclusive After School Club');
    expect(o.description).toBe(
      'An after-school club for disabled children and young people, with play, crafts and sport in a calm, accessible space. Staff are trained in moving and handling and in giving medication.\nTransport from school can be arranged for children who need it.',
    );
    expect(o.eligibility).toBe('Children and young people with a disability or an education, health and care (EHC) plan who live in Mocktown.');
    expect([o.age_min, o.age_max, o.age_note]).toEqual([5, 18, '5 to 18']);
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 5, per: 'session' }], note: '£5 per session' });
    expect(o.postcode).toBe('MT2 7LR');
    expect(o.schedule).toBe('Tuesdays and Thursdays, 3:30pm to 6pm, term time only');
    expect(o.contact).toEqual({
      phone: '01632 960871',
      email: 'afterschool@mocktown.example',
      url: 'https://afterschool.mocktown.example/',
      address: 'Mocktown Youth Hub, 14 Station Road, Mocktown',
    });
    expect(o.source_terms).toEqual(['Short breaks', 'After-school clubs']);
    expect(o.source).toEqual({ url: `${ORIGIN}/directory-record/301/mocktown-inclusive-after-school-club`, kind: 'directory', platform: 'jadu' });
    expect(o.evidence_quote).toMatch(/^Mocktown Inclusive After School Club: An after-school club for disabled children/);
    expect(o.retrieved).toBe('2025-06-01');
  });

  it('li/strong record 302: free, plain-text email, "Tel:" label dropped, mojibake repaired', () => {
    const o = only(parse('/directory-record/302/elm-house-overnight-short-breaks'));
    expect(o).toMatchObject({
      id: 'jadu:e10000017:302',
      name: 'Elm House overnight short breaks',
      age_min: 8,
      age_max: 17,
      age_note: '8-17 years',
      cost: { status: 'free', charges: [], note: 'Free' },
      postcode: 'MT4 2QS',
      schedule: 'Overnight stays from Friday 4pm to Sunday 4pm, and some weekday nights',
      contact: { phone: '01632 960532', email: 'elmhouse@mocktown.example', address: 'Elm House, 2 Elm Grove, Mocktown' },
      source_terms: ['Short breaks'],
      eligibility: 'Children with a disability who have had a short breaks assessment from the Children with Disabilities Team.',
    });
    expect(o.description).toMatch(/^Elm House is Mocktown’s short breaks home\./);
    expect(o.contact?.url).toBeUndefined();
  });

  it('li/strong record 303 with the colon inside the label: £10 a day (mojibake), postcode from the address, bare www. site', () => {
    const o = only(parse('/directory-record/303/mocktown-send-holiday-activities'));
    expect(o).toMatchObject({
      name: 'Mocktown SEND holiday activities',
      age_min: 5,
      age_max: 16,
      cost: { status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }], note: '£10 a day, lunch included' },
      postcode: 'MT3 5BX',
      schedule: 'Easter and summer holidays, Monday to Friday, 10am to 3pm',
      contact: { phone: '01632 960654', email: 'holidays@mocktown.example', url: 'https://www.mocktown-holidays.example/', address: 'Mocktown Leisure Centre, Park Road, Mocktown, MT3 5BX' },
    });
  });

  it('dt/dd record 304 at the older URL: 0-25, a charge that wins over "free", no address', () => {
    const o = only(parse('/directory_record/304/family-link-sitting-service'));
    expect(o).toMatchObject({
      id: 'jadu:e10000017:304',
      name: 'Family Link sitting service',
      age_min: 0,
      age_max: 25,
      age_note: '0-25',
      cost: { status: 'charged', charges: [{ amount_gbp: 8, per: 'hour' }], note: 'Free for families with an assessed need; otherwise £8 per hour' },
      schedule: 'Weekday evenings and weekends',
      contact: { phone: '01632 960990', email: 'familylink@mocktown.example' },
      source: { url: `${ORIGIN}/directory_record/304/family-link-sitting-service` },
    });
    expect(o.postcode).toBeUndefined();
    expect(o.contact?.address).toBeUndefined();
  });

  it('reads th/td fields, and takes the record id from where a redirect landed', () => {
    const table = shell('<h1>Sensory room</h1><table><tr><th>Age range</th><td>0-11</td></tr><tr><th>Cost</th><td>£3 per hour</td></tr><tr><th>Postcode</th><td>mt1 2ab</td></tr></table>');
    const o = only(parse('/directory_record/77', table, '/directory-record/77/sensory-room'));
    expect(o).toMatchObject({ id: 'jadu:e10000017:77', age_min: 0, age_max: 11, cost: { charges: [{ amount_gbp: 3, per: 'hour' }] }, postcode: 'MT1 2AB' });
    expect(o.source.url).toBe(`${ORIGIN}/directory_record/77`);
  });

  it('a record page with none of the expected markup is a layout change naming it', () => {
    const out = parse('/directory-record/301/x', shell('<h1>Mocktown Inclusive After School Club</h1><div class="record-card"><p>Fun after school.</p></div>'));
    expect(out).toMatchObject({ layout: 'changed', records: [], links: [] });
    expect(out.problems).toEqual([
      'record page has no directory fields (<li><strong>Label</strong>: value</li>, dt/dd or th/td with labels such as Description, Telephone, Address)',
    ]);
    expect(parse('/directory-record/301/x', shell('<dl><dt>Cost</dt><dd>Free</dd></dl>')).problems).toEqual(['record page has no h1 title']);
  });
});
