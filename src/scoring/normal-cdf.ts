// The standard normal distribution function and its inverse, accurate to about 1e-15: the inverse maps the
// quasi-random points of the weight sampler to normal draws.

const SQRT2PI = Math.sqrt(2 * Math.PI);

/** The standard normal density. */
export const normalPdf = (x: number): number => Math.exp(-0.5 * x * x) / SQRT2PI;

/**
 * Phi(x), the standard normal distribution function. For |x| < 2 from the series Phi(x) = 1/2 + phi(x) * (x + x^3/3
 * + x^5/(3 x 5) + ...), whose terms are all of one sign; beyond, from Laplace's continued fraction for the tail,
 * which converges fast there and keeps a small tail probability to full relative precision.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -2) return upperTail(-x);
  if (x >= 2) return 1 - upperTail(x);
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
  }
  return 0.5 + normalPdf(x) * sum;
}

/** 1 - Phi(x) for x >= 2: phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))), evaluated from the bottom up (200 terms). */
function upperTail(x: number): number {
  if (x === Infinity) return 0;
  let f = x;
  for (let n = 200; n >= 1; n--) f = x + n / f;
  return normalPdf(x) / f;
}

// Acklam's rational approximations (relative error below 1.15e-9), then one Halley step on Phi.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Phi^-1(p) for 0 < p < 1 (minus and plus infinity at 0 and 1): Acklam's approximation refined by one Halley step. */
export function inverseNormalCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const v = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
    x = p < P_LOW ? v : -v;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  }
  // Halley: the error of Phi at x over the density, corrected for the curvature of Phi.
  // In the upper half the error is taken on the upper tail, so a p near 1 keeps its precision.
  const e = p > 0.5 ? 1 - p - normalCdf(-x) : normalCdf(x) - p;
  const u = e / normalPdf(x);
  return x - u / (1 + (x * u) / 2);
}
