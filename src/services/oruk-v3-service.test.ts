import { describe, expect, it } from 'vitest';
import type { NationalOffer } from '../store/national-offers.js';
import { orukId } from './oruk-v3-ids.js';
import { descriptionOf, fullService, serviceListItem, uriOf } from './oruk-v3-service.js';

/** An invented offer, as the national read gives it. */
const offer = (o: Partial<NationalOffer> = {}): NationalOffer => ({
  kind: 'offer', id: 'curated:e10999901:splash', council_code: 'E10999901', council_name: 'Exampleshire', council_web_domain: 'exampleshire.example', changed: '2026-11-20',
  name: 'Saturday Splash Club', type: 'weekend_club', statutory_categories: ['educational_leisure'], time_slots: ['weekend'], access_tier: 'targeted', gates: ['registration_card'],
  cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] }, allowances: [], districts: [], source_terms: [], origin: 'curated',
  source: { url: 'https://exampleshire.example/short-breaks', title: 'Short breaks', kind: 'local_offer_page' }, evidence_quote: 'Saturday Splash Club: £2 per hour',
  published: '2025-04', retrieved: '2026-11-20', confidence: 0.9, ...o,
});

describe('an offer as an ORUK 3.0 service', () => {
  it('lists one-to-one fields only, leaving out what the offer does not state', () => {
    const item = serviceListItem(offer());
    expect(item).toEqual({
      id: orukId('service', 'curated:e10999901:splash'), organization_id: orukId('organization', 'council:E10999901'), name: 'Saturday Splash Club',
      description: expect.any(String), url: 'https://exampleshire.example/short-breaks', status: 'active', last_modified: '2026-11-20T00:00:00.000Z',
    });
    expect(serviceListItem(offer({ age_min: 5, age_max: 17, contact: { email: 'breaks@exampleshire.example' } }))).toMatchObject({ minimum_age: 5, maximum_age: 17, email: 'breaks@exampleshire.example' });
    for (const email of ['not an address', 'josé@exampleshire.example', 'a..b@exampleshire.example', 'breaks@localhost']) expect(serviceListItem(offer({ contact: { email } })), email).not.toHaveProperty('email');
  });

  it('ends the description with the source, its dates and the quote, after what ORUK has no field for', () => {
    const text = descriptionOf(offer({ description: 'Swimming for disabled children.', eligibility: 'With a Short Breaks Card.', allowances: [{ max: 1500, unit: 'gbp', per: 'year' }, { min: 10, max: 30, unit: 'nights', per: 'year' }], contact: { phone: '01234 567890' } }));
    expect(text).toBe(
      'Swimming for disabled children.\n\nEligibility: With a Short Breaks Card.\nAllowance: up to 1,500 pounds a year; 10 to 30 nights a year\nPhone: 01234 567890\n\n' +
        'Source: Short breaks, https://exampleshire.example/short-breaks, read 2026-11-20, published 2025-04. Evidence: "Saturday Splash Club: £2 per hour"',
    );
    expect(descriptionOf(offer({ published: null, source: { url: 'https://exampleshire.example/a', kind: 'other' } }))).toContain('Source: https://exampleshire.example/a, read 2026-11-20, no publication date stated.');
  });

  it('nests the council as organisation and area, the costs, the schedule and the terms', () => {
    const s = fullService(offer({ schedule: 'Saturdays 10:00-12:00' }));
    expect(s.organization).toMatchObject({ name: 'Exampleshire', website: 'https://exampleshire.example/', uri: 'http://statistics.data.gov.uk/id/statistical-geography/E10999901', organization_identifiers: [expect.objectContaining({ identifier_type: 'GSS code', identifier: 'E10999901' })] });
    expect(s.service_areas).toEqual([expect.objectContaining({ name: 'Exampleshire', uri: 'http://statistics.data.gov.uk/id/statistical-geography/E10999901' })]);
    expect(s.cost_options).toEqual([expect.objectContaining({ amount: 2, amount_description: 'per hour' })]);
    expect(s.schedules).toEqual([expect.objectContaining({ description: 'Saturdays 10:00-12:00' })]);
    expect((s.attributes as Array<{ link_type: string; taxonomy_term: { term_uri: string } }>).map((a) => [a.link_type, a.taxonomy_term.term_uri])).toEqual([
      ['service_type', 'urn:short-breaks-benchmark:taxonomy:types:weekend_club'],
      ['statutory_category', 'urn:short-breaks-benchmark:taxonomy:statutory_categories:educational_leisure'],
      ['time_slot', 'urn:short-breaks-benchmark:taxonomy:time_slots:weekend'],
      ['access_tier', 'urn:short-breaks-benchmark:taxonomy:access_tiers:targeted'],
      ['eligibility', 'urn:short-breaks-benchmark:taxonomy:gates:registration_card'],
    ]);
    expect(fullService(offer({ provider: 'Example Leisure Trust' })).organization).toEqual({ id: orukId('organization', 'provider:example leisure trust'), name: 'Example Leisure Trust', description: expect.any(String) });
  });

  it('says free as a zero amount, a charge of unstated amount in words, and leaves unknown costs and unclassified fields out', () => {
    expect(fullService(offer({ cost: { status: 'free', charges: [] } })).cost_options).toEqual([expect.objectContaining({ option: 'Free to families', amount: 0 })]);
    const words = (fullService(offer({ cost: { status: 'charged', charges: [], note: 'a small charge' } })).cost_options as object[])[0];
    expect(words).toMatchObject({ option: 'Families pay a charge; the source does not say how much. a small charge' });
    expect(words).not.toHaveProperty('amount');
    const bare = fullService(offer({ cost: { status: 'unknown', charges: [] }, type: null, statutory_categories: [], time_slots: [], access_tier: null, gates: [] }));
    for (const key of ['cost_options', 'attributes', 'schedules']) expect(bare, key).not.toHaveProperty(key);
  });

  it('publishes source URLs as RFC 3986 URIs, and nothing that is not http(s)', () => {
    expect(uriOf('https://exampleshire.example/a b/é?q={x}|y^z')).toBe('https://exampleshire.example/a%20b/%C3%A9?q=%7Bx%7D%7Cy%5Ez');
    expect(uriOf('https://exampleshire.example/short-breaks#top')).toBe('https://exampleshire.example/short-breaks#top');
    for (const url of ['javascript:alert(1)', 'not a url', undefined]) expect(uriOf(url), String(url)).toBeUndefined();
  });
});
