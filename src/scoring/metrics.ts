// Raw metrics for one council, each with its inputs and evidence: pure functions of the scoring data.
// A metric whose inputs are not known is null with the reason, never zero.
import type { CouncilFact, Offer } from '../domain/index.js';
import type { TaxonomyIndex } from '../domain/taxonomy.js';
import type { ScoringConfig } from './config.js';
import { councilCells, type Cell } from './grid.js';
import { METRICS } from './metric-defs.js';
import { figure, type ScoringCouncil, type ScoringData } from './scoring-data.js';

export interface MetricInput {
  name: string;
  value: number | string | null;
  source?: string;
}

export interface MetricValue {
  id: string;
  value: number | null;
  /** How many records the value rests on (offers, findings, providers), where that is meaningful. */
  n: number | null;
  inputs: MetricInput[];
  /** Offer and fact ids, or report citations, behind the value. */
  evidence: string[];
  /** Why the value is null. */
  missing?: string;
}

export type CouncilMetrics = Record<string, MetricValue>;

export interface MetricContext {
  config: ScoringConfig;
  taxonomy: TaxonomyIndex;
  defaults: Map<string, string[]>;
  grid: Cell[];
  medianIdaci: number | null;
  dataDate: string | null;
}

const NO_OFFERS = 'no current offers found for this council (not found is not the same as not provided)';

const known = (id: string, value: number, n: number | null, inputs: MetricInput[], evidence: string[] = []): MetricValue => ({ id, value, n, inputs, evidence });
const missing = (id: string, why: string, inputs: MetricInput[] = []): MetricValue => ({ id, value: null, n: null, inputs, evidence: [], missing: why });

const normName = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const ids = (offers: readonly Offer[]) => offers.map((o) => o.id);

/** Years from..to (inclusive) inside at least one offer's stated range; an open end runs to the range's edge. */
function yearsCovered(offers: readonly Offer[], from: number, to: number): number {
  let n = 0;
  for (let age = from; age <= to; age++)
    if (offers.some((o) => (o.age_min ?? 0) <= age && age <= (o.age_max ?? 25))) n++;
  return n;
}

/** The last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean, so "2024" counts as current as long as any day of 2024 would. */
function endOf(partial: string): string {
  if (/^\d{4}$/.test(partial)) return `${partial}-12-31`;
  if (/^\d{4}-\d{2}$/.test(partial)) return `${partial}-31`;
  return partial.slice(0, 10);
}

