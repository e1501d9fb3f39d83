// Builds reference figures (EHC plans, population, needs, budgets, deprivation, context) as one long table.
import type { Indicator } from '../domain/index.js';
import { cellNumber, type AreaResolver, type CsvRow } from './areas.js';
import { LAIT_MEASURES, MEASURES, PRIMARY_NEEDS } from './measures.js';

/** EES academic-year periods (202425) are January censuses: period "2025". */
const janOf = (timePeriod: string | undefined) => (timePeriod && /^\d{6}$/.test(timePeriod) ? `20${timePeriod.slice(4)}` : undefined);

class Collector {
  readonly rows = new Map<string, Indicator>();
  add(area: string | undefined, measure: string, period: string | undefined, value: number | undefined, dataset: string) {
    if (!area || !period || value === undefined) return;
    const unit = MEASURES[measure]?.unit;
    if (!unit) throw new Error(`indicator ${measure} is not in the measures catalogue`);
    this.rows.set(`${area}|${measure}|${period}`, { area_code: area, measure, period, value, unit, dataset_id: dataset });
  }
}

export interface IndicatorFiles {
  caseload: readonly CsvRow[];
  caseloadByAge: readonly CsvRow[];
  primaryNeed: readonly CsvRow[];
  personalBudgets: readonly CsvRow[];
  population: readonly CsvRow[];
  deprivation: readonly CsvRow[];
  lait: readonly CsvRow[];
}

export function buildIndicators(f: IndicatorFiles, areas: AreaResolver): Indicator[] {
  const c = new Collector();
  for (const r of f.caseload) c.add(areas.fromEesRow(r), 'ehc_plans', janOf(r.time_period), cellNumber(r.ehcplans), 'dfe_ehcp_2025');

  const under18 = new Map<string, { area: string; period: string; sum: number; missing: boolean }>();
  for (const r of f.caseloadByAge) {
    const m = /^(under 3|age (\d+))$/.exec(r.breakdown ?? '');
    if (!m || (m[2] !== undefined && Number(m[2]) > 17)) continue;
    const area = areas.fromEesRow(r);
    const period = janOf(r.time_period);
    if (!area || !period) continue;
    const key = `${area}|${period}`;
    const acc = under18.get(key) ?? { area, period, sum: 0, missing: false };
    const v = cellNumber(r.ehcplans);
    if (v === undefined) acc.missing = true;
    else acc.sum += v;
    under18.set(key, acc);
  }
  for (const a of under18.values()) if (!a.missing) c.add(a.area, 'ehc_plans_age_0_17', a.period, a.sum, 'dfe_ehcp_age_2025');

  for (const r of f.primaryNeed)
    for (const need of Object.keys(PRIMARY_NEEDS))
      c.add(areas.fromEesRow(r), `ehcp_need_pct_${need}`, janOf(r.time_period), cellNumber(r[`${need}_pc`]), 'dfe_ehcp_need_2025');

  for (const r of f.personalBudgets) {
    const area = areas.fromEesRow(r);
    c.add(area, 'personal_budgets', janOf(r.time_period), cellNumber(r.personal_budget), 'dfe_ehcp_pb_2025');
    c.add(area, 'personal_budgets_social_care', janOf(r.time_period), cellNumber(r.pb_social), 'dfe_ehcp_pb_2025');
  }

  for (const r of f.population)
    c.add(areas.fromLaNumber(r.old_la_code), 'pop_0_17', r.year_ending_31_march, cellNumber(r.pop_0_17_estimate), 'pop_0_17_derived');

  for (const r of f.deprivation) {
    const area = areas.fromLaNumber(r.old_la_code);
    c.add(area, 'iod2019_imd_score', '2019', cellNumber(r.iod2019_imd_average_score), 'iod_2019_2025');
    c.add(area, 'iod2019_imd_rank', '2019', cellNumber(r.iod2019_imd_rank_of_average_score_of_151), 'iod_2019_2025');
    c.add(area, 'iod2019_idaci_score', '2019', cellNumber(r.iod2019_idaci_average_score), 'iod_2019_2025');
    c.add(area, 'iod2019_idaci_rank', '2019', cellNumber(r.iod2019_idaci_rank_of_average_score_of_151), 'iod_2019_2025');
    c.add(area, 'iod2019_imd_most_deprived_10pc', '2019', cellNumber(r.iod2019_imd_prop_lsoas_most_deprived_10pc), 'iod_2019_2025');
    c.add(area, 'iod2025_imd_score', '2025', cellNumber(r.iod2025_imd_average_score_ltla), 'iod_2019_2025');
    c.add(area, 'iod2025_imd_rank', '2025', cellNumber(r.iod2025_imd_rank_of_average_score_of_296_ltlas), 'iod_2019_2025');
  }

  for (const r of f.lait) {
    const measure = LAIT_MEASURES[r.measure_short ?? ''];
    if (measure) c.add(areas.fromLaNumber(r.old_la_code), measure, r.year, cellNumber(r.value), 'dfe_lait');
  }
  return [...c.rows.values()];
}
