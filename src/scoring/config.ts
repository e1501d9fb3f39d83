// The scoring settings (data/scoring/scoring-config.json), validated against the one taxonomy when loaded.
import { z } from 'zod';
import configJson from '../../data/scoring/scoring-config.json' with { type: 'json' };
import { TAXONOMY, type TaxonomyIndex } from '../domain/taxonomy.js';

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

/** Validates a config against the taxonomy: every type and tier it names must exist, and the default preset too. */
export function loadScoringConfig(raw: unknown, taxonomy: TaxonomyIndex = TAXONOMY): ScoringConfig {
  const config = ScoringConfigSchema.parse(raw);
  const unknownTypes = [...config.self_directed_types, ...config.need_groups.flatMap((g) => g.served_by_types)].filter((t) => !taxonomy.has('types', t));
  if (unknownTypes.length) throw new Error(`scoring config names unknown types: ${unknownTypes.join(', ')}`);
  const unknownTiers = config.open_access_tiers.filter((t) => !taxonomy.has('access_tiers', t));
  if (unknownTiers.length) throw new Error(`scoring config names unknown tiers: ${unknownTiers.join(', ')}`);
  if (!config.weight_presets[config.default_preset]) throw new Error(`scoring config: default preset "${config.default_preset}" is not defined`);
  return config;
}

/** The shipped config, bundled with the code so the Worker scores exactly as Node does. */
export const SCORING_CONFIG = loadScoringConfig(configJson);
export const METHOD_VERSION = SCORING_CONFIG.method_version;
