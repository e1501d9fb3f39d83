// The normal distribution function and its inverse: known values, and the inverse undoing Phi to within 1e-9
// (in fact about 1e-15) over a grid, tails included.
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalCdf } from './normal-cdf.js';

// Phi at whole and common points, to 16 figures (from the error function).
const KNOWN: Array<[number, number]> = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145705],
  [1.959963984540054, 0.975],
  [2, 0.9772498680518208],
  [-3, 0.0013498980316301035],
  [-6, 9.865876450376946e-10],
  [-8, 6.220960574271785e-16],
];

describe('the normal distribution function', () => {
  it('gives the known values, small tails to full relative precision', () => {
    for (const [x, p] of KNOWN) expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-13);
  });

  it('is inverted to within 1e-9 over a fine grid and deep into both tails', () => {
    let worst = 0;
    for (let i = 1; i < 20_000; i++) {
      const p = i / 20_000;
      worst = Math.max(worst, Math.abs(normalCdf(inverseNormalCdf(p)) - p));
    }
    expect(worst).toBeLessThan(1e-9);
    // The tails, as relative errors: the Sobol points reach 2^-33 from 0 and 1.
    for (let e = -30; e <= -2; e += 0.25) {
      const p = 10 ** e;
      expect(Math.abs(normalCdf(inverseNormalCdf(p)) / p - 1)).toBeLessThan(1e-9);
    }
    // And symmetric: the upper half is the lower half mirrored.
    for (let i = 1; i < 1000; i++) expect(inverseNormalCdf(1 - i / 2000)).toBeCloseTo(-inverseNormalCdf(i / 2000), 12);
  });

  it('returns the known quantiles and the infinities at 0 and 1', () => {
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(inverseNormalCdf(0.0013498980316301035)).toBeCloseTo(-3, 13);
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(1.5)).toBeNaN();
  });
});
