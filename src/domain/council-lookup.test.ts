// The council lookup: codes, previous codes, LA numbers and the name forms people type; near misses suggested.
import { describe, expect, it } from 'vitest';
import { councilLookup, councilNotFound, editDistance } from './council-lookup.js';
import { AppError } from './errors.js';

const COUNCILS = [
  { code: 'E10000017', la_number: '888', name: 'Lancashire' },
  { code: 'E06000047', la_number: '840', name: 'County Durham' },
  { code: 'E06000023', la_number: '801', name: 'Bristol, City of', also_known_as: ['Bristol'] },
  { code: 'E06000019', la_number: '884', name: 'Herefordshire, County of' },
  { code: 'E08000039', la_number: '373', name: 'Sheffield', previous_codes: ['E08000019'] },
  { code: 'E06000010', la_number: '810', name: 'Kingston upon Hull, City of', also_known_as: ['Kingston Upon Hull', 'Hull'] },
  { code: 'E09000021', la_number: '314', name: 'Kingston upon Thames' },
  { code: 'E08000013', la_number: '342', name: 'St. Helens' },
  { code: 'E09000001', la_number: '201', name: 'City of London' },
  { code: 'E06000014', la_number: '816', name: 'York' },
  { code: 'E06000033', la_number: '882', name: 'Southend-on-Sea' },
  { code: 'E09000011', la_number: '203', name: 'Greenwich' },
  { code: 'E06000055', la_number: '822', name: 'Bedford' },
  { code: 'E06000058', la_number: '839', name: 'Bournemouth, Christchurch and Poole', also_known_as: ['BCP', 'Bournemouth, Christchurch & Poole'] },
];
const lookup = councilLookup(COUNCILS);
const codeOf = (key: string) => lookup.find(key)?.code;

describe('council lookup', () => {
  it('finds a council by GSS code, previous GSS code and LA number, in any case', () => {
    expect(codeOf('E10000017')).toBe('E10000017');
    expect(codeOf(' e10000017 ')).toBe('E10000017');
    expect(codeOf('E08000019')).toBe('E08000039');
    expect(codeOf('888')).toBe('E10000017');
  });

  it('finds a council by its name in the forms people write it', () => {
    expect(codeOf('lancashire')).toBe('E10000017');
    expect(codeOf('LANCASHIRE')).toBe('E10000017');
    expect(codeOf('Lancashire County Council')).toBe('E10000017');
    expect(codeOf('County Durham')).toBe('E06000047');
    expect(codeOf('Durham')).toBe('E06000047');
    expect(codeOf('Bristol')).toBe('E06000023');
    expect(codeOf('Bristol, City of')).toBe('E06000023');
    expect(codeOf('City of Bristol')).toBe('E06000023');
    expect(codeOf('Herefordshire')).toBe('E06000019');
    expect(codeOf('herefordshire, county of')).toBe('E06000019');
    expect(codeOf('St Helens')).toBe('E08000013');
    expect(codeOf('Hull')).toBe('E06000010');
    expect(codeOf('City of London')).toBe('E09000001');
    expect(codeOf('City of York')).toBe('E06000014');
    expect(codeOf('Bournemouth, Christchurch & Poole')).toBe('E06000058');
  });

  it('finds a council by the short forms and wrappings reports and pages use', () => {
    expect(codeOf('Southend')).toBe('E06000033');
    expect(codeOf('Southend-on-Sea City Council')).toBe('E06000033');
    expect(codeOf('the Greenwich')).toBe('E09000011');
    expect(codeOf('Royal Borough of Greenwich')).toBe('E09000011');
    expect(codeOf('Greenwich London Borough Council')).toBe('E09000011');
    expect(codeOf('Bedford Borough')).toBe('E06000055');
    expect(codeOf('Saint Helens')).toBe('E08000013');
    expect(codeOf('Kingston upon Hull')).toBe('E06000010');
    expect(codeOf('City of London Corporation')).toBe('E09000001');
    expect(codeOf('City of London Council')).toBe('E09000001');
    expect(codeOf('Durham County Council')).toBe('E06000047');
  });

  it('does not guess: a name that fits two councils, or none, finds nothing', () => {
    expect(lookup.find('Kingston')).toBeUndefined();
    expect(lookup.find('London')).toBeUndefined();
    expect(lookup.find('Atlantis')).toBeUndefined();
    expect(lookup.find('E10999999')).toBeUndefined();
    expect(lookup.find('')).toBeUndefined();
  });

  it('suggests near misses by name and by code', () => {
    expect(lookup.suggest('Lancshire').map((c) => c.name)).toEqual(['Lancashire']);
    expect(lookup.suggest('Kingston').map((c) => c.name)).toEqual(['Kingston upon Hull, City of', 'Kingston upon Thames']);
    expect(lookup.suggest('E10000071').map((c) => c.code)).toEqual(['E10000017']);
    expect(lookup.suggest('Atlantis')).toEqual([]);
    expect(lookup.suggest('E10999999')).toEqual([]);
  });

  it('refuses an unknown council with a not_found error naming the input, and suggestions', () => {
    const e = (() => {
      try {
        lookup.resolve('Sheffeild', 'council');
      } catch (err) {
        return err;
      }
    })() as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ kind: 'not_found', field: 'council' });
    expect(e.message).toBe('no council with code "Sheffeild" (did you mean Sheffield, E08000039?)');
    expect(councilNotFound('Atlantis').message).toBe('no council with code "Atlantis"');
    expect(councilNotFound('Atlantis').problems).toEqual([{ field: 'code', message: expect.stringMatching(/GSS code/) }]);
  });

  it('counts edits with transpositions', () => {
    expect(editDistance('sheffield', 'sheffeild')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
