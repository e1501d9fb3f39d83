// Offer ids stay stable and distinct: case-sensitive platform ids never collide once made into slugs.
import { describe, expect, it } from 'vitest';
import { garble } from '../../test/support/mojibake.js';
import type { PageInput } from './adapter.js';
import { buildOffers, offerId } from './offer-builder.js';

describe('offerId', () => {
  it('keeps plain ids readable', () => {
    expect(offerId('oruk_v1', 'E10000017', '40101')).toBe('oruk_v1:e10000017:40101');
  });
  it('keeps ids that differ only in case apart, and the same id stable', () => {
    const a = offerId('kb5', 'E10000014', 'D3n4HxtKPow');
    const b = offerId('kb5', 'E10000014', 'd3n4hxtkpow');
    expect(a).not.toBe(b);
    expect(a).toBe(offerId('kb5', 'E10000014', 'D3n4HxtKPow'));
    expect(a).toMatch(/^kb5:e10000014:d3n4hxtkpow-[0-9a-z]{7}$/);
  });
});

describe('the offer builder repairs every text field of a draft, at any depth', () => {
  it('names, provider, eligibility, gates, allowances, charges, contact, schedule, terms', () => {
    const g = garble;
    const page = {
      url: 'https://x.example/s', finalUrl: 'https://x.example/s', status: 200, contentType: 'text/html', text: '', bytes: new Uint8Array(), label: 'entry', retrieved: '2026-12-04',
      source: { id: 's', url: 'https://x.example/s', council_code: 'E10000017', kind: 'other', platform: null, adapter: 'x', title: null, notes: null },
    } as PageInput;
    const { records, problems } = buildOffers(
      [
        {
          external_id: 'café-1',
          name: g('Saturday “Fun” Club'),
          description: g('Don’t miss it – £5\u00a0a session'),
          provider: g('Café Ltd'),
          eligibility: g('Aged 8–18'),
          age_note: g('8–18 ½'),
          tier_label: g('Targeted – level 2'),
          gates: [g('EHC plan – or DLA')],
          allowances: [{ max: 100, unit: 'hours', per: 'year', note: g('up to 100 hours – a year') }],
          schedule: g('Saturdays 10:00–15:00'),
          districts: [g('Bishop’s Stortford')],
          source_terms: [g('Short breaks – clubs')],
          contact: { phone: g('01234 567890 – ask for Zoë'), address: g('1 Café Row') },
          cost: { status: 'charged', charges: [{ amount_gbp: 5, per: 'session', note: g('£5 – per session') }], note: g('£5 each') },
        },
      ],
      page,
      'x',
    );
    expect(problems).toEqual([]);
    expect(JSON.stringify(records)).not.toMatch(/[ÂÃ]|â€/);
    expect(records[0]).toMatchObject({ gates: ['EHC plan – or DLA'], allowances: [{ note: 'up to 100 hours – a year' }], name: 'Saturday “Fun” Club', provider: 'Café Ltd', districts: ['Bishop’s Stortford'], contact: { phone: '01234 567890 – ask for Zoë' } });
  });
});

describe('the offer builder records only http(s) addresses', () => {
  const pageAt = (url: string) =>
    ({
      url, finalUrl: url, status: 200, contentType: 'text/html', text: '', bytes: new Uint8Array(), label: 'entry', retrieved: '2026-12-04',
      source: { id: 's', url, council_code: 'E10000017', kind: 'other', platform: null, adapter: 'x', title: null, notes: null },
    }) as PageInput;

  it('a detail URL that is not http(s) gives way to the page parsed; such a contact web address is dropped, the rest kept', () => {
    const { records, problems } = buildOffers(
      ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.example', 'tel:01632960000'].map((u, i) => ({
        external_id: `c${i}`, name: `Club ${i}`, url: u, contact: { url: u, phone: '01632 960000' },
      })),
      pageAt('https://exampleshire.example/clubs'),
      'x',
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => r.source.url)).toEqual(Array(5).fill('https://exampleshire.example/clubs'));
    expect(records.map((r) => r.kind === 'offer' && r.contact)).toEqual(Array(5).fill({ phone: '01632 960000' }));
  });

  it('a local file parsed by sbb parse (never stored) stays its records\' source', () => {
    const { records } = buildOffers([{ external_id: 'c', name: 'Club' }], pageAt('file:///tmp/saved.html'), 'x');
    expect(records[0]!.source.url).toBe('file:///tmp/saved.html');
  });
});
