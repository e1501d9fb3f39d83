// What a comparison of one group needs that does not depend on the weights (metric and dimension scores within
// the group, each member's metrics, the context rows, explanations), kept per prepared model and group.
import { keptOnSecondAsk, type KeptOnSecondAsk } from '../domain/kept-on-second-ask.js';
import { contextRows, type ContextInputs } from './context-rows.js';
import type { Dimension } from './config.js';
import { groupBase, type GroupBase, type MemberScore } from './group-scores.js';
import { METRICS, type MetricDef } from './metric-defs.js';
import type { CouncilMetrics, MetricValue } from './metrics.js';
import { councilNames, type ScoringCouncil } from './scoring-data.js';

/** What the parts read from a prepared scoring model (compare.ts's ScoringModel has it all; it is also the cache key). */
export type PartsInputs = ContextInputs;

export interface MetricResult {
  value: number | null;
  /** Rescaled within the group, 0-100, higher is better. */
  score: number | null;
  n: number | null;
  missing?: string;
}

export interface Explanation {
  metric: string;
  label: string;
  dimension: Dimension;
  formula: string;
  better: MetricDef['better'];
  value: number | null;
  score: number | null;
  missing?: string;
  inputs: MetricValue['inputs'];
  evidence: Array<{ id: string; name?: string; url?: string; published?: string | null; retrieved?: string }>;
}

type Evidence = Explanation['evidence'];
/** Each metric's evidence of a council as shown (offers and facts named, with their source and dates), per snapshot. */
const EVIDENCE = new WeakMap<CouncilMetrics, Map<string, Evidence>>();

function evidenceOf(model: PartsInputs, code: string): Map<string, Evidence> {
  const metrics = model.metrics.get(code)!;
  let hit = EVIDENCE.get(metrics);
  if (hit) return hit;
  const idx = new Map<string, { name?: string; url: string; published: string | null; retrieved: string }>();
  for (const o of model.data.offers.get(code) ?? []) idx.set(o.id, { name: o.name, url: o.source.url, published: o.published, retrieved: o.retrieved });
  for (const f of model.data.facts.get(code) ?? []) idx.set(f.id, { name: f.topic, url: f.source.url, published: f.published, retrieved: f.retrieved });
  hit = new Map(
    METRICS.map((def) => [
      def.id,
      metrics[def.id]!.evidence.map((id) => {
        const e = idx.get(id);
        return e ? { id, ...e } : /^https?:/.test(id) ? { id, url: id } : { id };
      }),
    ]),
  );
  EVIDENCE.set(metrics, hit);
  return hit;
}

/**
 * Each metric of a council explained: formula, inputs, its score within the group and the evidence behind it. The
 * evidence lists are made once per council and snapshot and shared between explanations: read, never changed.
 */
export function explain(model: PartsInputs, code: string, scores: MemberScore | undefined): Explanation[] {
  const metrics = model.metrics.get(code)!;
  const evidence = evidenceOf(model, code);
  return METRICS.map((def) => {
    const m = metrics[def.id]!;
    return {
      metric: def.id,
      label: def.label,
      dimension: def.dimension,
      formula: def.formula,
      better: def.better,
      value: m.value,
      score: scores?.metric_scores[def.id] ?? null,
      ...(m.missing ? { missing: m.missing } : {}),
      inputs: m.inputs,
      evidence: evidence.get(def.id)!,
    };
  });
}

/** What a comparison of one group needs that does not depend on the weights; kept per prepared model (one data version). */
interface GroupParts {
  base: GroupBase[];
  names: ReadonlyMap<string, string>;
  metrics: Map<string, Record<string, MetricResult>>;
  context: ReturnType<typeof contextRows>;
  explanations: Map<string, Explanation[]>;
}

const PARTS = new WeakMap<PartsInputs, KeptOnSecondAsk<GroupParts>>();
const MAX_GROUPS = 16;

/**
 * The weight-independent parts of a comparison (metric and dimension scores within the group, each member's
 * metrics, the context rows), kept per group and data version once a group is asked for a second time, so that
 * new weights for a group asked before cost only the weighting, the ranks and the sensitivity run. A group asked
 * once is not kept: a stream of new groups would only fill the heap for the garbage collector. Shared between
 * results: read, never changed.
 */
export function groupParts(model: PartsInputs, local: ScoringCouncil, members: readonly string[]): GroupParts {
  let cache = PARTS.get(model);
  if (!cache) PARTS.set(model, (cache = keptOnSecondAsk(MAX_GROUPS)));
  const key = `${local.code}|${members.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const base = groupBase(members, model.metrics);
  // Each member's metrics with their scores within the group, in plain loops (keys in METRICS order, as before).
  const metrics = new Map<string, Record<string, MetricResult>>();
  for (const r of base) {
    const own = model.metrics.get(r.code)!;
    const record: Record<string, MetricResult> = {};
    for (const def of METRICS) {
      const m = own[def.id]!;
      const score = r.metric_scores[def.id] ?? null;
      record[def.id] = m.missing ? { value: m.value, score, n: m.n, missing: m.missing } : { value: m.value, score, n: m.n };
    }
    metrics.set(r.code, record);
  }
  const names = councilNames(model.data);
  const parts = { base, names, metrics, context: contextRows(model, local, members), explanations: new Map() };
  cache.offer(key, parts);
  return parts;
}
