// Compares a council with its comparator group: metrics, group scores, composite, rank, sensitivity, gaps, the
// England and region context, and an explanation behind every score. Deterministic: same data, weights and seed
// give the same numbers.
import { TAXONOMY, type TaxonomyIndex } from '../domain/taxonomy.js';
import { DIMENSIONS, METHOD_VERSION, SCORING_CONFIG, type Dimension, type ScoringConfig } from './config.js';
import { analyseGaps, type GapAnalysis } from './gaps.js';
import { referenceGrid, typeDefaults, type Cell } from './grid.js';
import { parseGroup, resolveGroup, scoringCouncilLookup, type ComparatorGroup } from './groups.js';
import { rankGroup, scoreGroup, type MemberScore } from './group-scores.js';
import { explain, groupParts, type Explanation, type MetricResult } from './group-parts.js';
import { METRICS, type MetricDef } from './metric-defs.js';
import { computeCouncilMetrics, type CouncilMetrics, type MetricContext } from './metrics.js';
import type { ContextRow, FigureRow } from './context-rows.js';
import { dataDate, figure, median, type ScoringCouncil, type ScoringData } from './scoring-data.js';

export type { ContextRow, FigureRow, Explanation, MetricResult };
export { explain };
import { sensitivity, type Sensitivity, type SensitivitySettings } from './sensitivity.js';
import { parseWeights, type ResolvedWeights } from './weights.js';
import { invalid } from '../domain/errors.js';
import type { CouncilLookup } from '../domain/council-lookup.js';


/** The data prepared once: every council's raw metrics, the reference grid, lookups. Reused across requests. */
export interface ScoringModel {
  data: ScoringData;
  config: ScoringConfig;
  taxonomy: TaxonomyIndex;
  grid: Cell[];
  defaults: Map<string, string[]>;
  metrics: Map<string, CouncilMetrics>;
  /** The one council lookup (GSS code, previous code, LA number, name) over the councils scored. */
  lookup: CouncilLookup<ScoringCouncil>;
  dataDate: string | null;
  /** Medians of each metric over an area's councils ('E92000001' England, else a region code), filled as asked. */
  areaMedians: Map<string, Map<string, number | null>>;
}

export function prepareScoring(data: ScoringData, config: ScoringConfig = SCORING_CONFIG, taxonomy: TaxonomyIndex = TAXONOMY): ScoringModel {
  const defaults = typeDefaults(taxonomy);
  const grid = referenceGrid(data.offers.values(), taxonomy);
  const idaci = data.councils.map((c) => figure(data, c.code, 'iod2019_idaci_score')?.value).filter((v): v is number => v !== undefined);
  const ctx: MetricContext = { config, taxonomy, defaults, grid, medianIdaci: median(idaci), dataDate: dataDate(data) };
  const metrics = new Map(data.councils.map((c) => [c.code, computeCouncilMetrics(c, data, ctx)]));
  return { data, config, taxonomy, grid, defaults, metrics, lookup: scoringCouncilLookup(data), dataDate: ctx.dataDate, areaMedians: new Map() };
}

export interface ScoringOptions {
  group?: string;
  weights?: string;
  samples?: number;
  seed?: number;
  concentration?: number;
  /** Whose scores to explain: the local council only (default), every member, or none. */
  explain?: 'local' | 'all' | 'none';
}

export interface ResolvedOptions {
  weights: ResolvedWeights;
  sensitivity: SensitivitySettings;
}

export function resolveOptions(model: ScoringModel, opts: ScoringOptions): ResolvedOptions {
  const s = model.config.sensitivity;
  const samples = opts.samples ?? s.samples;
  if (!Number.isInteger(samples) || samples < 0 || samples > 100_000) throw invalid('samples', `samples: "${opts.samples}" is not a whole number from 0 to 100000`);
  const seed = opts.seed ?? s.seed;
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) throw invalid('seed', `seed: "${opts.seed}" is not a whole number`);
  const concentration = opts.concentration ?? s.concentration;
  if (!(concentration > 0 && concentration <= 10_000)) throw invalid('concentration', `concentration: "${opts.concentration}" is not a number above 0 and at most 10000`);
  const weights: ResolvedWeights = parseWeights(opts.weights, model.config);
  return { weights, sensitivity: { samples, seed, concentration, robust_share: s.robust_share } };
}

/** The council a key names (see src/domain/council-lookup.ts); an AppError not_found with near misses otherwise. */
export function findLocal(model: ScoringModel, key: string): ScoringCouncil {
  return model.lookup.resolve(key, 'code');
}

export function groupFor(model: ScoringModel, local: ScoringCouncil, groupText: string | undefined): ComparatorGroup {
  return resolveGroup(parseGroup(groupText), local, model.data, model.lookup);
}

