// The PCG adapter on the synthetic Westmoor site: mylocaloffer information pages, the older s4s pages, service records,
// and the Connect to Support search API (get-list pages, get-event records, Bradford's {value, success} wrapper).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { pcgAdapter } from './pcg.js';

const SITE = new URL('../../test/fixtures/sites/pcg/', import.meta.url);
const ROUTES = JSON.parse(readFileSync(new URL('routes.json', SITE), 'utf8')) as Record<string, string>;
const ORIGIN = 'http://127.0.0.1:8096';
const SB = '/social-care/children-and-families/short-breaks/';
const API = '/api/s4s-advanced-search/directory-search/';
const LIST = Object.keys(ROUTES).filter((p) => p.includes('get-list')).sort();

function pageAt(path: string, text = readFileSync(new URL(ROUTES[path]!, SITE), 'utf8'), contentType = path.startsWith('/api/') ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8'): PageInput {
  return {
    url: ORIGIN + path, finalUrl: ORIGIN + path, status: 200, contentType, text, bytes: new TextEncoder().encode(text), label: 'entry',
    source: { id: 'src_test', url: ORIGIN + SB, council_code: 'E10000017', kind: 'directory', platform: 'pcg', adapter: 'pcg', title: null, notes: null },
    retrieved: '2026-12-04',
  };
}
const parse = async (path: string, text?: string, contentType?: string) => (await pcgAdapter.parse(pageAt(path, text, contentType))) as PageOutput;
const offers = (out: PageOutput) => out.records.filter((r): r is Offer => r.kind === 'offer');

describe('PCG search API', () => {
  it('get-list page 1: a teaser per item at its public /services/{id} record, its get-event, and the later pages', async () => {
    const out = await parse(LIST[0]!);
    expect(out).toMatchObject({ layout: 'ok', problems: [] });
    expect(out.links).toEqual([
      { url: `${ORIGIN}${API}get-event/5001`, label: 'detail' },
      { url: `${ORIGIN}${API}get-event/5002`, label: 'detail' },
      { url: ORIGIN + LIST[1], label: 'list' },
    ]);
    const [club, swim] = offers(out);
    expect(club).toMatchObject({
      id: 'pcg:e10000017:5001', name: 'Westmoor Youth Club', age_min: 11, age_max: 19, postcode: 'WM2 4YC', confidence: 0.6,
      contact: { phone: '01632 960301', address: 'Westmoor Youth Centre, 10 Park Road, Westmoor' },
      source_terms: ['Short breaks', 'Youth clubs'], source: { url: `${ORIGIN}/services/5001` },
    });
    expect(swim).toMatchObject({ id: 'pcg:e10000017:5002', cost: { status: 'charged', charges: [{ amount_gbp: 3, per: 'session' }] }, source_terms: ['Short breaks', 'Sport'] });
  });

  it('a later page, wrapped in {"value": ..., "success": true}, gives its items and queues no pages again', async () => {
    const out = await parse(LIST[1]!);
    expect(out.links).toEqual([{ url: `${ORIGIN}${API}get-event/5003`, label: 'detail' }]);
    expect(offers(out).map((o) => [o.id, o.postcode])).toEqual([['pcg:e10000017:5003', 'WM4 2FL']]);
  });

  it('get-event: the whole record under the same id, bare or wrapped; numeric ages taken as they are', async () => {
    const [club] = offers(await parse(`${API}get-event/5001`));
    expect(club).toMatchObject({
      id: 'pcg:e10000017:5001', confidence: 0.8, age_min: 11, age_max: 19,
      cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'session' }] },
      contact: { email: 'youthclub@westmoor.example', url: 'https://youthclub.westmoor.example/' },
      source: { url: `${ORIGIN}/services/5001` },
    });
    const [swim] = offers(await parse(`${API}get-event/5002`));
    expect(swim).toMatchObject({ id: 'pcg:e10000017:5002', age_min: 4, age_max: 16, age_note: undefined, contact: { phone: '01632 960302' } });
  });

  it('items without an id or a name are problems; answers of the wrong shape are layout changes', async () => {
    const list = JSON.stringify({ pageItems: [{ name: 'No id' }, { id: 9 }, { id: 10, name: 'Kept' }], totalPages: 1 });
    const out = await parse(LIST[0]!, list);
    expect(out.problems).toEqual(['search item 1 has no id: skipped', 'search item 2 has no name: skipped']);
    expect(offers(out).map((o) => o.name)).toEqual(['Kept']);
    expect(await parse(LIST[0]!, '{"items": []}')).toMatchObject({ layout: 'changed', problems: [expect.stringMatching(/no pageItems/)] });
    expect(await parse(LIST[0]!, '{not json')).toMatchObject({ layout: 'changed', problems: [expect.stringMatching(/not JSON/)] });
    expect(await parse(`${API}get-event/1`, '{"value": null, "success": false}')).toMatchObject({ layout: 'changed' });
  });

  it('an Open Referral feed (the lgaapi feed) goes to the Open Referral adapter', async () => {
    const feed = JSON.stringify({ totalElements: 1, content: [{ id: 'a1', name: 'Westmoor Play Club', description: 'Play for disabled children aged 5 to 11.' }] });
    const out = await parse('/services', feed);
    expect(offers(out).map((o) => o.id)).toEqual(['oruk_v1:e10000017:a1']);
  });
});