function monthsBefore(isoDate: string, months: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

function phraseMatcher(phrases: string[]): RegExp | null {
  if (!phrases.length) return null;
  const parts = phrases.map((p) => {
    const esc = p.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return p.length <= 4 ? `\\b${esc}\\b` : `\\b${esc}`;
  });
  return new RegExp(parts.join('|'), 'i');
}

const offerText = (o: Offer) => [o.name, o.description, o.eligibility, o.age_note, o.tier_label, ...o.source_terms].filter(Boolean).join(' \n ');

export function computeCouncilMetrics(council: ScoringCouncil, data: ScoringData, ctx: MetricContext): CouncilMetrics {
  const offers = data.offers.get(council.code) ?? [];
  const facts = data.facts.get(council.code) ?? [];
  const out: CouncilMetrics = {};
  const put = (m: MetricValue) => (out[m.id] = m);
  const fig = (measure: string) => figure(data, council.code, measure);
  const figInput = (name: string, measure: string): MetricInput => {
    const f = fig(measure);
    return { name, value: f?.value ?? null, source: f ? `${f.dataset_id} (${f.period})` : `${measure}: not in the reference data` };
  };
  const { config } = ctx;
  const typed = offers.filter((o) => o.type);

  // Choice
  if (!offers.length) put(missing('grid_coverage', NO_OFFERS));
  else if (!typed.length) put(missing('grid_coverage', 'no current offer has a known type'));
  else {
    const cells = councilCells(typed, ctx.defaults);
    const covered = ctx.grid.filter((c) => cells.has(c.key));
    put(known('grid_coverage', covered.length / ctx.grid.length, typed.length, [{ name: 'cells covered', value: covered.length }, { name: 'cells in the reference grid', value: ctx.grid.length }, { name: 'covered', value: covered.map((c) => c.key).join(', ') }], ids(typed)));
  }

  const named = offers.filter((o) => o.provider && normName(o.provider));
  if (!offers.length) {
    put(missing('provider_count', NO_OFFERS));
    put(missing('provider_concentration', NO_OFFERS));
  } else if (!named.length) {
    put(missing('provider_count', 'no current offer names its provider'));
    put(missing('provider_concentration', 'no current offer names its provider'));
  } else {
    const counts = new Map<string, number>();
    for (const o of named) counts.set(normName(o.provider!), (counts.get(normName(o.provider!)) ?? 0) + 1);
    let hhi = 0;
    for (const n of counts.values()) hhi += (n / named.length) ** 2;
    put(known('provider_count', counts.size, named.length, [{ name: 'offers naming a provider', value: named.length }, { name: 'distinct providers', value: counts.size }], ids(named)));
    put(known('provider_concentration', hhi, named.length, [{ name: 'offers naming a provider', value: named.length }, { name: 'largest provider share', value: Math.max(...counts.values()) / named.length }], ids(named)));
  }

  const aged = offers.filter((o) => o.age_min !== undefined || o.age_max !== undefined);
  const { min: cMin, max: cMax } = config.children_ages;
  const { min: yMin, max: yMax } = config.young_adult_ages;
  if (!offers.length) put(missing('age_coverage', NO_OFFERS));
  else if (!aged.length) put(missing('age_coverage', 'no current offer states the ages it is for'));
  else {
    const years = yearsCovered(aged, cMin, cMax);
    put(known('age_coverage', years / (cMax - cMin + 1), aged.length, [{ name: `years ${cMin}-${cMax} covered`, value: years }, { name: 'offers stating ages', value: aged.length }], ids(aged)));
  }

  if (!offers.length) put(missing('self_directed', NO_OFFERS));
  else if (!typed.length) put(missing('self_directed', 'no current offer has a known type'));
  else {
    const present = config.self_directed_types.filter((t) => typed.some((o) => o.type === t));
    put(known('self_directed', present.length / config.self_directed_types.length, typed.length, [{ name: 'self-directed types offered', value: present.join(', ') || 'none' }], ids(typed.filter((o) => present.includes(o.type!)))));
  }

  {
    const pb = fig('personal_budgets');
    const plans = fig('ehc_plans');
    const inputs = [figInput('EHC plans with a personal budget', 'personal_budgets'), figInput('EHC plans (all ages)', 'ehc_plans')];
    if (!pb || !plans || plans.value <= 0) put(missing('personal_budgets_rate', 'personal budget or EHC plan count not in the reference data', inputs));
    else if (pb.period !== plans.period) put(missing('personal_budgets_rate', `latest personal budget count (${pb.period}) and EHC plan count (${plans.period}) are for different years`, inputs));
    else put(known('personal_budgets_rate', (100 * pb.value) / plans.value, null, inputs));
  }

  // Equity
  const tiered = offers.filter((o) => o.access_tier);
  if (!offers.length) put(missing('open_access_share', NO_OFFERS));
  else if (!tiered.length) put(missing('open_access_share', 'no current offer has a known access tier'));
  else {
    const open = tiered.filter((o) => config.open_access_tiers.includes(o.access_tier!));
    put(known('open_access_share', open.length / tiered.length, tiered.length, [{ name: 'open without assessment', value: open.length }, { name: 'tier known', value: tiered.length }], ids(tiered)));
  }

  const costed = offers.filter((o) => o.cost.status !== 'unknown');
  if (!offers.length) put(missing('free_share', NO_OFFERS));
  else if (!costed.length) put(missing('free_share', 'no current offer states whether it is free or charged'));
  else {
    const free = costed.filter((o) => o.cost.status === 'free');
    put(known('free_share', free.length / costed.length, costed.length, [{ name: 'free', value: free.length }, { name: 'cost known', value: costed.length }], ids(costed)));
  }

  {
    const places = new Set<string>();
    const placed: Offer[] = [];
    for (const o of offers) {
      const here = [...o.districts.map((d) => `district:${normName(d)}`), ...(o.postcode ? [`postcode:${o.postcode.trim().toUpperCase().split(/\s+/)[0]}`] : [])].filter((p) => !p.endsWith(':'));
      if (here.length) placed.push(o);
      for (const p of here) places.add(p);
    }
    if (!offers.length) put(missing('geographic_spread', NO_OFFERS));
    else if (!places.size) put(missing('geographic_spread', 'no current offer names a district or postcode'));
    else put(known('geographic_spread', places.size, placed.length, [{ name: 'places named', value: [...places].sort().join(', ') }], ids(placed)));
  }

  {
    const plans017 = fig('ehc_plans_age_0_17');
    const plansAll = fig('ehc_plans');
    const denom = plans017 ?? plansAll;
    const inputs = [{ name: 'current offers', value: offers.length }, plans017 ? figInput('EHC plans, ages 0-17', 'ehc_plans_age_0_17') : figInput('EHC plans, all ages (0-17 count missing)', 'ehc_plans')];
    if (!offers.length) put(missing('offers_per_1000_ehcp', NO_OFFERS, inputs));
    else if (!denom || denom.value <= 0) put(missing('offers_per_1000_ehcp', 'EHC plan count not in the reference data', inputs));
    else put(known('offers_per_1000_ehcp', (1000 * offers.length) / denom.value, offers.length, inputs, ids(offers)));
  }

  {
    const pop = fig('pop_0_17');
    const idaci = fig('iod2019_idaci_score');
    const factor = idaci && ctx.medianIdaci ? idaci.value / ctx.medianIdaci : null;
    const inputs: MetricInput[] = [
      { name: 'current offers', value: offers.length },
      figInput('children aged 0-17', 'pop_0_17'),
      figInput('IDACI average score', 'iod2019_idaci_score'),
      { name: 'median IDACI score of English councils', value: ctx.medianIdaci },
      { name: 'deprivation factor', value: factor },
    ];
    if (!offers.length) put(missing('offers_per_10000_children_adjusted', NO_OFFERS, inputs));
    else if (!pop || pop.value <= 0) put(missing('offers_per_10000_children_adjusted', 'child population not in the reference data', inputs));
    else if (factor === null || factor <= 0) put(missing('offers_per_10000_children_adjusted', 'IDACI score not in the reference data, so deprivation cannot be taken into account', inputs));
    else put(known('offers_per_10000_children_adjusted', (10000 * offers.length) / (pop.value * factor), offers.length, inputs, ids(offers)));
  }

  // Quality
  {
    const insp = data.inspections.get(council.code);
    const points = insp?.outcome_code != null ? config.area_send_outcome_points[String(insp.outcome_code)] : undefined;
    if (!insp) put(missing('area_send_outcome', 'no area SEND inspection under the 2023 framework in the data'));
    else if (points === undefined) put(missing('area_send_outcome', 'the latest inspection\'s outcome is not recorded', [{ name: 'inspection', value: insp.inspection_start ?? insp.publication_date }]));
    else
      put(known('area_send_outcome', points, 1, [{ name: 'outcome', value: insp.outcome_label }, { name: 'inspected', value: insp.inspection_start ?? insp.publication_date, source: insp.report_url ?? 'ofsted_area_send_2023' }], insp.report_url ? [insp.report_url] : []));
  }

  {
    const f = (data.findings.get(council.code) ?? []).filter((x) => config.short_break_finding_topics.includes(x.topic) && x.polarity !== 'neutral');
    if (!data.findings.has(council.code)) put(missing('inspection_short_breaks', 'no inspection report read for this council, or it says nothing on short breaks'));
    else if (!f.length) put(missing('inspection_short_breaks', 'the report\'s sentences on short breaks are neutral'));
    else {
      const s = f.filter((x) => x.polarity === 'strength').length;
      put(known('inspection_short_breaks', s / f.length, f.length, [{ name: 'strengths', value: s }, { name: 'weaknesses', value: f.length - s }], f.map((x) => x.citation)));
    }
  }

  {
    const counts = data.providers.get(council.code) ?? {};
    let pts = 0;
    let n = 0;
    for (const [rating, count] of Object.entries(counts)) {
      const p = config.provider_rating_points[rating];
      if (p === undefined) continue;
      pts += p * count;
      n += count;
    }
    const top = Math.max(...Object.values(config.provider_rating_points));
    const inputs = Object.entries(counts).map(([rating, count]) => ({ name: rating, value: count, source: 'ofsted_providers_2023' }));
    if (!n) put(missing('provider_ratings', 'no rated Ofsted-registered short-break provider located in the council in the shipped data', inputs));
    else put(known('provider_ratings', pts / (n * top), n, inputs));
  }

  if (!offers.length) put(missing('information_completeness', NO_OFFERS));
  else {
    const items = (o: Offer) => [
      Boolean(o.eligibility || o.gates.length || o.access_tier),
      o.age_min !== undefined || o.age_max !== undefined,
      o.cost.status !== 'unknown',
      Boolean(o.contact && (o.contact.phone || o.contact.email || o.contact.url)),
      Boolean(o.time_slots.length || o.schedule),
      o.published !== null,
    ];
    const shares = offers.map((o) => items(o).filter(Boolean).length / 6);
    const each = ['who it is for', 'ages', 'cost', 'how to apply', 'when', 'date published'].map((label, i) => ({ name: `offers stating ${label}`, value: offers.filter((o) => items(o)[i]).length }));
    put(known('information_completeness', shares.reduce((a, b) => a + b, 0) / shares.length, offers.length, each, ids(offers)));
  }

  {
    const records: Array<Offer | CouncilFact> = [...offers, ...facts];
    if (!records.length) put(missing('information_currency', 'no current offers or council facts found for this council'));
    else if (!ctx.dataDate) put(missing('information_currency', 'no retrieval date in the data'));
    else {
      const cutoff = monthsBefore(ctx.dataDate, config.currency_months);
      const current = records.filter((r) => r.published !== null && endOf(r.published) >= cutoff);
      const undated = records.filter((r) => r.published === null).length;
      put(known('information_currency', current.length / records.length, records.length, [{ name: `published on or after ${cutoff}`, value: current.length }, { name: 'undated', value: undated }, { name: 'records', value: records.length }], records.map((r) => r.id)));
    }
  }

  // Suitability
  {
    const p017 = fig('ehc_plans_age_0_17');
    const pAll = fig('ehc_plans');
    const inputs = [figInput('EHC plans, ages 0-17', 'ehc_plans_age_0_17'), figInput('EHC plans, all ages', 'ehc_plans')];
    if (!offers.length) put(missing('age_profile_fit', NO_OFFERS, inputs));
    else if (!aged.length) put(missing('age_profile_fit', 'no current offer states the ages it is for', inputs));
    else if (!p017 || !pAll || pAll.value <= 0 || p017.period !== pAll.period) put(missing('age_profile_fit', 'EHC plan counts by age not in the reference data for the same year', inputs));
    else {
      const child = Math.min(1, p017.value / pAll.value);
      const covChild = yearsCovered(aged, cMin, cMax) / (cMax - cMin + 1);
      const covYoung = yearsCovered(aged, yMin, yMax) / (yMax - yMin + 1);
      put(known('age_profile_fit', child * covChild + (1 - child) * covYoung, aged.length, [...inputs, { name: 'share of plans aged 0-17', value: child }, { name: 'ages 0-17 covered', value: covChild }, { name: 'ages 18-25 covered', value: covYoung }], ids(aged)));
    }
  }

  {
    const groups = config.need_groups.map((g) => {
      const shares = g.needs.map((n) => fig(`ehcp_need_pct_${n}`)?.value);
      const share = shares.every((s) => s === undefined) ? null : shares.reduce<number>((a, s) => a + (s ?? 0), 0);
      const re = phraseMatcher(g.served_by_phrases);
      const serving = offers.filter((o) => (o.type && g.served_by_types.includes(o.type)) || (re && re.test(offerText(o))));
      return { g, share, serving };
    });
    const withShare = groups.filter((x) => x.share !== null && x.share > 0);
    const inputs: MetricInput[] = groups.map((x) => ({ name: `${x.g.label}: % of EHC plans${x.serving.length ? ', served' : ', no offer found for it'}`, value: x.share, source: 'dfe_ehcp_need_2025' }));
    if (!offers.length) put(missing('need_profile_fit', NO_OFFERS, inputs));
    else if (!withShare.length) put(missing('need_profile_fit', 'primary-need figures not in the reference data', inputs));
    else {
      const total = withShare.reduce((a, x) => a + x.share!, 0);
      const served = withShare.filter((x) => x.serving.length).reduce((a, x) => a + x.share!, 0);
      put(known('need_profile_fit', served / total, offers.length, inputs, [...new Set(withShare.flatMap((x) => ids(x.serving)))]));
    }
  }

  for (const def of METRICS) if (!out[def.id]) throw new Error(`metric ${def.id} was not computed`);
  return out;
}
