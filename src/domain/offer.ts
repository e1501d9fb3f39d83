// One short break offer and one council-level fact, each with its source and evidence.
import { z } from 'zod';
import { Confidence, CouncilCode, IsoDate, NonEmptyText, PartialDate, RecordId } from './common.js';
import { SourceKind, Platform } from './source.js';
import { httpUrlField } from './urls.js';

export const ChargeUnit = z.enum(['hour', 'session', 'day', 'week', 'month', 'year', 'activity', 'one_off']);
export const ChargeSchema = z.object({
  amount_gbp: z.number().nonnegative(),
  per: ChargeUnit,
  note: z.string().optional(),
});
export type Charge = z.infer<typeof ChargeSchema>;

export const CostSchema = z.object({
  /** free: no charge to families; charged: a parental charge applies; unknown: not published or not found. */
  status: z.enum(['free', 'charged', 'unknown']),
  charges: z.array(ChargeSchema).default([]),
  note: z.string().optional(),
});
export type Cost = z.infer<typeof CostSchema>;

export const AllowanceSchema = z
  .object({
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    unit: z.enum(['hours', 'gbp', 'nights', 'sessions', 'days']),
    per: z.enum(['year', 'month', 'week', 'one_off']),
    note: z.string().optional(),
  })
  .refine((a) => a.min !== undefined || a.max !== undefined, 'an allowance needs min or max')
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'allowance min is above max');
export type Allowance = z.infer<typeof AllowanceSchema>;

export const ContactSchema = z.object({
  phone: z.string().optional(),
  email: z.string().optional(),
  url: httpUrlField('contact.url').optional(),
  address: z.string().optional(),
});

/** Where a record came from: the URL (or file) and what kind of document it is. */
export const RecordSourceSchema = z.object({
  url: httpUrlField('source.url'),
  title: z.string().optional(),
  kind: SourceKind.default('other'),
  platform: Platform.optional(),
});

/** Provenance fields every offer and fact carries. */
const Provenance = {
  source: RecordSourceSchema,
  evidence_quote: NonEmptyText.max(1000),
  /** The date the source states (statement year, decision date, publication date); null when it states none. */
  published: PartialDate.nullable().default(null),
  published_note: z.string().optional(),
  /** The date the source was fetched or the fact was recorded from it. */
  retrieved: IsoDate,
  retrieved_note: z.string().optional(),
  confidence: Confidence,
};

const Age = z.number().int().min(0).max(25);

export const OfferSchema = z
  .object({
    kind: z.literal('offer'),
    id: RecordId,
    council_code: CouncilCode,
    name: NonEmptyText.max(300),
    description: z.string().max(5000).optional(),
    provider: z.string().max(300).optional(),
    /** Taxonomy codes; null means not known (never guessed). */
    type: z.string().nullable().default(null),
    statutory_categories: z.array(z.string()).default([]),
    time_slots: z.array(z.string()).default([]),
    access_tier: z.string().nullable().default(null),
    /** The council's own name for the tier, e.g. "Break-time" or "SBLO Plus". */
    tier_label: z.string().optional(),
    gates: z.array(z.string()).default([]),
    eligibility: z.string().max(2000).optional(),
    age_min: Age.optional(),
    age_max: Age.optional(),
    age_note: z.string().optional(),
    cost: CostSchema.default({ status: 'unknown', charges: [] }),
    allowances: z.array(AllowanceSchema).default([]),
    districts: z.array(z.string()).default([]),
    postcode: z.string().optional(),
    schedule: z.string().max(1000).optional(),
    contact: ContactSchema.optional(),
    /** The source's own categories (ORUK taxonomy terms, kb5 channels, Outpost SEND needs), as published. */
    source_terms: z.array(z.string()).default([]),
    origin: z.enum(['curated', 'scraped']).default('curated'),
    ...Provenance,
  })
  .refine((o) => o.age_min === undefined || o.age_max === undefined || o.age_min <= o.age_max, {
    message: 'age_min is above age_max',
    path: ['age_min'],
  });
export type Offer = z.infer<typeof OfferSchema>;

export const CouncilFactSchema = z.object({
  kind: z.literal('council_fact'),
  id: RecordId,
  council_code: CouncilCode,
  topic: z.string(),
  statement: NonEmptyText.max(2000),
  value: z.number().optional(),
  unit: z.string().optional(),
  period: z.string().optional(),
  ...Provenance,
});
export type CouncilFact = z.infer<typeof CouncilFactSchema>;

export const CuratedRecordSchema = z.discriminatedUnion('kind', [OfferSchema, CouncilFactSchema]);
export type CuratedRecord = z.infer<typeof CuratedRecordSchema>;
