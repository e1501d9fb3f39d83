// Councils (the 153 upper-tier English local authorities) and their comparator lists.
import { z } from 'zod';
import { httpUrlField } from './urls.js';
import { CouncilCode } from './common.js';

export const CouncilType = z.enum(['county', 'unitary', 'metropolitan_district', 'london_borough']);

export const CouncilSchema = z.object({
  code: CouncilCode,
  la_number: z.string().regex(/^\d{3}$/),
  name: z.string().min(1),
  type: CouncilType,
  region_code: z.string().regex(/^E12\d{6}$/),
  region_name: z.string().min(1),
  web_domain: z.string().nullable(),
  ofsted_urn: z.string().nullable(),
  previous_codes: z.array(z.string()),
  also_known_as: z.array(z.string()),
});
export type Council = z.infer<typeof CouncilSchema>;

export const NeighbourModel = z.enum(['2025', '2021']);
export type NeighbourModel = z.infer<typeof NeighbourModel>;

export const StatisticalNeighbourSchema = z.object({
  model: NeighbourModel,
  council_code: CouncilCode,
  rank: z.number().int().min(1).max(10),
  neighbour_la_number: z.string(),
  neighbour_code: z.string().nullable(),
  neighbour_name: z.string(),
  closeness: z.string().nullable(),
});
export type StatisticalNeighbour = z.infer<typeof StatisticalNeighbourSchema>;

/** A reference figure for an area (council, region or England): one measure in one period from one dataset. */
export const IndicatorSchema = z.object({
  area_code: z.string().min(1),
  measure: z.string().regex(/^[a-z0-9_]+$/),
  period: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  dataset_id: z.string(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DatasetSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  title: z.string(),
  file: z.string(),
  publisher: z.string(),
  licence: z.string(),
  data_date: z.string(),
  source_url: httpUrlField('source_url').nullable(),
});
export type Dataset = z.infer<typeof DatasetSchema>;
