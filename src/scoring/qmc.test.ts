// The quasi-random points: evenly spread (one point per slice of every coordinate, and in every box of the first
// two), far more evenly than random points, repeatable for a seed, and normal once mapped.
import { describe, expect, it } from 'vitest';
import { MAX_QMC_DIMENSIONS, sobolNormals, sobolPoints } from './qmc.js';
import { seededRandom } from './rng.js';

/** The largest gap between the share of points in [0, t) x [0, u) and its area, over a grid of corners (2-D star discrepancy, from below). */
function starDiscrepancy2d(points: Float64Array, k: number, j1: number, j2: number, grid = 64): number {
  const n = points.length / k;
  let worst = 0;
  for (let a = 1; a <= grid; a++)
    for (let b = 1; b <= grid; b++) {
      const t = a / grid;
      const u = b / grid;
      let inside = 0;
      for (let s = 0; s < n; s++) if (points[s * k + j1]! < t && points[s * k + j2]! < u) inside++;
      worst = Math.max(worst, Math.abs(inside / n - t * u));
    }
  return worst;
}

describe('scrambled Sobol points', () => {
  it('put exactly one of the first 2^m points in each 1/2^m slice of every coordinate', () => {
    for (const n of [64, 256, 1024]) {
      const p = sobolPoints(n, MAX_QMC_DIMENSIONS, 20261122);
      for (let j = 0; j < MAX_QMC_DIMENSIONS; j++) {
        const slices = new Set(Array.from({ length: n }, (_, s) => Math.floor(p[s * MAX_QMC_DIMENSIONS + j]! * n)));
        expect(slices.size, `n ${n}, coordinate ${j}`).toBe(n);
      }
    }
  });

  it('put one point in every box of area 1/256 in the first two coordinates (a (0, 8, 2)-net)', () => {
    const p = sobolPoints(256, 4, 7);
    for (let a = 0; a <= 8; a++) {
      const boxes = new Set(Array.from({ length: 256 }, (_, s) => `${Math.floor(p[s * 4]! * 2 ** a)},${Math.floor(p[s * 4 + 1]! * 2 ** (8 - a))}`));
      expect(boxes.size, `${2 ** a} x ${2 ** (8 - a)} boxes`).toBe(256);
    }
  });

  it('are spread far more evenly than random points: a star discrepancy well below that of 256 random ones', () => {
    const n = 256;
    const p = sobolPoints(n, 4, 20261122);
    const random = seededRandom(1);
    const r = Float64Array.from({ length: n * 4 }, () => random());
    for (const [j1, j2] of [[0, 1], [0, 3], [2, 3]] as const) {
      const d = starDiscrepancy2d(p, 4, j1, j2);
      expect(d).toBeLessThan(0.03);
      expect(d).toBeLessThan(starDiscrepancy2d(r, 4, j1, j2) / 2);
    }
  });

  it('repeat exactly for a seed, differ for another, and stay strictly inside (0, 1)', () => {
    const a = sobolPoints(300, 4, 11);
    expect(sobolPoints(300, 4, 11)).toEqual(a);
    expect(sobolPoints(300, 4, 12)).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThan(0);
    expect(Math.max(...a)).toBeLessThan(1);
    expect(() => sobolPoints(10, MAX_QMC_DIMENSIONS + 1, 1)).toThrow(/dimensions/);
  });

  it('map to standard normals: mean 0 and variance 1 to within a few thousandths', () => {
    const z = sobolNormals(4096, 4, 3);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
  });
});
