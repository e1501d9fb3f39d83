// Builds the whole reference bundle from the parsed CSV files in data/reference/.
import { DATASETS } from './datasets.js';
import { areaResolver, type CsvRow } from './areas.js';
import type { ReferenceBundle } from '../domain/reference-bundle.js';
import { buildCouncils, buildNeighbours, buildRegions } from './councils.js';
import { buildIndicators } from './indicators.js';
import { buildAreaSendInspections, buildProviders } from './ofsted.js';
import { applyCorrections } from './corrections.js';
import { invalid } from '../domain/errors.js';

/** The files a build reads, by name in data/reference/. */
export const REFERENCE_FILES = [
  'regions_dfe.csv',
  'la_master_153.csv',
  'statistical_neighbours_dfe_2025.csv',
  'statistical_neighbours_dfe_2021.csv',
  'sen2_ehcp_caseload_2019_2025.csv',
  'sen2_ehcp_caseload_by_age_2024_2025.csv',
  'sen2_ehcp_primary_need_2025.csv',
  'sen2_ehcp_personal_budgets_2020_2025.csv',
  'population_0_17_derived_from_dfe_rates.csv',
  'deprivation_by_la_153.csv',
  'lait_send_context_indicators_long.csv',
  'ofsted_area_send_inspections_2023_framework.csv',
  'ofsted_csc_providers_at_31mar2023.csv',
  'ofsted_csc_inspections_2023_24.csv',
] as const;
export type ReferenceFile = (typeof REFERENCE_FILES)[number];

/** The corrections file's rows and its name (for messages); see corrections.ts. */
export interface CorrectionsInput {
  file: string;
  rows: readonly CsvRow[];
}

/** Builds the bundle from the copies with the corrections applied; a correction that does not fit names its file and line. */
export function buildReferenceBundle(copies: Record<ReferenceFile, readonly CsvRow[]>, corrections?: CorrectionsInput): ReferenceBundle {
  const { files, problems } = applyCorrections(copies, corrections?.rows ?? []);
  if (problems.length)
    throw invalid('corrections', `${corrections!.file}: ${problems.length} correction${problems.length === 1 ? '' : 's'} that do${problems.length === 1 ? 'es' : ''} not fit the reference data:\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}`);
  const councils = buildCouncils(files['la_master_153.csv']);
  const current = new Set(councils.map((c) => c.code));
  const areas = areaResolver(councils);
  return {
    regions: buildRegions(files['regions_dfe.csv']),
    councils,
    datasets: DATASETS,
    neighbours: [
      ...buildNeighbours(files['statistical_neighbours_dfe_2025.csv'], '2025', current),
      ...buildNeighbours(files['statistical_neighbours_dfe_2021.csv'], '2021', current),
    ],
    indicators: buildIndicators(
      {
        caseload: files['sen2_ehcp_caseload_2019_2025.csv'],
        caseloadByAge: files['sen2_ehcp_caseload_by_age_2024_2025.csv'],
        primaryNeed: files['sen2_ehcp_primary_need_2025.csv'],
        personalBudgets: files['sen2_ehcp_personal_budgets_2020_2025.csv'],
        population: files['population_0_17_derived_from_dfe_rates.csv'],
        deprivation: files['deprivation_by_la_153.csv'],
        lait: files['lait_send_context_indicators_long.csv'],
      },
      areas,
    ),
    inspections: buildAreaSendInspections(files['ofsted_area_send_inspections_2023_framework.csv'], areas),
    providers: buildProviders(files['ofsted_csc_providers_at_31mar2023.csv'], files['ofsted_csc_inspections_2023_24.csv'], areas),
  };
}
