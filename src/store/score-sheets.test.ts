import { describe, expect, it } from 'vitest';
import { optionPath, readSheet, sheetPatch, sheetScores, tallySheets } from './score-sheets.js';

describe('score sheets', () => {
  it('turns a submission into one object by option and factor, the last of a repeated score winning', () => {
    const patch = sheetPatch([
      { option: 'O2', factor: 'choice', score: 1 },
      { option: 'O1', factor: 'reach', score: 4 },
      { option: 'O2', factor: 'choice', score: 3 },
    ]);
    expect(JSON.parse(patch)).toEqual({ O2: { choice: 3 }, O1: { reach: 4 } });
  });

  it('lists a sheet by option then factor, as the old rows were ordered', () => {
    expect(sheetScores(readSheet('{"O2":{"reach":1,"choice":0},"O10":{"choice":5},"O1":{"equity":2}}'))).toEqual([
      { option: 'O1', factor: 'equity', score: 2 },
      { option: 'O10', factor: 'choice', score: 5 },
      { option: 'O2', factor: 'choice', score: 0 },
      { option: 'O2', factor: 'reach', score: 1 },
    ]);
  });

  it('reads a damaged sheet as what can be trusted in it, never a made-up score', () => {
    expect(readSheet('not json')).toEqual({});
    expect(readSheet(null)).toEqual({});
    expect(readSheet('[1,2]')).toEqual({});
    expect(readSheet('{"O1":{"choice":9,"reach":2.5,"equity":"3","value":4},"O2":7,"O3":{}}')).toEqual({ O1: { value: 4 } });
  });

  it('counts each participant\'s score once, by option, factor, role and score, and who scored each option', () => {
    const { tally, scorers } = tallySheets([
      { role: 'parent_carer', scores: '{"O1":{"choice":4,"reach":2},"O2":{"choice":0}}' },
      { role: 'parent_carer', scores: '{"O1":{"choice":4}}' },
      { role: 'provider', scores: '{"O1":{"choice":4}}' },
      { role: 'provider', scores: '{}' },
    ]);
    const sortKey = (r: { option_id: string; factor: string; role: string; score: number }) => `${r.option_id} ${r.factor} ${r.role} ${r.score}`;
    expect([...tally].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([
      { option_id: 'O1', factor: 'choice', role: 'parent_carer', score: 4, n: 2 },
      { option_id: 'O1', factor: 'choice', role: 'provider', score: 4, n: 1 },
      { option_id: 'O1', factor: 'reach', role: 'parent_carer', score: 2, n: 1 },
      { option_id: 'O2', factor: 'choice', role: 'parent_carer', score: 0, n: 1 },
    ]);
    expect(scorers).toEqual([
      { option_id: 'O1', n: 3 },
      { option_id: 'O2', n: 1 },
    ]);
  });

  it('names an option as a JSON path label, refusing an id that cannot be one', () => {
    expect(optionPath('R12')).toBe('$."R12"');
    expect(() => optionPath('a"b')).toThrow(/JSON path/);
  });
});
