// The context of a comparison: each measure of the local council beside its group, region and England (medians of
// the councils where known), and its reference figures. England and region medians depend only on the data, so
// they are kept with the prepared model and computed once per data version.
import { METRICS } from './metric-defs.js';
import type { CouncilMetrics } from './metrics.js';
import { figure, median, type ScoringCouncil, type ScoringData } from './scoring-data.js';

/** What the context reads from a prepared scoring model (compare.ts's ScoringModel has it all). */
export interface ContextInputs {
  data: ScoringData;
  metrics: Map<string, CouncilMetrics>;
  /** Medians of each metric over an area's councils ('england', else a region code), filled as asked. */
  areaMedians: Map<string, Map<string, number | null>>;
}

export interface ContextRow {
  id: string;
  label: string;
  local: number | null;
  group_median: number | null;
  region_median: number | null;
  england_median: number | null;
  known_in_group: number;
}

export interface FigureRow {
  measure: string;
  label: string;
  local: number | null;
  group_median: number | null;
  region: number | null;
  england: number | null;
  period: string | null;
}

const CONTEXT_FIGURES: Array<[string, string]> = [
  ['pop_0_17', 'Children aged 0-17'],
  ['ehc_plans_age_0_17', 'EHC plans, ages 0-17'],
  ['ehc_plans', 'EHC plans, all ages'],
  ['pupils_ehcp_pct', 'Pupils with an EHC plan (%)'],
  ['iod2019_idaci_score', 'IDACI average score (2019)'],
  ['child_poverty_pct', 'Children in low-income families (%)'],
  ['ehcp_need_pct_asd', 'EHC plans: autism as primary need (%)'],
  ['ehcp_need_pct_semh', 'EHC plans: SEMH as primary need (%)'],
];

/** The known values of one metric over some councils, in their order. */
function metricValues(model: ContextInputs, codes: readonly string[], id: string): number[] {
  const out: number[] = [];
  for (const c of codes) {
    const v = model.metrics.get(c)?.[id]?.value;
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/** The known values of one reference figure over some areas, in their order. */
function figureValues(data: ScoringData, codes: readonly string[], measure: string): number[] {
  const out: number[] = [];
  for (const c of codes) {
    const v = figure(data, c, measure)?.value;
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** Each metric's median over England or a region: the same for every request on the same data, so kept in the model. */
function areaMedians(model: ContextInputs, area: 'england' | string): Map<string, number | null> {
  let hit = model.areaMedians.get(area);
  if (!hit) {
    const codes = model.data.councils.filter((c) => area === 'england' || c.region_code === area).map((c) => c.code);
    hit = new Map(METRICS.map((def) => [def.id, median(metricValues(model, codes, def.id))]));
    model.areaMedians.set(area, hit);
  }
  return hit;
}

export function contextRows(model: ContextInputs, local: ScoringCouncil, members: readonly string[]) {
  const region = areaMedians(model, local.region_code);
  const england = areaMedians(model, 'england');
  const metrics: ContextRow[] = METRICS.map((def) => {
    const inGroup = metricValues(model, members, def.id);
    return {
      id: def.id,
      label: def.label,
      local: model.metrics.get(local.code)?.[def.id]?.value ?? null,
      group_median: median(inGroup),
      region_median: region.get(def.id) ?? null,
      england_median: england.get(def.id) ?? null,
      known_in_group: inGroup.length,
    };
  });
  const figures: FigureRow[] = CONTEXT_FIGURES.map(([measure, label]) => {
    const f = figure(model.data, local.code, measure);
    return {
      measure,
      label,
      local: f?.value ?? null,
      group_median: median(figureValues(model.data, members, measure)),
      region: figure(model.data, local.region_code, measure)?.value ?? null,
      england: figure(model.data, model.data.england_code, measure)?.value ?? null,
      period: f?.period ?? null,
    };
  });
  return { metrics, figures };
}
