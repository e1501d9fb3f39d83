// Randomised quasi-Monte Carlo points for the weight sampler: a Sobol sequence (Joe and Kuo's direction numbers)
// scrambled by a seeded linear matrix scramble and digital shift, so the points stay evenly spread but repeat for a seed.
import { inverseNormalCdf } from './normal-cdf.js';
import { seededRandom } from './rng.js';

/** Joe and Kuo (2008, new-joe-kuo-6.21201): degree s, coefficients a and initial m for dimensions 2 to 8. */
const JOE_KUO: ReadonlyArray<readonly [number, number, readonly number[]]> = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
];
export const MAX_QMC_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;

/** The 32 direction numbers of one dimension (0-based), each as the top bits of an unsigned 32-bit integer. */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let i = 0; i < BITS; i++) v[i] = 2 ** (BITS - 1 - i);
    return v;
  }
  const [s, a, m] = JOE_KUO[dim - 1]!;
  for (let i = 0; i < s; i++) v[i] = (m[i]! * 2 ** (BITS - 1 - i)) >>> 0;
  for (let i = s; i < BITS; i++) {
    let x = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[i - k]!) >>> 0;
    v[i] = x;
  }
  return v;
}

/** Parity of the set bits of a 32-bit integer. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * Linear matrix scramble (Matousek, 1998): each direction number multiplied by a random lower-triangular binary
 * matrix with a unit diagonal (bit r of the result, counted from the top, mixes bit r with random higher bits).
 * Being invertible and triangular, it keeps every elementary interval holding its share of the points.
 */
function scramble(v: Uint32Array, random: () => number): Uint32Array {
  const rows = Array.from({ length: BITS }, (_, r) => {
    const above = r === 0 ? 0 : Math.floor(random() * 2 ** r) * 2 ** (BITS - r);
    return (above + 2 ** (BITS - 1 - r)) >>> 0;
  });
  return v.map((x) => rows.reduce((acc, row, r) => acc + parity((row & x) >>> 0) * 2 ** (BITS - 1 - r), 0) >>> 0);
}

/**
 * `n` points in the unit cube of `k` dimensions, flat (point s, dimension j at s * k + j): the first n points of
 * the Sobol sequence in Gray-code order, linearly scrambled and digitally shifted from a seeded random source, each
 * coordinate at the centre of its 2^-32 cell (never 0 or 1). The first 2^m points put exactly one point in each
 * 1/2^m slice of every coordinate.
 */
export function sobolPoints(n: number, k: number, seed: number): Float64Array {
  if (k > MAX_QMC_DIMENSIONS) throw new Error(`sobolPoints: at most ${MAX_QMC_DIMENSIONS} dimensions, not ${k}`);
  const random = seededRandom(seed);
  const dirs = Array.from({ length: k }, (_, j) => scramble(directions(j), random));
  const x = new Uint32Array(k);
  for (let j = 0; j < k; j++) x[j] = Math.floor(random() * 2 ** BITS) >>> 0;
  const out = new Float64Array(n * k);
  for (let s = 0; s < n; s++) {
    for (let j = 0; j < k; j++) out[s * k + j] = (x[j]! + 0.5) / 2 ** BITS;
    // The next point in Gray-code order flips the direction number of the lowest zero bit of s.
    let c = 0;
    while ((s >>> c) & 1) c++;
    for (let j = 0; j < k; j++) x[j] = (x[j]! ^ dirs[j]![c]!) >>> 0;
  }
  return out;
}

/** The Sobol points mapped to standard normals through the inverse normal distribution function, flat as above. */
export function sobolNormals(n: number, k: number, seed: number): Float64Array {
  return sobolPoints(n, k, seed).map(inverseNormalCdf);
}