describe('mylocaloffer pages', () => {
  it('an information page: its named short breaks through the statement reader, as Local Offer page records', async () => {
    const out = await parse(SB);
    expect(out).toMatchObject({ layout: 'ok', problems: [] });
    const byName = new Map(offers(out).map((o) => [o.name, o]));
    expect(byName.get('After school club')).toMatchObject({
      age_min: 5, age_max: 11, cost: { status: 'charged', charges: [{ amount_gbp: 4, per: 'session' }] }, source: { kind: 'local_offer_page', platform: 'pcg', url: ORIGIN + SB },
    });
    expect(byName.get('Summer holiday activities')).toMatchObject({ age_min: 11, age_max: 18, cost: { status: 'free' } });
    expect(out.records.filter((r) => /not-mentioned/.test(r.id))).toEqual([]);
  });

  it('follows pages below it, short breaks pages (the older s4s pages too) and service records; not the menu, other sections or the footer', async () => {
    const out = await parse(SB);
    expect(out.links).toEqual([
      { url: `${ORIGIN}${SB}types-of-short-breaks/`, label: 'page' },
      { url: `${ORIGIN}/s4s/WhereILive/Council?pageId=4300`, label: 'page' },
      { url: `${ORIGIN}/services/5004`, label: 'detail' },
    ]);
  });

  it('an older s4s page (#content) and a child page are read the same way', async () => {
    const s4s = offers(await parse('/s4s/WhereILive/Council?pageId=4300'));
    expect(s4s.find((o) => o.name === 'Youth scheme')).toMatchObject({ age_min: 13, age_max: 19, cost: { charges: [{ amount_gbp: 2, per: 'hour' }] } });
    const child = offers(await parse(`${SB}types-of-short-breaks/`));
    expect(child.find((o) => o.name === 'Overnight short breaks')).toMatchObject({ age_min: 8, age_max: 17 });
  });

  it('a /services/{id} record: one offer under the id the API uses', async () => {
    const out = await parse('/services/5004');
    expect(out).toMatchObject({ layout: 'ok', problems: [], links: [] });
    expect(offers(out)).toEqual([
      expect.objectContaining({
        id: 'pcg:e10000017:5004', name: 'Westmoor Sitting Service', age_min: 0, age_max: 17, postcode: 'WM3 5SS',
        cost: expect.objectContaining({ status: 'charged', charges: [expect.objectContaining({ amount_gbp: 9, per: 'hour' })] }),
        contact: { phone: '01632 960304', email: 'sitting@westmoor.example', address: 'Unit 4, Canal Street, Westmoor, WM3 5SS' },
        source_terms: ['Short breaks', 'Sitting services'],
      }),
    ]);
  });

  it('a page with no content region, or a record with no fields, is a layout change', async () => {
    expect(await parse(SB, '<html><body><header><a href="/x/">x</a></header></body></html>')).toMatchObject({ layout: 'changed' });
    expect(await parse('/services/77', '<html><body><main><h1>Club</h1><p>Call us.</p></main></body></html>')).toMatchObject({ layout: 'changed' });
  });
});

describe('PCG text', () => {
  it('repairs mojibake in names, descriptions and category names', async () => {
    const list = JSON.stringify({ pageItems: [{ id: 1, name: 'Kids\u00e2\u0080\u0099 Club', description: 'Fun for all.', categories: ['Children\u00e2\u0080\u0099s short breaks'] }], totalPages: 1 });
    const [o] = offers(await parse(LIST[0]!, list));
    expect(o).toMatchObject({ name: 'Kids’ Club', source_terms: ['Children’s short breaks'] });
    expect(JSON.stringify(o)).not.toMatch(/â€|Â/);
  });
});
