// A seeded random source and the Dirichlet sampler built on it, so that sensitivity runs repeat exactly.

/** sfc32, seeded through splitmix32: small, fast and well distributed; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A standard normal draw (Box-Muller; the second value is discarded to keep the stream simple). */
function normal(random: () => number): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw by Marsaglia and Tsang's method; shapes below 1 are boosted by U^(1/shape). */
export function gamma(shape: number, random: () => number): number {
  if (shape <= 0) return 0;
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = random();
    return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Weights drawn from a Dirichlet centred on `mean` (which sums to 1): alpha_i = concentration * mean_i.
 * A zero weight stays zero. Writes into `out` to avoid allocating per sample.
 */
export function dirichletAround(mean: readonly number[], concentration: number, random: () => number, out: number[]): number[] {
  let total = 0;
  for (let i = 0; i < mean.length; i++) {
    const g = gamma(concentration * mean[i]!, random);
    out[i] = g;
    total += g;
  }
  if (total === 0) for (let i = 0; i < mean.length; i++) out[i] = mean[i]!;
  else for (let i = 0; i < mean.length; i++) out[i]! /= total;
  return out;
}
