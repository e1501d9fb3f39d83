// Dimension weights: a named preset, or a preset adjusted by "choice=2,equity=1,...", validated and normalised.
import { DIMENSIONS, SCORING_CONFIG, type Dimension, type ScoringConfig } from './config.js';
import { invalid } from '../domain/errors.js';

export type Weights = Record<Dimension, number>;

export interface ResolvedWeights {
  /** The preset the weights start from. */
  preset: string;
  /** What the weights are, as a person would say it: the preset they equal (once normalised), else "custom". */
  label: string;
  /** As given (before normalising), so a user sees what they typed. */
  given: Weights;
  /** Normalised to sum to 1. */
  weights: Weights;
  spec: string;
}


/**
 * Reads a weights spec: "" (the default preset), a preset name ("equity-first"), or comma-separated
 * dimension=number pairs, optionally after a preset ("quality-first,equity=2"). Dimensions not named keep the
 * preset's value. Unknown names, negative or non-numeric values, repeats and all-zero weights are errors.
 */
export function parseWeights(spec: string | undefined, config: ScoringConfig = SCORING_CONFIG): ResolvedWeights {
  const text = (spec ?? '').trim();
  let preset = config.default_preset;
  const given: Weights = { ...config.weight_presets[preset]!.weights };
  const seen = new Set<string>();
  const parts = text ? text.split(',').map((p) => p.trim()) : [];
  parts.forEach((part, i) => {
    if (!part) throw invalid('weights', `weights: empty item in "${text}"`);
    if (!part.includes('=')) {
      if (i !== 0) throw invalid('weights', `weights: a preset name ("${part}") may only come first`);
      const p = config.weight_presets[part];
      if (!p) throw invalid('weights', `weights: unknown preset "${part}" (presets: ${Object.keys(config.weight_presets).join(', ')})`);
      preset = part;
      Object.assign(given, p.weights);
      return;
    }
    const [name, value, ...rest] = part.split('=').map((s) => s.trim());
    if (!DIMENSIONS.includes(name as Dimension)) throw invalid('weights', `weights: unknown dimension "${name}" (use ${DIMENSIONS.join(', ')})`);
    if (seen.has(name!)) throw invalid('weights', `weights: "${name}" is given twice`);
    seen.add(name!);
    const n = Number(value);
    if (rest.length || value === '' || !Number.isFinite(n) || n < 0 || n > 1000)
      throw invalid('weights', `weights: "${part}" needs a number from 0 to 1000 after "${name}="`);
    given[name as Dimension] = n;
  });
  const total = DIMENSIONS.reduce((s, d) => s + given[d], 0);
  if (total <= 0) throw invalid('weights', 'weights: at least one dimension needs a weight above 0');
  const weights = Object.fromEntries(DIMENSIONS.map((d) => [d, given[d] / total])) as Weights;
  const canonical = DIMENSIONS.map((d) => `${d}=${round(given[d])}`).join(',');
  return { preset, label: presetMatching(weights, config, preset) ?? 'custom', given, weights, spec: canonical };
}

/** The preset whose normalised weights equal these (the one started from first), if any. */
function presetMatching(weights: Weights, config: ScoringConfig, first: string): string | undefined {
  const names = [first, ...Object.keys(config.weight_presets).filter((n) => n !== first)];
  return names.find((name) => {
    const p = config.weight_presets[name]!.weights;
    const total = DIMENSIONS.reduce((s, d) => s + p[d], 0);
    return total > 0 && DIMENSIONS.every((d) => Math.abs(p[d] / total - weights[d]) < 1e-9);
  });
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
