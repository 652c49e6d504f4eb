import type { LineFunction, LineSearchResult } from "./lineFunction";

/**
 * A line search for a step α that satisfies the strong Wolfe conditions
 *
 *   φ(α) ≤ φ(0) + c₁ α φ'(0)        (sufficient decrease)
 *   |φ'(α)| ≤ c₂ |φ'(0)|            (curvature: the slope has flattened)
 *
 * Nocedal & Wright, Algorithm 3.5 (bracketing) and 3.6 (zoom):
 *
 *   α₀ = 0, choose α₁ > 0
 *   for i = 1, 2, …
 *     if φ(αᵢ) > φ(0) + c₁αᵢφ'(0) or (i > 1 and φ(αᵢ) ≥ φ(αᵢ₋₁)):  return zoom(αᵢ₋₁, αᵢ)
 *     if |φ'(αᵢ)| ≤ −c₂φ'(0):                                     return αᵢ
 *     if φ'(αᵢ) ≥ 0:                                              return zoom(αᵢ, αᵢ₋₁)
 *     αᵢ₊₁ = 2αᵢ
 *
 *   zoom(α_lo, α_hi): α_j = a trial between them (cubic interpolation through φ(α_lo), φ'(α_lo),
 *     φ(α_hi) and the previous α_hi; the quadratic through φ(α_lo), φ'(α_lo), φ(α_hi) when the cubic
 *     lands within 20% of an end; bisection when the quadratic lands within 10%), then
 *     if φ(α_j) > φ(0) + c₁α_jφ'(0) or φ(α_j) ≥ φ(α_lo):  α_hi = α_j
 *     else if |φ'(α_j)| ≤ −c₂φ'(0):                       return α_j
 *     else { if φ'(α_j)(α_hi − α_lo) ≥ 0: α_hi = α_lo;    α_lo = α_j }
 *
 * The same choices as SciPy's `scipy.optimize.line_search`, whose trial steps the tests reproduce.
 * Each evaluation of `phi` gives φ and φ' together.
 */
export function strongWolfe(
  phi: LineFunction,
  phi0: number,
  dphi0: number,
  { alpha0 = 1, c1 = 1e-4, c2 = 0.9, alphaMax = Infinity, maxIter = 10 }:
    { alpha0?: number; c1?: number; c2?: number; alphaMax?: number; maxIter?: number } = {},
): LineSearchResult {
  if (!(dphi0 < 0)) throw new RangeError(`strongWolfe: dphi0 must be < 0 (a descent direction), got ${dphi0}`);
  if (!(alpha0 > 0)) throw new RangeError(`strongWolfe: alpha0 must be > 0, got ${alpha0}`);
  if (!(c1 > 0 && c1 < c2 && c2 < 1)) throw new RangeError(`strongWolfe: need 0 < c1 < c2 < 1, got c1 = ${c1}, c2 = ${c2}`);
  let evaluations = 0;
  const evaluate = (alpha: number) => {
    evaluations++;
    return phi(alpha);
  };
  const done = (alpha: number, p: number, dp: number, status: LineSearchResult["status"], message: string) =>
    ({ alpha, phi: p, dphi: dp, evaluations, status, message });
  const armijo = (alpha: number, p: number) => p <= phi0 + c1 * alpha * dphi0;

  function zoom(lo: number, hi: number, phiLo: number, phiHi: number, dphiLo: number): LineSearchResult {
    let previous = 0; // the α_hi before the last one, the cubic's third point
    let phiPrevious = phi0;
    for (let j = 0; j <= maxIter; j++) {
      const width = hi - lo;
      const [a, b] = width < 0 ? [hi, lo] : [lo, hi];
      let trial = j > 0 ? cubicMinimizer(lo, phiLo, dphiLo, hi, phiHi, previous, phiPrevious) : NaN;
      if (!(trial >= a + 0.2 * width * Math.sign(width) && trial <= b - 0.2 * width * Math.sign(width))) {
        trial = quadraticMinimizer(lo, phiLo, dphiLo, hi, phiHi);
        if (!(trial >= a + 0.1 * Math.abs(width) && trial <= b - 0.1 * Math.abs(width))) trial = lo + 0.5 * width;
      }
      const { phi: p, dphi: dp } = evaluate(trial);
      if (!armijo(trial, p) || p >= phiLo || !Number.isFinite(p)) {
        previous = hi;
        phiPrevious = phiHi;
        hi = trial;
        phiHi = p;
      } else {
        if (Math.abs(dp) <= -c2 * dphi0) return done(trial, p, dp, "converged", "strong Wolfe conditions hold");
        if (dp * (hi - lo) >= 0) {
          previous = hi;
          phiPrevious = phiHi;
          hi = lo;
          phiHi = phiLo;
        } else {
          previous = lo;
          phiPrevious = phiLo;
        }
        lo = trial;
        phiLo = p;
        dphiLo = dp;
      }
    }
    return done(lo, phiLo, dphiLo, "failed", `zoom found no strong Wolfe step in ${maxIter + 1} trials`);
  }

  let previous = 0;
  let phiPrevious = phi0;
  let dphiPrevious = dphi0;
  let alpha = Math.min(alpha0, alphaMax);
  for (let i = 0; i < maxIter; i++) {
    const { phi: p, dphi: dp } = evaluate(alpha);
    if (!armijo(alpha, p) || (i > 0 && p >= phiPrevious) || !Number.isFinite(p)) {
      return zoom(previous, alpha, phiPrevious, p, dphiPrevious);
    }
    if (Math.abs(dp) <= -c2 * dphi0) return done(alpha, p, dp, "converged", "strong Wolfe conditions hold");
    if (dp >= 0) return zoom(alpha, previous, p, phiPrevious, dp);
    if (alpha >= alphaMax) return done(alpha, p, dp, "max-step", `the step reached alphaMax = ${alphaMax}`);
    previous = alpha;
    phiPrevious = p;
    dphiPrevious = dp;
    alpha = Math.min(2 * alpha, alphaMax);
  }
  return done(previous, phiPrevious, dphiPrevious, "failed", `no bracket found in ${maxIter} trials`);
}

/**
 * The minimizer of the cubic through (a, fa) with slope fpa at a, (b, fb) and (c, fc);
 * NaN when the cubic has none. With db = b − a, dc = c − a and the cubic
 * f(x) = A(x−a)³ + B(x−a)² + fpa (x−a) + fa, solving for A, B gives the minimizer a + (−B + √(B² − 3A·fpa)) / 3A.
 */
function cubicMinimizer(a: number, fa: number, fpa: number, b: number, fb: number, c: number, fc: number): number {
  const db = b - a;
  const dc = c - a;
  const denom = (db * dc) ** 2 * (db - dc);
  const rb = fb - fa - fpa * db;
  const rc = fc - fa - fpa * dc;
  const A = (dc * dc * rb - db * db * rc) / denom;
  const B = (-dc * dc * dc * rb + db * db * db * rc) / denom;
  const x = a + (-B + Math.sqrt(B * B - 3 * A * fpa)) / (3 * A);
  return Number.isFinite(x) ? x : NaN;
}

/** The minimizer of the quadratic through (a, fa) with slope fpa at a and (b, fb); NaN when none. */
function quadraticMinimizer(a: number, fa: number, fpa: number, b: number, fb: number): number {
  const db = b - a;
  const B = (fb - fa - fpa * db) / (db * db);
  const x = a - fpa / (2 * B);
  return Number.isFinite(x) ? x : NaN;
}
