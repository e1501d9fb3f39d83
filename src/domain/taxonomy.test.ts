// The one taxonomy: loaded and checked once, with each facet's terms, labels and each type's defaults.
import { describe, expect, it } from 'vitest';
import taxonomyJson from '../../data/taxonomy/taxonomy.json' with { type: 'json' };
import { indexTaxonomy, TAXONOMY } from './taxonomy.js';

describe('TAXONOMY', () => {
  it('is the shipped taxonomy, with terms, labels and type defaults', () => {
    expect(TAXONOMY.version).toBe(taxonomyJson.version);
    expect(TAXONOMY.codes('types')).toEqual(taxonomyJson.types.map((t) => t.code));
    expect(TAXONOMY.terms('time_slots').map((t) => t.label)).toEqual(taxonomyJson.time_slots.map((t) => t.label));
    const weekend = taxonomyJson.types.find((t) => t.code === 'weekend_club')!;
    expect(TAXONOMY.defaultsOf('weekend_club')).toEqual({ categories: weekend.default_categories, time_slots: weekend.default_time_slots });
    expect(TAXONOMY.defaultsOf('no_such_type')).toEqual({ categories: [], time_slots: [] });
  });

  it('rejects a type default that names an unknown category, naming it', () => {
    const raw = structuredClone(taxonomyJson);
    raw.types.find((t) => t.code === 'youth_club')!.default_categories = ['youth_work'];
    expect(() => indexTaxonomy(raw)).toThrow(/type youth_club names unknown category youth_work/);
  });
});
