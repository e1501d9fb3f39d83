// The rank probabilities with the dimensions unrolled and weight draws kept (src/scoring/sensitivity.ts) are
// exactly those of the former loop, on the real database: every council's own group under several weightings and
// groups never asked before. The former loop is kept here.
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../src/scoring/config.js';
import { findLocal, groupFor, resolveOptions } from '../../src/scoring/compare.js';
import { groupParts } from '../../src/scoring/group-parts.js';
import { rankGroup, type MemberScore } from '../../src/scoring/group-scores.js';
import { sobolNormals } from '../../src/scoring/qmc.js';
import { sensitivity, weightDraws, type SensitivitySettings } from '../../src/scoring/sensitivity.js';
import type { Weights } from '../../src/scoring/weights.js';
import { scoringModelFor } from '../../src/services/scoring-model.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb({ readonly: true });

/** The former loop: counts of each member's rank over the samples. */
function formerCounts(rows: readonly MemberScore[], weights: Weights, settings: SensitivitySettings): number[] {
  const n = rows.length;
  const k = DIMENSIONS.length;
  const ranked = rows.flatMap((r, i) => (r.rank !== null ? [i] : []));
  const m = ranked.length;
  const scores = new Float64Array(m * k);
  const known = new Float64Array(m * k);
  ranked.forEach((i, a) =>
    DIMENSIONS.forEach((d, j) => {
      const v = rows[i]!.dimensions[d].score;
      scores[a * k + j] = v ?? 0;
      known[a * k + j] = v === null ? 0 : 1;
    }),
  );
  const counts = new Float64Array(n * n);
  const draws = weightDraws(DIMENSIONS.map((d) => weights[d]), settings, sobolNormals(settings.samples, k, settings.seed));
  const comp = new Float64Array(m);
  const better = new Int32Array(m);
  for (let s = 0; s < settings.samples; s++) {
    const o = s * k;
    for (let a = 0; a < m; a++) {
      let sum = 0;
      let wt = 0;
      for (let j = 0; j < k; j++) {
        sum += scores[a * k + j]! * draws[o + j]!;
        wt += known[a * k + j]! * draws[o + j]!;
      }
      comp[a] = wt > 0 ? sum / wt : NaN;
    }
    better.fill(0);
    for (let a = 0; a < m; a++)
      for (let b = a + 1; b < m; b++) {
        if (comp[b]! > comp[a]! + 1e-9) better[a]!++;
        else if (comp[a]! > comp[b]! + 1e-9) better[b]!++;
      }
    for (let a = 0; a < m; a++) if (comp[a] === comp[a]) counts[ranked[a]! * n + better[a]!]! += 1;
  }
  return [...counts];
}

describe('rank probabilities on the real database', () => {
  it('are those of the former loop, count for count, for every council and new groups under several weightings', async () => {
    const model = await scoringModelFor(served.store);
    const codes = model.data.councils.map((c) => c.code);
    const asks: Array<[string, string | undefined]> = codes.map((c) => [c, undefined]);
    for (let i = 0; i < 40; i++) asks.push([codes[(i * 37) % codes.length]!, `custom:${Array.from({ length: 1 + (i % 12) }, (_, k) => codes[(i * 7 + k * k * 13 + k) % codes.length]).join(',')}`]);
    for (const [code, group] of asks)
      for (const weights of [undefined, 'choice=1.37', 'equity=0,quality=3', 'suitability=2.5,choice=0.5']) {
        const local = findLocal(model, code);
        const { weights: w, sensitivity: settings } = resolveOptions(model, { weights });
        const rows = rankGroup(groupParts(model, local, groupFor(model, local, group).members).base, w.weights, model.config.min_coverage_to_rank);
        // Twice: the second time the weight draws are kept ones.
        for (let again = 0; again < 2; again++) {
          const former = formerCounts(rows, w.weights, settings);
          const n = rows.length;
          expect(sensitivity(rows, w.weights, settings).members.map((x) => x.p_rank)).toEqual(rows.map((_, i) => former.slice(i * n, (i + 1) * n).map((c) => c / settings.samples)));
        }
      }
  });
});
