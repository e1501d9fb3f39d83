// The scoring settings (data/scoring/scoring-config.json) and the taxonomy's type defaults, validated when loaded.
import { z } from 'zod';
import taxonomyJson from '../../data/taxonomy/taxonomy.json' with { type: 'json' };
import configJson from '../../data/scoring/scoring-config.json' with { type: 'json' };
import { TaxonomySchema } from '../domain/taxonomy.js';

export const DIMENSIONS = ['choice', 'equity', 'quality', 'suitability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const Weights = z.object({ choice: z.number().nonnegative(), equity: z.number().nonnegative(), quality: z.number().nonnegative(), suitability: z.number().nonnegative() });
const Range = z.object({ min: z.number().int().min(0), max: z.number().int().max(25) });

export const ScoringConfigSchema = z.object({
  method_version: z.string().min(1),
  description: z.string().optional(),
  weight_presets: z.record(z.string().regex(/^[a-z-]+$/), z.object({ label: z.string(), weights: Weights })),
  default_preset: z.string(),
  self_directed_types: z.array(z.string()).min(1),
  open_access_tiers: z.array(z.string()).min(1),
  currency_months: z.number().int().positive(),
  children_ages: Range,
  young_adult_ages: Range,
  short_break_finding_topics: z.array(z.string()).min(1),
  provider_rating_points: z.record(z.string(), z.number().min(0)),
  area_send_outcome_points: z.record(z.string(), z.number().min(0).max(1)),
  need_groups: z
    .array(
      z.object({
        code: z.string(),
        label: z.string(),
        needs: z.array(z.string()).min(1),
        served_by_types: z.array(z.string()),
        served_by_phrases: z.array(z.string()),
      }),
    )
    .min(1),
  /** A council is ranked only when its composite rests on at least this share of its (weighted) inputs. */
  min_coverage_to_rank: z.number().min(0).max(1),
  sensitivity: z.object({ samples: z.number().int().min(0).max(100_000), concentration: z.number().positive(), seed: z.number().int(), robust_share: z.number().min(0).max(1) }),
  exemplars_per_gap: z.number().int().min(1).max(20),
});
export type ScoringConfig = z.infer<typeof ScoringConfigSchema>;

export interface TypeInfo {
  code: string;
  label: string;
  default_time_slots: string[];
}

export interface ScoringTaxonomy {
  version: string;
  types: TypeInfo[];
  slots: Array<{ code: string; label: string }>;
  tiers: Array<{ code: string; label: string }>;
  gates: Array<{ code: string; label: string }>;
  categories: Array<{ code: string; label: string }>;
}

/** Validates a config against the taxonomy: every type and tier it names must exist, and the default preset too. */
export function loadScoringConfig(raw: unknown, taxonomy: ScoringTaxonomy): ScoringConfig {
  const config = ScoringConfigSchema.parse(raw);
  const types = new Set(taxonomy.types.map((t) => t.code));
  const tiers = new Set(taxonomy.tiers.map((t) => t.code));
  const unknownTypes = [...config.self_directed_types, ...config.need_groups.flatMap((g) => g.served_by_types)].filter((t) => !types.has(t));
  if (unknownTypes.length) throw new Error(`scoring config names unknown types: ${unknownTypes.join(', ')}`);
  const unknownTiers = config.open_access_tiers.filter((t) => !tiers.has(t));
  if (unknownTiers.length) throw new Error(`scoring config names unknown tiers: ${unknownTiers.join(', ')}`);
  if (!config.weight_presets[config.default_preset]) throw new Error(`scoring config: default preset "${config.default_preset}" is not defined`);
  return config;
}

export function loadScoringTaxonomy(raw: unknown): ScoringTaxonomy {
  const t = TaxonomySchema.parse(raw);
  return {
    version: t.version,
    types: t.types.map((x) => ({ code: x.code, label: x.label, default_time_slots: x.default_time_slots })),
    slots: t.time_slots.map((x) => ({ code: x.code, label: x.label })),
    tiers: t.access_tiers.map((x) => ({ code: x.code, label: x.label })),
    gates: t.gates.map((x) => ({ code: x.code, label: x.label })),
    categories: t.statutory_categories.map((x) => ({ code: x.code, label: x.label })),
  };
}

/** The shipped taxonomy and config, bundled with the code so the Worker scores exactly as Node does. */
export const SCORING_TAXONOMY = loadScoringTaxonomy(taxonomyJson);
export const SCORING_CONFIG = loadScoringConfig(configJson, SCORING_TAXONOMY);
export const METHOD_VERSION = SCORING_CONFIG.method_version;
