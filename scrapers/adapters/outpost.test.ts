// The Outpost adapter on real-derived Buckinghamshire FIS responses (page 1 of 141, one detail) and a synthetic SEND item.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { outpostAdapter } from './outpost.js';

const DIR = join(import.meta.dirname, '../../test/fixtures/oruk/outpost_bucks_fis');
const API = 'https://api.familyinfo.buckinghamshire.gov.uk/api/v1';
const fixture = (file: string) => readFileSync(join(DIR, file), 'utf8');

function pageOf(url: string, text: string): PageInput {
  return {
    url, finalUrl: url, status: 200, contentType: 'application/json; charset=utf-8', text, bytes: new TextEncoder().encode(text), label: 'entry',
    source: { id: 'src_test', url, council_code: 'E06000060', kind: 'oruk_feed', platform: 'outpost', adapter: 'outpost', title: null, notes: null },
    retrieved: '2026-11-22',
  };
}
type Output = Omit<PageOutput, 'records'> & { records: Offer[] };
const parse = (url: string, text: string) => outpostAdapter.parse(pageOf(url, text)) as Output;
const list = parse(`${API}/services?page=1`, fixture('services.json'));
const byId = (out: Output, id: number) => out.records.find((r) => r.id === `outpost:e06000060:${id}`) as Offer;

describe('outpost list pages', () => {
  it('records every service straight from the list and links only to the next page', () => {
    expect(list.layout).toBe('ok');
    expect(list.records).toHaveLength(20);
    expect(list.problems).toEqual([]);
    expect(list.links).toEqual([{ url: `${API}/services?page=2`, label: 'list' }]);
  });

  it('reads a service with a schedule, SEND needs and a local offer', () => {
    const o = byId(list, 1);
    expect(o.name).toBe('12th Aylesbury Brownies');
    expect(o.provider).toBeUndefined(); // organisation.name is null
    expect([o.age_min, o.age_max]).toEqual([5, 11]);
    expect(o.cost).toEqual({ status: 'unknown', charges: [] });
    expect(o.schedule).toBe('Monday 10:00-17:00');
    expect(o.postcode).toBe('HP21 7JF');
    expect(o.districts).toEqual(['Aylesbury']);
    expect(o.source_terms).toEqual(['Clubs and groups', 'Things to do', 'Autism', 'Hearing', 'Sensory and physical needs', 'Visual']);
    expect(o.description).toMatch(/making new friends\.\nSEND local offer:\nExample sentence$/);
    expect(o.evidence_quote).toMatch(/^12th Aylesbury Brownies: Brownies are a group of girls aged 7 to 10/);
    expect(o.source).toEqual({ url: `${API}/services?page=1`, kind: 'oruk_feed', platform: 'outpost' });
    expect(o.published).toBe('2021-01-13');
  });

  it('reads the British organisation, open-ended ages, contacts and de-duplicated SEND needs', () => {
    const thomley = byId(list, 2);
    expect(thomley).toMatchObject({ name: '13 plus days | Tuesdays and Thursdays', provider: 'Thomley', age_min: 12, postcode: 'HP18 9JZ' });
    expect(thomley.age_max).toBeUndefined();
    expect(thomley.contact?.url).toBe('https://thomley.org.uk/calendar');
    expect(byId(list, 7).contact).toMatchObject({ phone: '0777 777 7777', email: 'email@email.com', url: 'https://www.example.com/' });
    expect(byId(list, 17).source_terms.filter((t) => t === 'Autism')).toHaveLength(1);
    expect(byId(list, 18).cost).toEqual({ status: 'unknown', charges: [] }); // "£15, £20" with no unit stays out of charges
  });

  it('reads a detail page to the same record id as the list', () => {
    const out = parse(`${API}/services/1`, fixture('service.json'));
    expect(out.records).toHaveLength(1);
    expect(out.records[0]!.id).toBe(byId(list, 1).id);
    expect(out.records[0]!.confidence).toBe(0.8);
  });
});

describe('outpost fields beyond the fixture', () => {
  const item = {
    id: 901,
    name: 'Sensory Saturday club (synthetic)',
    description: 'A synthetic Outpost service.',
    min_age: null,
    max_age: null,
    age_band_5_7: true,
    age_band_8_plus: false,
    free: true,
    needs_referral: true,
    locations: [{ name: 'Hall', postcode: 'hp20 1aa', city: 'Aylesbury' }],
    contacts: [{ name: 'Sam', phone: '', email: 'sam@example.org' }],
    email: 'club@example.org',
    url: 'https://club.example/',
    organisation: { name: 'Synthetic charity' },
    taxonomies: [{ name: 'Activities for SEND' }],
    send_needs: [{ name: 'Autism' }],
    suitabilities: [{ name: 'Learning difficulties' }],
    regular_schedules: [{ weekday: 'Saturday', opens_at: '10:00', closes_at: '12:00' }],
    cost_options: [{ option: 'Siblings', amount: 3, cadence: 'per session' }],
    local_offer: {
      description: 'We welcome children with SEND.',
      link: 'https://club.example/send',
      survey_answers: [
        { question: 'How accessible is the environment (indoors and outdoors)?', answer: 'Step-free throughout.' },
        { question: 'What future plans do you have for developing your SEND provision?', answer: '' },
      ],
    },
  };

  it('reads free, needs_referral, age bands, cadence and survey answers', () => {
    const out = parse(`${API}/services?page=141`, JSON.stringify({ number: 141, totalPages: 141, content: [item, { ...item, id: 902, max_age: 40 }] }));
    expect(out.links).toEqual([]);
    const o = out.records[0]!;
    expect(o).toMatchObject({ provider: 'Synthetic charity', eligibility: 'Needs a referral', age_min: 5, age_max: 7, postcode: 'HP20 1AA', schedule: 'Saturday 10:00-12:00' });
    expect(o.cost).toEqual({ status: 'free', charges: [{ amount_gbp: 3, per: 'session', note: 'Siblings' }] });
    expect(o.contact).toEqual({ email: 'club@example.org', url: 'https://club.example/', address: 'Hall, Aylesbury, HP20 1AA' });
    expect(o.source_terms).toEqual(['Activities for SEND', 'Autism', 'Learning difficulties']);
    expect(o.description).toBe(
      'A synthetic Outpost service.\nSEND local offer:\nWe welcome children with SEND.\nHow accessible is the environment (indoors and outdoors)?: Step-free throughout.',
    );
    expect(out.problems).toEqual(['service 902 ("Sensory Saturday club (synthetic)"): max_age 40 is outside the 0-25 integer range (dropped)']);
    expect(out.records[1]!.age_note).toBe('published ages ? to 40');
  });
});

describe('Done when: every Outpost service becomes a record or a named problem', () => {
  it('services.json (20 services) and service.json (1)', () => {
    const items = (JSON.parse(fixture('services.json')) as { content: Array<{ id: number }> }).content;
    expect(items).toHaveLength(20);
    for (const s of items) expect(byId(list, s.id) ?? list.problems.find((p) => p.startsWith(`service ${s.id} `))).toBeDefined();
    const detail = parse(`${API}/services/1`, fixture('service.json'));
    expect(detail.records.length + detail.problems.length).toBeGreaterThanOrEqual(1);
    expect(detail.records[0]!.name).toBe('12th Aylesbury Brownies');
  });
});
