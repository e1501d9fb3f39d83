// Plain-language presentation of scores shared by the CLI, the API's CSV and the packs: number formats and rows.
import { DIMENSIONS } from './config.js';
import type { CompareResult, ScoresResult } from './compare.js';
import { METRIC_BY_ID } from './metric-defs.js';

/** A metric value in its unit: shares as percentages, counts whole, rates to two places; missing as "not known". */
export function formatMetric(id: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'not known';
  const unit = METRIC_BY_ID.get(id)?.unit;
  if (unit === 'share') return `${(100 * value).toFixed(0)}%`;
  if (unit === 'count') return String(Math.round(value));
  if (unit === 'index') return value.toFixed(2);
  return value.toFixed(2);
}

export const formatScore = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1));
export const formatShare = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${(100 * v).toFixed(0)}%`);

/** One row per group member, flat, for tables and CSV. */
export function memberRows(r: CompareResult): Array<Record<string, string | number | null>> {
  return r.members.map((m) => ({
    rank: m.rank,
    code: m.code,
    council: m.name,
    local: m.is_local ? 'yes' : 'no',
    composite: m.composite === null ? null : Number(m.composite.toFixed(2)),
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, m.dimensions[d].score === null ? null : Number(m.dimensions[d].score!.toFixed(2))])),
    evidence: Number(m.coverage.toFixed(3)),
    offers: m.offers_found,
    p_same_rank: m.rank === null || !r.sensitivity.settings.samples ? null : (r.sensitivity.members.find((s) => s.code === m.code)?.p_same_rank ?? null),
    note: m.unranked_reason ?? null,
  }));
}

export const MEMBER_COLUMNS = ['rank', 'code', 'council', 'local', 'composite', ...DIMENSIONS, 'evidence', 'offers', 'p_same_rank', 'note'];

export function scoreRows(r: ScoresResult): Array<Record<string, string | number | null>> {
  return r.scores.map((s) => ({
    code: s.code,
    council: s.name,
    group: s.group,
    group_size: s.group_size,
    rank: s.rank,
    composite: s.composite === null ? null : Number(s.composite.toFixed(2)),
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, s[d] === null ? null : Number(s[d]!.toFixed(2))])),
    evidence: Number(s.coverage.toFixed(3)),
    offers: s.offers_found,
    note: s.unranked_reason ?? null,
  }));
}

export const SCORE_COLUMNS = ['code', 'council', 'group', 'group_size', 'rank', 'composite', ...DIMENSIONS, 'evidence', 'offers', 'note'];

/** The sentence a room reads about the local council's position and how robust it is. */
export function positionSentence(r: CompareResult): string {
  const { local, sensitivity } = r;
  const name = r.council.name;
  if (local.rank === null) return `${name} is not ranked: ${r.members.find((m) => m.is_local)?.unranked_reason ?? 'too little evidence'}.`;
  const samples = sensitivity.settings.samples;
  const base = `${name} ranks ${local.rank} of the ${local.ranked} councils ranked in this group (${local.of} in the group).`;
  if (!samples) return base;
  const [lo, hi] = local.rank_interval ?? [local.rank, local.rank];
  const range = lo === hi ? `rank ${lo}` : `ranks ${lo} to ${hi}`;
  return `${base} With the weights varied around the chosen ones (${samples.toLocaleString('en-GB')} samples), it keeps that rank ${(100 * local.p_same_rank).toFixed(0)}% of the time and stays within ${range} 90% of the time: the position is ${local.robust ? 'robust' : 'NOT robust'} to the weights.`;
}