export interface MemberResult {
  code: string;
  name: string;
  is_local: boolean;
  offers_found: number;
  facts_found: number;
  /** The overall score: null unless the council is ranked (a score on thin evidence is not shown; its dimensions say what is known). */
  composite: number | null;
  rank: number | null;
  /** Whether it is ranked: enough of its weighted inputs are known (see unranked_reason when not). */
  ranked: boolean;
  unranked_reason?: string;
  coverage: number;
  dimensions: MemberScore['dimensions'];
  metrics: Record<string, MetricResult>;
}

export interface CompareResult {
  method_version: string;
  taxonomy_version: string;
  data_date: string | null;
  data_fingerprint: string | null;
  council: ScoringCouncil;
  group: ComparatorGroup & { member_names: Record<string, string> };
  weights: ResolvedWeights;
  /** A council is ranked only when its evidence coverage is at least this. */
  min_coverage_to_rank: number;
  members: MemberResult[];
  local: { rank: number | null; of: number; ranked: number; composite: number | null; coverage: number; robust: boolean; p_same_rank: number | null; rank_interval: [number, number] | null };
  sensitivity: Sensitivity;
  context: { metrics: ContextRow[]; figures: FigureRow[] };
  /** Each explained council's scores expanded to inputs, formula and evidence (the local council by default). */
  explanations: Record<string, Explanation[]>;
  metric_definitions: readonly MetricDef[];
  warnings: string[];
}

/** Scores one group (no sensitivity): what `score --all` and the sensitivity run share. */
export function scoreMembers(model: ScoringModel, members: readonly string[], weights: ResolvedWeights) {
  return scoreGroup(members, model.metrics, weights.weights, model.config.min_coverage_to_rank);
}

export function compare(model: ScoringModel, key: string, opts: ScoringOptions = {}): CompareResult {
  const local = findLocal(model, key);
  const group = groupFor(model, local, opts.group);
  const { weights, sensitivity: settings } = resolveOptions(model, opts);
  const parts = groupParts(model, local, group.members);
  const rows = rankGroup(parts.base, weights.weights, model.config.min_coverage_to_rank);
  const sens = sensitivity(rows, weights.weights, settings);
  const names = parts.names;
  const members: MemberResult[] = rows.map((r) => ({
    code: r.code,
    name: names.get(r.code) ?? r.code,
    is_local: r.code === local.code,
    offers_found: model.data.offers.get(r.code)?.length ?? 0,
    facts_found: model.data.facts.get(r.code)?.length ?? 0,
    composite: r.rank === null ? null : r.composite,
    rank: r.rank,
    ranked: r.rank !== null,
    ...(r.unranked_reason ? { unranked_reason: r.unranked_reason } : {}),
    coverage: r.coverage,
    dimensions: r.dimensions,
    metrics: parts.metrics.get(r.code)!,
  }));
  members.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));
  const localRow = rows[0]!;
  const localSens = sens.members[0]!;
  const warnings: string[] = [...group.missing.map((k) => `group: "${k}" is not a council in the data and was left out`)];
  if (group.members.length < 2) warnings.push('the group holds no comparators: scores within a group of one say nothing');
  if (localRow.unranked_reason) warnings.push(`${local.name} is not ranked: ${localRow.unranked_reason}`);
  const unranked = rows.filter((r) => r.unranked_reason && r.code !== local.code).length;
  if (unranked) warnings.push(`${unranked} comparator${unranked === 1 ? ' is' : 's are'} not ranked for lack of evidence (coverage below ${(100 * model.config.min_coverage_to_rank).toFixed(0)}%)`);
  const noOffers = group.members.filter((c) => !model.data.offers.get(c)?.length);
  if (noOffers.length) warnings.push(`${noOffers.length} of ${group.members.length} councils in the group ${noOffers.length === 1 ? 'has' : 'have'} no current offers in the data: their choice, equity and suitability scores are missing, not zero`);
  const explainWho = opts.explain ?? 'local';
  const explained = explainWho === 'all' ? rows : explainWho === 'local' ? [localRow] : [];
  const explanations = Object.fromEntries(
    explained.map((r) => {
      // An explanation reads the metrics and their scores within the group, not the weights: kept with the group.
      const kept = parts.explanations.get(r.code) ?? explain(model, r.code, r);
      parts.explanations.set(r.code, kept);
      return [r.code, kept];
    }),
  );
  return {
    method_version: METHOD_VERSION,
    taxonomy_version: model.taxonomy.version,
    data_date: model.dataDate,
    data_fingerprint: model.data.data_fingerprint,
    council: local,
    group: { ...group, member_names: Object.fromEntries(group.members.map((c) => [c, names.get(c) ?? c])) },
    weights,
    min_coverage_to_rank: model.config.min_coverage_to_rank,
    members,
    local: {
      rank: localRow.rank,
      of: rows.length,
      ranked: rows.filter((r) => r.rank !== null).length,
      composite: localRow.rank === null ? null : localRow.composite,
      coverage: localRow.coverage,
      // A rank among fewer than two ranked councils says nothing, however often it holds.
      robust: localSens.robust && rows.filter((r) => r.rank !== null).length >= 2,
      p_same_rank: localSens.p_same_rank,
      rank_interval: localSens.rank_interval,
    },
    sensitivity: sens,
    context: parts.context,
    explanations,
    metric_definitions: METRICS,
    warnings,
  };
}

