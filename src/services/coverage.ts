// The coverage report the CLI (`sbb coverage`), the API (/api/coverage) and the /coverage page share: for every
// council what the store holds (entry points by kind, records, offers, the newest dates) beside the scoring engine's
// own evidence coverage and rank within its DfE 2025 statistical neighbours (scoreAll's, never recomputed), with
// England's totals first. Missing stays missing: no records means no newest date, never a zero date.
import { scoreAll, type ScoresResult } from '../scoring/compare.js';
import type { CouncilCoverageCounts } from '../store/coverage-reads.js';
import type { Store } from '../store/store.js';
import { scoringModelFor } from './scoring-model.js';

/** The group a council is ranked in here: its own DfE 2025 statistical neighbours (scoreAll's default). */
export const COVERAGE_GROUP = { id: 'sn2025', name: 'DfE statistical neighbours (2025 model)' } as const;
/** England's totals count councils with at least this many current offers. */
export const MIN_OFFERS = 3;

export interface CouncilCoverage {
  code: string;
  la_number: string;
  name: string;
  type: string;
  region_name: string;
  entry_points: { total: number; by_kind: Record<string, number> };
  /** Offers plus council facts. */
  records: number;
  offers: number;
  facts: number;
  /** The scoring engine's evidence coverage under the default weights: the weighted share of its inputs known (0-1). */
  evidence_coverage: number;
  newest_published: string | null;
  newest_retrieved: string | null;
  /** Ranked within its own DfE 2025 group: enough evidence (see min_coverage_to_rank) and a composite. */
  rankable: boolean;
  rank: number | null;
  group_size: number;
  /** Why it is not ranked, as the scoring engine says it; null when ranked. */
  unranked_reason: string | null;
}

export interface EnglandCoverage {
  councils: number;
  with_entry_point: number;
  with_record: number;
  with_three_offers: number;
  rankable: number;
  entry_points: number;
  records: number;
  offers: number;
  facts: number;
  newest_published: string | null;
  newest_retrieved: string | null;
}

export interface CoverageReport {
  method_version: string;
  taxonomy_version: string;
  data_date: string | null;
  group: typeof COVERAGE_GROUP;
  weights: string;
  min_coverage_to_rank: number;
  min_offers: number;
  england: EnglandCoverage;
  councils: CouncilCoverage[];
}

const latest = (dates: ReadonlyArray<string | null>) => dates.reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);

/** Joins the store's counts with scoreAll's rows (pure): the councils in the counts' order, England's totals over them. */
export function summariseCoverage(counts: readonly CouncilCoverageCounts[], scores: ScoresResult, minCoverageToRank: number): CoverageReport {
  const byCode = new Map(scores.scores.map((s) => [s.code, s]));
  const councils: CouncilCoverage[] = counts.map((c) => {
    const s = byCode.get(c.code);
    const total = Object.values(c.entry_points).reduce((a, n) => a + n, 0);
    return {
      code: c.code,
      la_number: c.la_number,
      name: c.name,
      type: c.type,
      region_name: c.region_name,
      entry_points: { total, by_kind: c.entry_points },
      records: c.offers + c.facts,
      offers: c.offers,
      facts: c.facts,
      evidence_coverage: s?.coverage ?? 0,
      newest_published: c.newest_published,
      newest_retrieved: c.newest_retrieved,
      rankable: s?.rank !== null && s?.rank !== undefined,
      rank: s?.rank ?? null,
      group_size: s?.group_size ?? 1,
      unranked_reason: s ? (s.unranked_reason ?? null) : 'not scored',
    };
  });
  const count = (f: (c: CouncilCoverage) => boolean) => councils.filter(f).length;
  const sum = (f: (c: CouncilCoverage) => number) => councils.reduce((a, c) => a + f(c), 0);
  return {
    method_version: scores.method_version,
    taxonomy_version: scores.taxonomy_version,
    data_date: scores.data_date,
    group: COVERAGE_GROUP,
    weights: scores.weights.spec,
    min_coverage_to_rank: minCoverageToRank,
    min_offers: MIN_OFFERS,
    england: {
      councils: councils.length,
      with_entry_point: count((c) => c.entry_points.total > 0),
      with_record: count((c) => c.records > 0),
      with_three_offers: count((c) => c.offers >= MIN_OFFERS),
      rankable: count((c) => c.rankable),
      entry_points: sum((c) => c.entry_points.total),
      records: sum((c) => c.records),
      offers: sum((c) => c.offers),
      facts: sum((c) => c.facts),
      newest_published: latest(councils.map((c) => c.newest_published)),
      newest_retrieved: latest(councils.map((c) => c.newest_retrieved)),
    },
    councils,
  };
}

