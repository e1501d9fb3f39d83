// What each API route answers in `data`, as zod schemas built from the domain's own (councils, offers, sources,
// inspections, findings, charges, allowances): the OpenAPI document describes every response with them, and the
// tests parse every route's answer with the same schemas. Objects are open (more fields may come, never fewer).
import { z } from 'zod';
import {
  AllowanceSchema,
  AreaSendInspectionSchema,
  ChargeSchema,
  CouncilFactSchema,
  CouncilSchema,
  InspectionFindingSchema,
  OfferSchema,
  RunSchema,
  SourceSchema,
  StatisticalNeighbourSchema,
} from '../domain/index.js';
import { WORKSHOP_RESPONSES } from './workshop-api-schemas.js';

const count = z.number().int().nonnegative();
const score = z.number().nullable();
const listOf = (s: z.ZodTypeAny) => z.array(s);

const CouncilRow = z.looseObject({
  ...CouncilSchema.pick({ code: true, la_number: true, name: true, type: true, region_code: true, region_name: true, web_domain: true, ofsted_urn: true }).shape,
  offer_count: count,
  fact_count: count,
});

const offer = OfferSchema.shape;
const OfferRow = z.looseObject({
  id: offer.id,
  council_code: offer.council_code,
  council_name: z.string(),
  name: z.string(),
  provider: z.string().nullable(),
  type: z.string().nullable(),
  statutory_categories: z.array(z.string()),
  time_slots: z.array(z.string()),
  access_tier: z.string().nullable(),
  tier_label: z.string().nullable(),
  gates: z.array(z.string()),
  age_min: z.number().int().nullable(),
  age_max: z.number().int().nullable(),
  cost_status: z.enum(['free', 'charged', 'unknown']),
  charges: z.array(ChargeSchema),
  allowances: z.array(AllowanceSchema),
  districts: z.array(z.string()),
  origin: z.enum(['curated', 'scraped']),
  source_url: z.string(),
  source_kind: z.string(),
  evidence_quote: z.string(),
  published: z.string().nullable(),
  retrieved: z.string(),
  confidence: z.number(),
});

const SourceRow = z.looseObject({
  ...SourceSchema.pick({ id: true, url: true, council_code: true, kind: true, platform: true, title: true }).shape,
  council_name: z.string().nullable(),
  last_status: z.string().nullable(),
  offers: count,
  facts: count,
});

const RunRow = z.looseObject({ ...RunSchema.pick({ id: true, kind: true, status: true, started_at: true }).shape, sources: count });
const InspectionRow = z.looseObject({ ...AreaSendInspectionSchema.pick({ id: true, council_code: true, framework: true, outcome_code: true, outcome_label: true, inspection_start: true, report_url: true }).shape, council_name: z.string(), findings: count });
const FindingRow = z.looseObject({ ...InspectionFindingSchema.pick({ id: true, council_code: true, inspection_id: true, page: true, section: true, topic: true, polarity: true, sentence: true }).shape, council_name: z.string() });

const Weights = z.looseObject({ preset: z.string(), label: z.string(), spec: z.string(), weights: z.record(z.string(), z.number()), given: z.record(z.string(), z.number()) });
const Group = z.looseObject({ id: z.string(), kind: z.string(), name: z.string(), version: z.string(), reason: z.string(), members: z.array(z.string()) });
const Dimension = z.looseObject({ score, coverage: z.number(), known: count, of: count });

const Member = z.looseObject({
  code: z.string(),
  name: z.string(),
  is_local: z.boolean(),
  offers_found: count,
  facts_found: count,
  composite: score.describe('the overall score; null unless the council is ranked'),
  rank: z.number().int().positive().nullable(),
  ranked: z.boolean(),
  unranked_reason: z.string().optional(),
  coverage: z.number(),
  dimensions: z.record(z.string(), Dimension),
  metrics: z.record(z.string(), z.looseObject({ value: score, score, n: z.number().nullable(), missing: z.string().optional() })),
});

const Compare = z.looseObject({
  method_version: z.string(),
  taxonomy_version: z.string(),
  data_date: z.string().nullable(),
  council: z.looseObject({ code: z.string(), name: z.string() }),
  group: Group,
  weights: Weights,
  min_coverage_to_rank: z.number(),
  members: z.array(Member),
  local: z.looseObject({ rank: z.number().int().nullable(), of: count, ranked: count, composite: score, coverage: z.number(), robust: z.boolean(), p_same_rank: z.number() }),
  sensitivity: z.looseObject({ settings: z.looseObject({ samples: count, seed: z.number().int() }), members: z.array(z.looseObject({ code: z.string(), p_rank: z.array(z.number()), p_same_rank: z.number(), robust: z.boolean() })) }),
  context: z.looseObject({ metrics: z.array(z.looseObject({ id: z.string(), label: z.string(), local: score })), figures: z.array(z.looseObject({ measure: z.string(), label: z.string() })) }),
  explanations: z.record(z.string(), z.array(z.looseObject({ metric: z.string(), formula: z.string(), value: score }))),
  warnings: z.array(z.string()),
});

