// The LocalGov Drupal adapter on the synthetic Samplebury Council directory: teasers, entries, links, layout changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { localgovDrupalAdapter } from './localgov-drupal.js';

const SITE = new URL('../../test/fixtures/sites/localgov-drupal/', import.meta.url);
const ROUTES = JSON.parse(readFileSync(new URL('routes.json', SITE), 'utf8')) as Record<string, string>;
const ORIGIN = 'http://127.0.0.1:8099';
const CHANNEL = '/short-breaks-directory';

function pageAt(path: string, text = readFileSync(new URL(ROUTES[path]!, SITE), 'utf8')): PageInput {
  const url = ORIGIN + path;
  return {
    url, finalUrl: url, status: 200, contentType: 'text/html; charset=utf-8', text, bytes: new TextEncoder().encode(text), label: 'entry',
    source: { id: 'src_test', url: ORIGIN + CHANNEL, council_code: 'E10000017', kind: 'directory', platform: 'localgov_drupal', adapter: 'localgov_drupal', title: null, notes: null },
    retrieved: '2025-06-01',
  };
}
const parse = (path: string, text?: string) => localgovDrupalAdapter.parse(pageAt(path, text)) as PageOutput;
const only = (out: PageOutput): Offer => {
  expect(out.records).toHaveLength(1);
  return out.records[0] as Offer;
};
const shell = (main: string) => `<!doctype html><html lang="en"><head><title>Synthetic</title></head><body><header><a href="/">Home</a></header><main>${main}</main></body></html>`;

describe('LocalGov Drupal channel pages', () => {
  it('page 0: ten teaser records, links to each entry and the next pager page, never the facets', () => {
    const out = parse(CHANNEL);
    expect(out.layout).toBe('ok');
    expect(out.problems).toEqual([]);
    expect(out.records).toHaveLength(10);
    expect(out.links.filter((l) => l.label === 'detail')).toHaveLength(10);
    expect(out.links.filter((l) => l.label === 'list')).toEqual([{ url: `${ORIGIN}${CHANNEL}?page=1`, label: 'list' }]);
    expect(out.links).toHaveLength(11);
    expect(out.links[0]).toEqual({ url: `${ORIGIN}${CHANNEL}/samplebury-saturday-club`, label: 'detail' });
    expect(out.links.some((l) => /facets|search_api|[?&]f\[/.test(decodeURIComponent(l.url)))).toBe(false);
    expect(out.links.every((l) => l.url.startsWith(`${ORIGIN}${CHANNEL}`))).toBe(true);
  });

  it('a teaser record: name, summary, ages and cost from the summary, postcode, channel term, the listing as source', () => {
    const club = parse(CHANNEL).records[0] as Offer;
    expect(club).toMatchObject({
      id: 'localgov_drupal:e10000017:short-breaks-directory-samplebury-saturday-club',
      council_code: 'E10000017',
      name: 'Samplebury Saturday Club',
      description: 'A Saturday club for disabled children and young people aged 8 to 18, with games, sport and trips. Sessions cost £2 per hour.',
      age_min: 8,
      age_max: 18,
      cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }], note: 'Sessions cost £2 per hour.' },
      postcode: 'SB1 4QT',
      source_terms: ['Short breaks directory'],
      source: { url: `${ORIGIN}${CHANNEL}`, platform: 'localgov_drupal' },
      retrieved: '2025-06-01',
      confidence: 0.6,
    });
    expect(club.evidence_quote).toMatch(/^Samplebury Saturday Club: A Saturday club/);
  });

  it('page 1: four teasers, a previous link that is not followed, no next page', () => {
    const out = parse(`${CHANNEL}?page=1`);
    expect(out.records.map((r) => r.kind === 'offer' && r.name)).toEqual([
      'Samplebury Befriending Service', 'Curtain Up inclusive drama group', 'Riverside Youth Project', 'Inclusive summer sports camp',
    ]);
    expect(out.links.map((l) => l.label)).toEqual(['detail', 'detail', 'detail', 'detail']);
    expect(out.links.some((l) => l.url.includes('page=0'))).toBe(false);
  });

  it('an empty channel listing is fine; a channel with neither teasers nor an empty message is a layout change', () => {
    const view = (inner: string) => shell(`<h1>Short breaks directory</h1><div class="view view-localgov-directory-channel">${inner}</div>`);
    expect(parse(CHANNEL, view('<div class="view-empty"><p>Sorry, nothing matched your filters.</p></div>'))).toEqual({ records: [], links: [], layout: 'ok', problems: [] });
    const broken = parse(CHANNEL, view('<div class="view-content"><div class="card">Samplebury Saturday Club</div></div>'));
    expect(broken.layout).toBe('changed');
    expect(broken.problems[0]).toMatch(/no teasers .*node--type-localgov-directories-/);
  });
});

