import { describe, expect, it } from 'vitest';
import type { Workshop } from '../domain/workshop.js';
import { buildResults, resultsCsvColumns, resultsCsvRows } from './workshops-results.js';

const option = (id: string) => ({ id, title: `Option ${id}`, summary: '', easy_read: null, position: 1, scoring_open: true, decision: null });
const workshop: Workshop = {
  code: 'ABCDEFGH',
  council_code: 'E10000001',
  council_name: 'Exampleshire',
  title: 'Test',
  theme: null,
  group: null,
  status: 'open',
  created_at: '2026-01-01T00:00:00Z',
  options: [option('O1'), option('O2')],
  factors: [
    { id: 'choice', title: 'Choice', question: '?' },
    { id: 'equity', title: 'Equity', question: '?' },
  ],
  scale: [],
};

describe('workshop results', () => {
  const results = buildResults({
    workshop,
    tally: [
      { option_id: 'O1', factor: 'choice', role: 'parent_carer', score: 4, n: 2 },
      { option_id: 'O1', factor: 'equity', role: 'provider', score: 1, n: 1 },
      { option_id: 'O9', factor: 'choice', role: 'provider', score: 5, n: 1 },
    ],
    participants: [
      { role: 'parent_carer', n: 2 },
      { role: 'provider', n: 1 },
    ],
    scorers: [{ option_id: 'O1', n: 3 }],
    comments: [],
    version: 'ABCDEFGH-3',
  });

  it('counts each score once and takes means by role and factor', () => {
    const o1 = results.options[0]!;
    expect(o1).toMatchObject({ responses: 3, mean: 3, participants: 3 });
    expect(o1.by_role.parent_carer).toEqual({ responses: 2, mean: 4 });
    expect(o1.by_role.provider).toEqual({ responses: 1, mean: 1 });
    expect(o1.by_factor).toEqual({ choice: { responses: 2, mean: 4 }, equity: { responses: 1, mean: 1 } });
    expect(o1.spread).toEqual({ '0': 0, '1': 1, '2': 0, '3': 0, '4': 2, '5': 0 });
    expect(results.participants).toEqual({ total: 3, by_role: { parent_carer: 2, young_person: 0, provider: 1, council_officer: 0, health: 0, other: 0 } });
  });

  it('shows missing as missing: no mean where nobody scored, and ignores options no longer in the workshop', () => {
    const o2 = results.options[1]!;
    expect(o2).toMatchObject({ responses: 0, mean: null, participants: 0 });
    expect(o2.by_factor.choice).toEqual({ responses: 0, mean: null });
    expect(results.options.map((o) => o.id)).toEqual(['O1', 'O2']);
  });

  it('gives CSV rows in the columns of the header, empty cells where nobody scored', () => {
    const rows = resultsCsvRows(results, workshop.factors);
    expect(Object.keys(rows[0]!)).toEqual(resultsCsvColumns(workshop.factors));
    expect(rows[1]).toMatchObject({ option: 'O2', mean: null, mean_choice: null, responses: 0 });
  });
});
