// Inspection evidence: area SEND inspection outcomes, findings quoted from reports, and Ofsted-registered providers.
import { z } from 'zod';
import { httpUrlField } from './urls.js';
import { CouncilCode, IsoDate } from './common.js';

export const AreaSendInspectionSchema = z.object({
  id: z.string(),
  council_code: CouncilCode,
  framework: z.string(),
  outcome_code: z.number().int().min(1).max(3).nullable(),
  outcome_label: z.string().nullable(),
  inspection_start: IsoDate.nullable(),
  inspection_end: IsoDate.nullable(),
  publication_date: IsoDate.nullable(),
  previous_inspection_end: IsoDate.nullable(),
  next_inspection_by: IsoDate.nullable(),
  report_url: httpUrlField('report_url').nullable(),
  source: z.string(),
  note: z.string().nullable(),
  /** Read from the report PDF itself, when it was imported. */
  previous_inspection_start: IsoDate.nullable().optional(),
  next_full_inspection: z.string().nullable().optional(),
  monitoring_inspection: z.string().nullable().optional(),
  area_in_report: z.string().nullable().optional(),
  report_file: z.string().nullable().optional(),
});
export type AreaSendInspection = z.infer<typeof AreaSendInspectionSchema>;

export const InspectionFindingSchema = z.object({
  id: z.string(),
  inspection_id: z.string(),
  council_code: CouncilCode,
  page: z.number().int().positive(),
  section: z.string().nullable(),
  topic: z.enum(['short_breaks', 'respite', 'direct_payments', 'personal_assistants']),
  sentence: z.string().min(1),
  polarity: z.enum(['strength', 'weakness', 'neutral']),
  cue: z.string().nullable(),
});
export type InspectionFinding = z.infer<typeof InspectionFindingSchema>;

export const ProviderSchema = z.object({
  urn: z.string().min(1),
  council_code: CouncilCode.nullable(),
  /** The local authority as Ofsted names it (where the provider is, not who places children there). */
  ofsted_local_authority: z.string(),
  provision_type: z.string(),
  short_break_only: z.boolean(),
  name: z.string().nullable(),
  sector: z.string().nullable(),
  places: z.number().int().nullable(),
  owner: z.string().nullable(),
  registration_date: IsoDate.nullable(),
  latest_inspection_date: IsoDate.nullable(),
  overall_rating: z.string().nullable(),
  dataset_id: z.string(),
});
export type Provider = z.infer<typeof ProviderSchema>;
