// The coverage report joins the store's counts with scoreAll's rows as they are: the engine's coverage and rank are
// carried over, England's totals are sums and counts over the councils, and missing stays missing.
import { describe, expect, it } from 'vitest';
import type { ScoreRow, ScoresResult } from '../scoring/compare.js';
import type { CouncilCoverageCounts } from '../store/coverage-reads.js';
import { coverageRows, entryPointText, evidenceText, summariseCoverage } from './coverage.js';

const counts = (code: string, name: string, c: Partial<CouncilCoverageCounts> = {}): CouncilCoverageCounts => ({
  code,
  la_number: '999',
  name,
  type: 'county',
  region_code: 'E12000002',
  region_name: 'North West',
  entry_points: {},
  offers: 0,
  facts: 0,
  newest_published: null,
  newest_retrieved: null,
  ...c,
});

const score = (code: string, coverage: number, rank: number | null, reason?: string): ScoreRow => ({
  code,
  name: code,
  group: 'sn2025',
  group_version: 'dfe_sn_2025@2025-05',
  group_size: 11,
  composite: rank === null ? 20 : 60,
  rank,
  ...(reason ? { unranked_reason: reason } : {}),
  coverage,
  choice: null,
  equity: null,
  quality: null,
  suitability: null,
  offers_found: 0,
});

const scores = (rows: ScoreRow[]): ScoresResult => ({
  method_version: 'm1',
  taxonomy_version: 't1',
  data_date: '2026-11-22',
  group: 'sn2025',
  weights: { preset: 'balanced', spec: 'balanced', weights: { choice: 0.25, equity: 0.25, quality: 0.25, suitability: 0.25 } } as ScoresResult['weights'],
  scores: rows,
});

const report = summariseCoverage(
  [
    counts('E1', 'Alpha', { entry_points: { statement: 1, directory: 2 }, offers: 4, facts: 2, newest_published: '2024-03', newest_retrieved: '2026-11-01' }),
    counts('E2', 'Beta', { entry_points: { local_offer_page: 1 }, offers: 1, facts: 0, newest_retrieved: '2026-10-01' }),
    counts('E3', 'Gamma'),
  ],
  scores([score('E1', 0.8, 1), score('E2', 0.45, null, 'evidence coverage 45% is below the 50% needed to rank'), score('E3', 0.092, null, 'evidence coverage 9% is below the 50% needed to rank')]),
  0.5,
);

describe('summariseCoverage', () => {
  it("carries the scoring engine's coverage, rank and reason over unchanged", () => {
    const [a, b, g] = report.councils;
    expect(a).toMatchObject({ code: 'E1', evidence_coverage: 0.8, rankable: true, rank: 1, group_size: 11, unranked_reason: null });
    expect(b).toMatchObject({ evidence_coverage: 0.45, rankable: false, rank: null, unranked_reason: 'evidence coverage 45% is below the 50% needed to rank' });
    expect(g).toMatchObject({ evidence_coverage: 0.092, rankable: false });
  });

  it('counts records as offers plus facts and entry points by kind', () => {
    expect(report.councils[0]).toMatchObject({ records: 6, offers: 4, facts: 2, entry_points: { total: 3, by_kind: { statement: 1, directory: 2 } } });
  });

  it('keeps a council with nothing found as zero counts with no dates, never a zero date', () => {
    expect(report.councils[2]).toMatchObject({ records: 0, offers: 0, entry_points: { total: 0, by_kind: {} }, newest_published: null, newest_retrieved: null });
    expect(report.councils[1]).toMatchObject({ newest_published: null, newest_retrieved: '2026-10-01' });
  });

  it("gives England's totals over the councils", () => {
    expect(report.england).toEqual({
      councils: 3,
      with_entry_point: 2,
      with_record: 2,
      with_three_offers: 1,
      rankable: 1,
      entry_points: 4,
      records: 7,
      offers: 5,
      facts: 2,
      newest_published: '2024-03',
      newest_retrieved: '2026-11-01',
    });
    expect(report).toMatchObject({ group: { id: 'sn2025' }, min_coverage_to_rank: 0.5, min_offers: 3, method_version: 'm1', data_date: '2026-11-22' });
  });
});

describe('coverage in words and rows', () => {
  it('says "none found yet" where nothing is found, and the percentage otherwise', () => {
    expect(evidenceText(report.councils[2]!)).toBe('none found yet');
    expect(evidenceText(report.councils[1]!)).toBe('45%');
    expect(entryPointText(report.councils[0]!)).toBe('1 statement, 2 directory');
    expect(entryPointText(report.councils[2]!)).toBe('none found yet');
  });

  it("puts England's row first, whose flags are the sums of the councils' rows", () => {
    const rows = coverageRows(report);
    expect(rows.map((r) => r.code)).toEqual(['E92000001', 'E1', 'E2', 'E3']);
    for (const col of ['councils', 'with_entry_point', 'with_record', 'with_three_offers', 'rankable', 'entry_points', 'records', 'offers', 'facts'] as const)
      expect(rows[0]![col], col).toBe(rows.slice(1).reduce((a, r) => a + Number(r[col]), 0));
    expect(rows[1]).toMatchObject({ entry_points_by_kind: 'statement:1 directory:2', rank: 1, note: null });
    expect(rows[3]).toMatchObject({ newest_published: null, newest_retrieved: null, note: 'no records found yet' });
  });
});