describe('LocalGov Drupal entry pages', () => {
  it('venue: the Saturday club, field by field', () => {
    const out = parse(`${CHANNEL}/samplebury-saturday-club`);
    expect(out).toMatchObject({ layout: 'ok', problems: [], links: [] });
    const o = only(out);
    expect(o.id).toBe('localgov_drupal:e10000017:short-breaks-directory-samplebury-saturday-club'); // the teaser's id, so it replaces it
    expect(o.name).toBe('Samplebury Saturday Club');
    expect(o.description).toMatch(/^Samplebury Saturday Club is a fun, supported club for disabled children and young people aged 8 to 18\./);
    expect(o.description).toContain('Sessions cost £2 per hour.');
    expect(o.provider).toBe('Samplebury Play Partnership');
    expect(o.eligibility).toBe('Children and young people with a disability or additional need who live in Samplebury. You do not need a social care assessment to join.');
    expect([o.age_min, o.age_max]).toEqual([8, 18]);
    expect(o.age_note).toBe('Samplebury Saturday Club is a fun, supported club for disabled children and young people aged 8 to 18.');
    expect(o.cost).toEqual({ status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }], note: 'Sessions cost £2 per hour.' });
    expect(o.postcode).toBe('SB1 4QT');
    expect(o.schedule).toBe('Saturdays, 10am to 3pm, during school term time.');
    expect(o.contact).toEqual({
      phone: '01632 960412',
      email: 'saturdayclub@samplebury.example',
      url: 'https://saturday-club.example/',
      address: 'Samplebury Leisure Centre, Mill Lane, Samplebury, SB1 4QT, United Kingdom',
    });
    expect(o.source_terms).toEqual(['Clubs and activities', '12 to 18 years', 'Short breaks directory']);
    expect(o.source).toEqual({ url: `${ORIGIN}${CHANNEL}/samplebury-saturday-club`, kind: 'directory', platform: 'localgov_drupal' });
    expect(o.evidence_quote).toMatch(/^Samplebury Saturday Club: Samplebury Saturday Club is a fun, supported club/);
    expect(o.confidence).toBe(0.8);
  });

  it('venue: the holiday scheme, with two lines of opening times', () => {
    const o = only(parse(`${CHANNEL}/summer-splash-holiday-scheme`));
    expect(o).toMatchObject({
      name: 'Summer Splash holiday scheme',
      age_min: 5,
      age_max: 17,
      cost: { status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }], note: 'Each place costs £10 a day, including lunch.' },
      postcode: 'SB2 7HD',
      schedule: 'Easter holidays: Monday to Friday, 9:30am to 3:30pm; Summer holidays: Monday to Thursday, 9:30am to 3:30pm',
      contact: { phone: '01632 960455', email: 'summersplash@samplebury.example', url: 'https://summer-splash.example/book' },
      source_terms: ['Holiday schemes', '5 to 11 years', '12 to 18 years'],
      source: { url: `${ORIGIN}${CHANNEL}/summer-splash-holiday-scheme` },
    });
    expect(o.description).toMatch(/^Summer Splash is a holiday play scheme/);
    expect(o.eligibility).toBeUndefined();
  });

  it('org: the sitting service, free, with a text address instead of a location', () => {
    const o = only(parse(`${CHANNEL}/bramble-lane-sitting-service`));
    expect(o).toMatchObject({
      name: 'Bramble Lane sitting service',
      age_min: 0,
      age_max: 17,
      cost: { status: 'free', charges: [], note: 'It is free of charge to families who have been assessed by the Children with Disabilities Team.' },
      postcode: 'SB3 9PL',
      schedule: 'Evenings and weekends, by arrangement',
      contact: { phone: '01632 960233', email: 'sitting@bramblelane.example', url: 'https://bramblelane.example/', address: 'Unit 4, Bramble Lane Business Park, Samplebury, SB3 9PL' },
      source_terms: ['Sitting and befriending'],
    });
    expect(o.description).toMatch(/^Bramble Lane sitting service sends trained, DBS-checked sitters/);
    expect(o.description).not.toContain('Referrals'); // the notes field is the fallback description only
  });

  it('page: the befriending service has no address, so no postcode (the footer has the council\'s own)', () => {
    const o = only(parse(`${CHANNEL}/samplebury-befriending-service`));
    expect(o).toMatchObject({
      name: 'Samplebury Befriending Service',
      age_min: 11,
      age_max: 25,
      cost: { status: 'free', charges: [], note: 'There is no cost to families.' },
      contact: { phone: '01632 960318', email: 'befriending@samplebury.example' },
      source_terms: ['Sitting and befriending', '12 to 18 years', '19 to 25 years'],
    });
    expect(o.postcode).toBeUndefined();
    expect(o.schedule).toBeUndefined();
    expect(o.contact?.url).toBeUndefined();
    expect(o.description).toContain("Befrienders' expenses are paid by the service.");
  });

  it('the redesigned page: a layout change naming the missing markup, no records, no links', () => {
    const out = parse(`${CHANNEL}/riverside-youth-project`);
    expect(out.layout).toBe('changed');
    expect(out.records).toEqual([]);
    expect(out.links).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatch(/no entry article \(article\[class\*="node--type-localgov-directories-"\]/);
    expect(out.problems[0]).toMatch(/no channel listing \(.*\.view-localgov-directory-channel/);
  });

  it('an entry article without a title or without any fields is a layout change', () => {
    const noTitle = parse('/x', shell('<article class="node node--type-localgov-directories-venue"><div class="field field--name-body"><p>Text</p></div></article>'));
    expect(noTitle).toMatchObject({ layout: 'changed', records: [] });
    expect(noTitle.problems[0]).toMatch(/no title/);
    const noFields = parse('/x', shell('<h1>Club</h1><article class="node node--type-localgov-directories-venue"><div class="content"><p>Text</p></div></article>'));
    expect(noFields).toMatchObject({ layout: 'changed', records: [] });
    expect(noFields.problems[0]).toMatch(/none of the expected fields \(\.field--name-body/);
    expect(parse('/x', '')).toMatchObject({ layout: 'changed', problems: ['page has no HTML text'] });
  });

  it('falls back to the node id when the entry is served at /node/{nid}', () => {
    const o = only(parse('/node/1203', readFileSync(new URL('entry-saturday-club.html', SITE), 'utf8')));
    expect(o.id).toBe('localgov_drupal:e10000017:node-1203');
  });
});
