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

/** The other ranks the samples gave, most often first: "and ranks 3 the other 5% of the time", "and ranks 3 (4%) or 1 (1%) the rest of the time". */
function otherRanks(p: readonly number[], rank: number): string {
  const same = Math.round(100 * (p[rank - 1] ?? 0));
  if (same >= 100) return 'in every sample';
  const others = p.map((x, i) => ({ rank: i + 1, pct: Math.round(100 * x) })).filter((x) => x.rank !== rank && x.pct >= 1).sort((a, b) => b.pct - a.pct || a.rank - b.rank);
  if (!others.length) return 'in all but a few samples';
  if (others.length === 1) return `and ranks ${others[0]!.rank} the other ${100 - same}% of the time`;
  const shown = others.slice(0, 3).map((x) => `${x.rank} (${x.pct}%)`);
  if (others.length > 3) return `and ranks ${shown.join(', ')} or another rank the rest of the time`;
  return `and ranks ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]} the rest of the time`;
}

/**
 * The sentence a room reads about the local council's position and how robust it is: how often it keeps its rank
 * when the weights are varied and which ranks it takes otherwise (shares that add up, never two overlapping
 * claims), then whether that is robust; a council alone in its group, or not ranked, is never called robust.
 */
export function positionSentence(r: CompareResult): string {
  const { local, sensitivity } = r;
  const name = r.council.name;
  if (local.rank === null) return `${name} is not ranked: ${r.members.find((m) => m.is_local)?.unranked_reason ?? 'too little evidence'}.`;
  if (local.ranked < 2) return `${name} is the only council ranked in this group (${local.of} in the group): a rank with nothing to compare it with says nothing.`;
  const samples = sensitivity.settings.samples;
  const base = `${name} ranks ${local.rank} of the ${local.ranked} councils ranked in this group (${local.of} in the group).`;
  if (!samples || local.p_same_rank === null) return base;
  const p = sensitivity.members.find((m) => m.code === r.council.code)?.p_rank ?? [];
  const same = (100 * local.p_same_rank).toFixed(0);
  const threshold = `${(100 * sensitivity.settings.robust_share).toFixed(0)}%`;
  const verdict = local.robust
    ? `so its rank is robust to the weights (it holds in at least ${threshold} of the samples)`
    : `so its rank is NOT robust to the weights (it holds in fewer than ${threshold} of the samples)`;
  return `${base} With the weights varied around the chosen ones (${samples.toLocaleString('en-GB')} samples), it keeps that rank ${same}% of the time ${otherRanks(p, local.rank)}; ${verdict}.`;
}