const Gaps = z.looseObject({
  method_version: z.string(),
  council: z.looseObject({ code: z.string(), name: z.string() }),
  group: Group,
  grid: z.array(z.looseObject({ type: z.string(), slot: z.string(), local: z.boolean(), peers: count })),
  analysis: z.looseObject({ gaps: z.array(z.looseObject({ type: z.string(), slot: z.string(), peers: z.array(z.looseObject({ code: z.string() })), exemplars: z.array(z.looseObject({ name: z.string(), council_code: z.string() })) })) }),
});

const Scores = z.looseObject({
  method_version: z.string(),
  group: z.string(),
  weights: Weights,
  scores: z.array(z.looseObject({ code: z.string(), name: z.string(), group: z.string(), group_size: count, composite: score, rank: z.number().int().nullable(), coverage: z.number(), offers_found: count })),
});

const CouncilDetail = z.looseObject({
  council: CouncilRow,
  statistical_neighbours: z.looseObject({ '2025': z.array(z.looseObject({ rank: StatisticalNeighbourSchema.shape.rank, name: z.string(), code: z.string().nullable() })), '2021': z.array(z.looseObject({ rank: z.number().int(), name: z.string() })) }),
  figures: z.array(z.looseObject({ measure: z.string(), label: z.string() })),
  latest_area_send: z.looseObject({ framework: z.string() }).nullable(),
  area_send_inspections: z.array(z.looseObject({ framework: z.string() })),
  area_send_findings: z.array(z.looseObject({ sentence: z.string(), page: z.number().int() })),
  offers: z.array(z.looseObject({ id: offer.id, name: z.string(), source: z.looseObject({ url: z.string() }) })),
  facts: z.array(z.looseObject({ id: CouncilFactSchema.shape.id, topic: z.string(), statement: z.string(), source: z.looseObject({ url: z.string() }) })),
});

const Coverage = z.looseObject({
  england: z.looseObject({}),
  councils: z.array(z.looseObject({ code: z.string(), name: z.string() })),
});

/** A council's history of changes (src/services/council-history.ts), as `sbb diff` lists it. */
const History = z.looseObject({
  council: z.looseObject({ code: z.string(), name: z.string() }),
  since: z.string().nullable(),
  note: z.string(),
  changes: z.array(
    z.looseObject({
      offer_id: z.string(),
      offer: z.string(),
      version: count,
      change: z.enum(['appeared', 'changed', 'disappeared']),
      read: z.string().nullable(),
      published: z.string().nullable(),
      recorded_at: z.string(),
      run_id: z.string().nullable(),
      changes: z.array(z.looseObject({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      what: z.string(),
    }),
  ),
});

/** The `data` of each route's JSON answer, by the route's path template. */
export const RESPONSE_DATA: Record<string, z.ZodTypeAny> = {
  '/-/health': z.looseObject({
    status: z.enum(['ok', 'degraded']),
    counts: z.record(z.string(), count),
    database: z.object({
      build_state: z.enum(['complete', 'building', 'not finished', 'unknown']),
      built_at: z.string().nullable(),
      build_started_at: z.string().nullable().optional(),
      integrity: z.enum(['ok', 'corrupt', 'unknown']),
      integrity_findings: z.array(z.string()),
      integrity_checked_at: z.string().nullable(),
    }),
  }),
  '/-/version': z.looseObject({ app: z.string(), taxonomy_version: z.string().nullable(), method_version: z.string(), data_built_at: z.string().nullable() }),
  '/api/openapi.json': z.looseObject({ openapi: z.literal('3.1.0') }),
  '/api/councils': listOf(CouncilRow),
  '/api/offers': listOf(OfferRow),
  '/api/sources': listOf(SourceRow),
  '/api/runs': listOf(RunRow),
  '/api/inspections': listOf(InspectionRow),
  '/api/findings': listOf(FindingRow),
  '/api/councils/{code}': CouncilDetail,
  '/api/councils/{code}/history': History,
  '/api/runs/{id}': z.looseObject({ ...RunSchema.pick({ id: true, kind: true, status: true }).shape, sources: z.array(z.looseObject({ source_id: z.string(), url: z.string() })) }),
  '/api/coverage': Coverage,
  '/api/compare/{code}': Compare,
  '/api/gaps/{code}': Gaps,
  '/api/scores': Scores,
  '/api/import': z.looseObject({}),
  '/api/scrape': z.looseObject({ run_id: z.string() }),
  ...WORKSHOP_RESPONSES,
};
