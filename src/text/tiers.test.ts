// Table-driven tests of the tier parser: council tier names, the tier words and access cues.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTier, TIER_SCHEMES } from './tiers.js';

describe('parseTier', () => {
  it.each([
    ['Universal short breaks', 'universal', undefined],
    ['Targeted short breaks', 'targeted', undefined],
    ['Specialist', 'specialist', undefined],
    ['There is no assessment.', 'targeted', undefined],
    ['You do not need a social care assessment.', 'targeted', undefined],
    ['self-referral', 'targeted', undefined],
    ['Access is by assessment by a social worker.', 'specialist', undefined],
    ['only if need identified by a social care assessment', 'specialist', undefined],
    ['open to all children', 'universal', undefined],
    ['Break-time', 'targeted', 'Break-time'],
    ['Night-time short breaks', 'specialist', 'Night-time'],
    ['Activities Extra', 'targeted', 'Activities Extra'],
    ['SBLO Plus', 'specialist', 'SBLO Plus'],
    ['SBLO Intensive', 'specialist', 'SBLO Intensive'],
    ['Level 1', 'universal', 'Level 1'],
    ['Level 2', 'targeted', 'Level 2'],
    ['Level three', 'specialist', 'Level 3'],
    ['lots of support', 'specialist', 'lots of'],
    ['Additional services', 'targeted', 'additional'],
  ])('%s -> %s', (text, tier, label) => {
    const found = parseTier(text);
    expect(found?.tier).toBe(tier);
    expect(found?.label).toBe(label);
  });

  it('quotes the words that decided the tier', () => {
    expect(parseTier('You do not need a social care assessment.')?.cue).toBe('do not need a social care assessment');
    expect(parseTier('Targeted short breaks are for...')?.cue).toBe('Targeted short breaks');
  });

  it.each(['Universal Credit', 'a specialist nurse visits', 'Holiday play schemes', 'day-time care in the home'])('finds no tier in %s', (text) =>
    expect(parseTier(text)).toBeUndefined(),
  );

  it('knows every council tier vocabulary in taxonomy.json, mapped the same way', () => {
    const taxonomy = JSON.parse(readFileSync(new URL('../../data/taxonomy/taxonomy.json', import.meta.url), 'utf8')) as {
      tier_schemes: Array<{ council_name: string; mapping: Record<string, string> }>;
    };
    for (const scheme of taxonomy.tier_schemes)
      for (const [name, tier] of Object.entries(scheme.mapping)) {
        if (['universal', 'targeted', 'specialist'].includes(name.toLowerCase())) {
          expect(parseTier(name)?.tier, `${scheme.council_name} ${name}`).toBe(tier);
          continue;
        }
        const known = TIER_SCHEMES.find((s) => s.council === scheme.council_name && s.name.toLowerCase() === name.toLowerCase());
        expect(known, `${scheme.council_name} "${name}" missing from TIER_SCHEMES`).toBeDefined();
        expect(known!.tier, `${scheme.council_name} ${name}`).toBe(tier);
      }
  });
});
