// The metrics: what each measures, its dimension, which way is better, and its formula in words (docs/method.md
// gives the same formulas at length; a test keeps the two in step).
import type { Dimension } from './config.js';

export interface MetricDef {
  id: string;
  dimension: Dimension;
  label: string;
  unit: 'share' | 'count' | 'index' | 'rate_per_1000' | 'rate_per_10000' | 'per_100';
  better: 'higher' | 'lower';
  formula: string;
}

export const METRICS: readonly MetricDef[] = [
  { id: 'grid_coverage', dimension: 'choice', label: 'Coverage of the type x time-slot grid', unit: 'share', better: 'higher', formula: 'cells of the reference grid covered by at least one current offer / cells in the reference grid' },
  { id: 'provider_count', dimension: 'choice', label: 'Distinct named providers', unit: 'count', better: 'higher', formula: 'number of distinct provider names among current offers that name one' },
  { id: 'provider_concentration', dimension: 'choice', label: 'Provider concentration (HHI)', unit: 'index', better: 'lower', formula: 'sum over providers of (offers by the provider / offers naming a provider)^2' },
  { id: 'age_coverage', dimension: 'choice', label: 'Ages 0-17 covered', unit: 'share', better: 'higher', formula: 'single years of age 0-17 inside at least one offer\'s stated age range / 18' },
  { id: 'self_directed', dimension: 'choice', label: 'Self-directed options', unit: 'share', better: 'higher', formula: 'self-directed types offered (direct payment, short-break grant, community activity grant) / 3' },
  { id: 'personal_budgets_rate', dimension: 'choice', label: 'Personal budgets per 100 EHC plans', unit: 'per_100', better: 'higher', formula: '100 x EHC plans with a personal budget / EHC plans, same January' },
  { id: 'open_access_share', dimension: 'equity', label: 'Share of offers open without assessment', unit: 'share', better: 'higher', formula: 'offers whose tier is universal or targeted / offers whose tier is known' },
  { id: 'free_share', dimension: 'equity', label: 'Share of offers free to families', unit: 'share', better: 'higher', formula: 'offers stated as free / offers whose cost is known (free or charged)' },
  { id: 'geographic_spread', dimension: 'equity', label: 'Places named by offers', unit: 'count', better: 'higher', formula: 'distinct districts and postcode districts named by current offers' },
  { id: 'offers_per_1000_ehcp', dimension: 'equity', label: 'Offers per 1,000 children with an EHC plan', unit: 'rate_per_1000', better: 'higher', formula: '1,000 x current offers / EHC plans for ages 0-17 (all-age plans when the 0-17 count is missing)' },
  { id: 'offers_per_10000_children_adjusted', dimension: 'equity', label: 'Offers per 10,000 children, deprivation-weighted', unit: 'rate_per_10000', better: 'higher', formula: '10,000 x current offers / (children aged 0-17 x IDACI score / median IDACI score of English councils)' },
  { id: 'area_send_outcome', dimension: 'quality', label: 'Latest area SEND inspection outcome', unit: 'share', better: 'higher', formula: 'typically positive = 1, inconsistent = 0.5, widespread or systemic failings = 0' },
  { id: 'inspection_short_breaks', dimension: 'quality', label: 'What the inspection report says about short breaks', unit: 'share', better: 'higher', formula: 'strengths / (strengths + weaknesses) among report sentences on short breaks, respite, direct payments and personal assistants' },
  { id: 'provider_ratings', dimension: 'quality', label: 'Ofsted ratings of short-break providers in the area', unit: 'share', better: 'higher', formula: 'mean of Outstanding = 3, Good = 2, Requires improvement = 1, Inadequate = 0 over rated providers, / 3' },
  { id: 'information_completeness', dimension: 'quality', label: 'Completeness of published offer information', unit: 'share', better: 'higher', formula: 'mean over offers of the share of six items stated: who it is for, ages, cost, how to apply, when, date published' },
  { id: 'information_currency', dimension: 'quality', label: 'Currency of published information', unit: 'share', better: 'higher', formula: 'offers and facts whose stated publication date is within 24 months of the data date / all offers and facts (undated counts as not current)' },
  { id: 'age_profile_fit', dimension: 'suitability', label: 'Fit to the local age profile of EHC plans', unit: 'share', better: 'higher', formula: 'share of EHC plans aged 0-17 x ages 0-17 covered + share aged 18-25 x ages 18-25 covered' },
  { id: 'need_profile_fit', dimension: 'suitability', label: 'Fit to the local primary-need profile', unit: 'share', better: 'higher', formula: 'sum over need groups of (share of EHC plans in the group x 1 if an offer serves the group) / sum of the shares' },
];

export const METRIC_BY_ID = new Map(METRICS.map((m) => [m.id, m]));
