// The weight-independent parts of a comparison, made in plain loops with shared evidence lists (group-scores.ts,
// group-parts.ts, context-rows.ts), are exactly what the former map-and-filter code made, on the real database:
// for every council with its own neighbours and for groups never asked before. The former code is kept here.
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Dimension } from '../../src/scoring/config.js';
import { findLocal, groupFor, resolveOptions, type ScoringModel } from '../../src/scoring/compare.js';
import { contextRows } from '../../src/scoring/context-rows.js';
import { explain } from '../../src/scoring/group-parts.js';
import { groupBase, rankGroup, rescale, type DimensionScore } from '../../src/scoring/group-scores.js';
import { METRICS } from '../../src/scoring/metric-defs.js';
import { figure, median } from '../../src/scoring/scoring-data.js';
import { scoringModelFor } from '../../src/services/scoring-model.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb({ readonly: true });
const BY_DIM = new Map<Dimension, string[]>(DIMENSIONS.map((d) => [d, METRICS.filter((m) => m.dimension === d).map((m) => m.id)]));

function formerGroupBase(members: readonly string[], model: ScoringModel) {
  const metricScores = new Map<string, Record<string, number | null>>(members.map((c) => [c, {}]));
  for (const def of METRICS) {
    const scaled = rescale(members.map((c) => model.metrics.get(c)?.[def.id]?.value ?? null), def.better);
    members.forEach((c, i) => (metricScores.get(c)![def.id] = scaled[i]!));
  }
  return members.map((code) => {
    const ms = metricScores.get(code)!;
    const dimensions = Object.fromEntries(
      DIMENSIONS.map((d) => {
        const ids = BY_DIM.get(d)!;
        const vals = ids.map((id) => ms[id]).filter((v): v is number => v !== null && v !== undefined);
        return [d, { score: vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null, coverage: vals.length / ids.length, known: vals.length, of: ids.length }];
      }),
    ) as Record<Dimension, DimensionScore>;
    return { code, metric_scores: ms, dimensions };
  });
}

function formerEvidence(model: ScoringModel, code: string, id: string) {
  const idx = new Map<string, { name?: string; url: string; published: string | null; retrieved: string }>();
  for (const o of model.data.offers.get(code) ?? []) idx.set(o.id, { name: o.name, url: o.source.url, published: o.published, retrieved: o.retrieved });
  for (const f of model.data.facts.get(code) ?? []) idx.set(f.id, { name: f.topic, url: f.source.url, published: f.published, retrieved: f.retrieved });
  return model.metrics.get(code)![id]!.evidence.map((e) => {
    const hit = idx.get(e);
    return hit ? { id: e, ...hit } : /^https?:/.test(e) ? { id: e, url: e } : { id: e };
  });
}

function formerFigureMedian(model: ScoringModel, members: readonly string[], measure: string) {
  return median(members.map((c) => figure(model.data, c, measure)?.value).filter((v): v is number => v !== undefined));
}

describe('the parts of a comparison made in plain loops', () => {
  it('match what the former code made, value for value and key for key, for every council and for new groups', async () => {
    const model = await scoringModelFor(served.store);
    const codes = model.data.councils.map((c) => c.code);
    const asks: Array<[string, string | undefined]> = codes.map((c) => [c, undefined]);
    for (let i = 0; i < 60; i++) asks.push([codes[(i * 37) % codes.length]!, `custom:${Array.from({ length: 1 + (i % 12) }, (_, k) => codes[(i * 7 + k * k * 13 + k) % codes.length]).join(',')}`]);
    for (const [code, group] of asks) {
      const local = findLocal(model, code);
      const members = groupFor(model, local, group).members;
      const base = groupBase(members, model.metrics);
      const former = formerGroupBase(members, model);
      expect(JSON.stringify(base)).toBe(JSON.stringify(former));
      const row = rankGroup(base, resolveOptions(model, {}).weights.weights, model.config.min_coverage_to_rank)[0]!;
      const explained = explain(model, code, row);
      expect(explained.map((e) => JSON.stringify(e.evidence))).toEqual(METRICS.map((def) => JSON.stringify(formerEvidence(model, code, def.id))));
      expect(explained.map((e) => e.score)).toEqual(METRICS.map((def) => row.metric_scores[def.id] ?? null));
      const context = contextRows(model, local, members);
      expect(context.figures.map((f) => f.group_median)).toEqual(context.figures.map((f) => formerFigureMedian(model, members, f.measure)));
    }
  });
});