/** The report over the store: its counts and the cached scoring model's scoreAll under the default group and weights. */
export async function coverageReport(store: Store): Promise<CoverageReport> {
  const [counts, model] = await Promise.all([store.coverageCounts(), scoringModelFor(store)]);
  return summariseCoverage(counts, scoreAll(model, { group: COVERAGE_GROUP.id }), model.config.min_coverage_to_rank);
}

/** Evidence coverage in words: "none found yet" for a council with no records, else the engine's share as a percentage. */
export const evidenceText = (c: Pick<CouncilCoverage, 'records' | 'evidence_coverage'>) =>
  c.records === 0 ? 'none found yet' : `${Math.round(100 * c.evidence_coverage)}%`;

/** Entry points by kind in words ("2 statement, 1 directory"); "none found yet" when there are none. */
export const entryPointText = (c: Pick<CouncilCoverage, 'entry_points'>) =>
  c.entry_points.total === 0
    ? 'none found yet'
    : Object.entries(c.entry_points.by_kind)
        .map(([kind, n]) => `${n} ${kind.replace(/_/g, ' ')}`)
        .join(', ');

/** The CSV columns: England's row first (its flags summed over the councils), then one row per council. */
export const COVERAGE_COLUMNS = [
  'code', 'name', 'region', 'councils', 'with_entry_point', 'with_record', 'with_three_offers', 'rankable',
  'entry_points', 'entry_points_by_kind', 'records', 'offers', 'facts', 'evidence_coverage', 'newest_published', 'newest_retrieved', 'rank', 'group_size', 'note',
] as const;

export function coverageRows(r: CoverageReport): Array<Record<(typeof COVERAGE_COLUMNS)[number], string | number | null>> {
  const e = r.england;
  const england = {
    code: 'E92000001', name: 'England', region: null, councils: e.councils, with_entry_point: e.with_entry_point, with_record: e.with_record,
    with_three_offers: e.with_three_offers, rankable: e.rankable, entry_points: e.entry_points, entry_points_by_kind: null, records: e.records,
    offers: e.offers, facts: e.facts, evidence_coverage: null, newest_published: e.newest_published, newest_retrieved: e.newest_retrieved,
    rank: null, group_size: null, note: `totals over ${e.councils} councils`,
  };
  const flag = (b: boolean) => (b ? 1 : 0);
  return [
    england,
    ...r.councils.map((c) => ({
      code: c.code, name: c.name, region: c.region_name, councils: 1, with_entry_point: flag(c.entry_points.total > 0), with_record: flag(c.records > 0),
      with_three_offers: flag(c.offers >= r.min_offers), rankable: flag(c.rankable), entry_points: c.entry_points.total,
      entry_points_by_kind: Object.entries(c.entry_points.by_kind).map(([k, n]) => `${k}:${n}`).join(' ') || null, records: c.records,
      offers: c.offers, facts: c.facts, evidence_coverage: Number(c.evidence_coverage.toFixed(3)),
      newest_published: c.newest_published, newest_retrieved: c.newest_retrieved, rank: c.rank, group_size: c.group_size,
      note: c.records === 0 ? 'no records found yet' : c.unranked_reason,
    })),
  ];
}