export interface GapsResult {
  method_version: string;
  taxonomy_version: string;
  data_date: string | null;
  council: ScoringCouncil;
  group: ComparatorGroup;
  grid: Array<Cell & { type_label: string; slot_label: string; local: boolean; peers: number }>;
  analysis: GapAnalysis;
}

export function gaps(model: ScoringModel, key: string, opts: Pick<ScoringOptions, 'group'> = {}): GapsResult {
  const local = findLocal(model, key);
  const group = groupFor(model, local, opts.group);
  const peers = group.members.slice(1);
  const analysis = analyseGaps(local.code, peers, model.data, model.grid, model.taxonomy, model.config, model.defaults);
  const covered = new Set(analysis.covered_locally);
  const peerCount = new Map(analysis.gaps.map((g) => [g.cell, g.peers.length]));
  const typeLabel = new Map(model.taxonomy.terms('types').map((t) => [t.code, t.label]));
  const slotLabel = new Map(model.taxonomy.terms('time_slots').map((s) => [s.code, s.label]));
  return {
    method_version: METHOD_VERSION,
    taxonomy_version: model.taxonomy.version,
    data_date: model.dataDate,
    council: local,
    group,
    grid: model.grid.map((c) => ({ ...c, type_label: typeLabel.get(c.type) ?? c.type, slot_label: slotLabel.get(c.slot) ?? 'any time (not stated)', local: covered.has(c.key), peers: peerCount.get(c.key) ?? 0 })),
    analysis,
  };
}

export interface ScoreRow {
  code: string;
  name: string;
  group: string;
  group_version: string;
  group_size: number;
  composite: number | null;
  rank: number | null;
  unranked_reason?: string;
  coverage: number;
  choice: number | null;
  equity: number | null;
  quality: number | null;
  suitability: number | null;
  offers_found: number;
}

export interface ScoresResult {
  method_version: string;
  taxonomy_version: string;
  data_date: string | null;
  group: string;
  weights: ResolvedWeights;
  scores: ScoreRow[];
}

/**
 * Every council scored within its own comparator group (its neighbours, region or type); with a custom group, the
 * councils of that list scored within it. Sensitivity is left to compare (one council at a time) unless asked.
 */
export function scoreAll(model: ScoringModel, opts: ScoringOptions = {}): ScoresResult & { sensitivity?: Record<string, { p_same_rank: number | null; robust: boolean }> } {
  const { weights, sensitivity: settings } = resolveOptions(model, opts);
  const spec = parseGroup(opts.group);
  const names = new Map(model.data.councils.map((c) => [c.code, c.name]));
  const subjects = spec.kind === 'custom' ? (spec.codes ?? []).map((k) => model.lookup.find(k)).filter((c): c is ScoringCouncil => Boolean(c)) : model.data.councils;
  const uniqueSubjects = [...new Map(subjects.map((c) => [c.code, c])).values()];
  const scores: ScoreRow[] = [];
  const sens: Record<string, { p_same_rank: number | null; robust: boolean }> = {};
  for (const local of uniqueSubjects) {
    const group = resolveGroup(spec, local, model.data, model.lookup);
    const rows = scoreMembers(model, group.members, weights);
    const r = rows[0]!;
    if (opts.samples !== undefined && opts.samples > 0) {
      const s = sensitivity(rows, weights.weights, settings).members[0]!;
      sens[local.code] = { p_same_rank: s.p_same_rank, robust: s.robust };
    }
    scores.push({
      code: local.code,
      name: names.get(local.code) ?? local.code,
      group: group.id,
      group_version: group.version,
      group_size: group.members.length,
      composite: r.rank === null ? null : r.composite,
      rank: r.rank,
      ...(r.unranked_reason ? { unranked_reason: r.unranked_reason } : {}),
      coverage: r.coverage,
      ...(Object.fromEntries(DIMENSIONS.map((d) => [d, r.dimensions[d].score])) as Record<Dimension, number | null>),
      offers_found: model.data.offers.get(local.code)?.length ?? 0,
    });
  }
  scores.sort((a, b) => a.name.localeCompare(b.name));
  return {
    method_version: METHOD_VERSION,
    taxonomy_version: model.taxonomy.version,
    data_date: model.dataDate,
    group: spec.kind,
    weights,
    scores,
    ...(Object.keys(sens).length ? { sensitivity: sens } : {}),
  };
}
