// The reference measures loaded into the indicators table: what each one means and where it comes from.

export interface MeasureInfo {
  label: string;
  unit: string;
  period: string;
}

export const MEASURES: Record<string, MeasureInfo> = {
  ehc_plans: { label: 'EHC plans maintained (all ages 0-25)', unit: 'count', period: 'January of the year' },
  ehc_plans_age_0_17: { label: 'EHC plans for children aged 0-17', unit: 'count', period: 'January of the year' },
  pop_0_17: { label: 'Population aged 0-17 (derived from DfE rates)', unit: 'count', period: 'year ending 31 March' },
  personal_budgets: { label: 'EHC plans with a personal budget', unit: 'count', period: 'January of the year' },
  personal_budgets_social_care: { label: 'Personal budgets with a social care element', unit: 'count', period: 'January of the year' },
  iod2019_imd_score: { label: 'IoD2019 IMD average score', unit: 'score', period: '2019' },
  iod2019_imd_rank: { label: 'IoD2019 IMD rank of average score (1 = most deprived of 151)', unit: 'rank', period: '2019' },
  iod2019_idaci_score: { label: 'IoD2019 IDACI average score', unit: 'score', period: '2019' },
  iod2019_idaci_rank: { label: 'IoD2019 IDACI rank of average score (1 = most deprived of 151)', unit: 'rank', period: '2019' },
  iod2019_imd_most_deprived_10pc: { label: 'IoD2019 share of neighbourhoods in the most deprived 10%', unit: 'proportion', period: '2019' },
  iod2025_imd_score: { label: 'IoD2025 IMD average score (single-district councils only)', unit: 'score', period: '2025' },
  iod2025_imd_rank: { label: 'IoD2025 IMD rank of average score (1 = most deprived of 296 districts)', unit: 'rank', period: '2025' },
  child_poverty_pct: { label: 'Children in low-income families', unit: 'percent', period: 'year' },
  pupils_ehcp_pct: { label: 'Pupils with an EHC plan', unit: 'percent', period: 'year' },
  pupils_sen_support_pct: { label: 'Pupils on SEN support', unit: 'percent', period: 'year' },
  children_in_need_rate: { label: 'Children in need per 10,000', unit: 'rate_per_10000', period: 'year' },
  looked_after_rate: { label: 'Children looked after per 10,000', unit: 'rate_per_10000', period: 'year' },
};

/** Primary needs in SEN2, as measure suffixes: ehcp_need_pct_<code>. */
export const PRIMARY_NEEDS: Record<string, string> = {
  asd: 'Autistic spectrum disorder',
  hi: 'Hearing impairment',
  mld: 'Moderate learning difficulty',
  msi: 'Multi-sensory impairment',
  oth: 'Other difficulty or disability',
  pd: 'Physical disability',
  pmld: 'Profound and multiple learning difficulty',
  semh: 'Social, emotional and mental health',
  slcn: 'Speech, language and communication needs',
  sld: 'Severe learning difficulty',
  spld: 'Specific learning difficulty',
  vi: 'Visual impairment',
};
for (const [code, label] of Object.entries(PRIMARY_NEEDS))
  MEASURES[`ehcp_need_pct_${code}`] = { label: `EHC plans with primary need: ${label}`, unit: 'percent', period: 'January of the year' };

/** LAIT measure names mapped to ours. */
export const LAIT_MEASURES: Record<string, string> = {
  ChildPov: 'child_poverty_pct',
  SEN_TotStat: 'pupils_ehcp_pct',
  SEN_TotSENSuP: 'pupils_sen_support_pct',
  CIN: 'children_in_need_rate',
  LAC: 'looked_after_rate',
};
