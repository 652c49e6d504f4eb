import type { LineFunction, LineSearchResult } from "./lineFunction";

/**
 * The Moré–Thuente line search (ACM TOMS 20, 1994), the one L-BFGS-B calls (MINPACK-2's dcsrch):
 * it finds a step α with
 *
 *   φ(α) ≤ φ(0) + c₁ α φ'(0)   and   |φ'(α)| ≤ c₂ |φ'(0)|      (strong Wolfe)
 *
 * by keeping an interval [α_x, α_y] known to hold such a step and choosing each trial by cubic or
 * quadratic interpolation of the end points (`trialStep` below):
 *
 *   while the conditions fail at α:
 *     stage 1 (no sufficient-decrease point with φ' ≥ 0 seen yet): interpolate the modified
 *       function ψ(α) = φ(α) − φ(0) − c₁αφ'(0) instead of φ, when φ(α) ≤ φ(α_x) but ψ(α) > 0
 *     (α_x, α_y, α) ← trialStep(…)                  interval update and the new trial
 *     if the interval did not shrink by 2/3 in two trials: α = bisect the interval
 *     not bracketed yet: keep α in [α + 1.1(α − α_x), α + 4(α − α_x)] (extrapolation)
 *
 * L-BFGS-B uses c₁ = 1e-3, c₂ = 0.9, xtol = 0.1, α ∈ [0, 1e10] and at most 20 evaluations.
 * A trial where φ is +Infinity or NaN (the step overflowed the function) is halved towards α_x and
 * caps later trials;
 * φ = −Infinity ends the search with status "max-step" (f is unbounded below).
 */
export function moreThuente(
  phi: LineFunction,
  phi0: number,
  dphi0: number,
  { alpha0 = 1, c1 = 1e-3, c2 = 0.9, xtol = 0.1, alphaMin = 0, alphaMax = 1e10, maxEvaluations = 20 }:
    { alpha0?: number; c1?: number; c2?: number; xtol?: number; alphaMin?: number; alphaMax?: number; maxEvaluations?: number } = {},
): LineSearchResult {
  if (!(dphi0 < 0)) throw new RangeError(`moreThuente: dphi0 must be < 0 (a descent direction), got ${dphi0}`);
  if (!(alpha0 >= alphaMin && alpha0 <= alphaMax)) {
    throw new RangeError(`moreThuente: alpha0 must be in [alphaMin, alphaMax] = [${alphaMin}, ${alphaMax}], got ${alpha0}`);
  }
  if (!(c1 > 0 && c1 < c2 && c2 < 1)) throw new RangeError(`moreThuente: need 0 < c1 < c2 < 1, got c1 = ${c1}, c2 = ${c2}`);
  const gtest = c1 * dphi0; // slope of the sufficient-decrease line
  // the interval: x is the best step so far, y the other end; [lo, hi] bounds the next trial
  const s = { brackt: false, x: 0, fx: phi0, gx: dphi0, y: 0, fy: phi0, gy: dphi0, lo: 0, hi: alpha0 + 4 * alpha0 };
  let stage = 1;
  let width = alphaMax - alphaMin;
  let width1 = width / 0.5;
  let alpha = alpha0;
  let upper = alphaMax; // lowered below a step where φ overflowed
  let f = phi0;
  let g = dphi0;
  for (let evaluations = 1; evaluations <= maxEvaluations; evaluations++) {
    ({ phi: f, dphi: g } = phi(alpha));
    const result = (status: LineSearchResult["status"], message: string): LineSearchResult =>
      ({ alpha, phi: f, dphi: g, evaluations, status, message });
    if (f === -Infinity) return result("max-step", "φ(α) = −Infinity: f is unbounded below along the line");
    if (!Number.isFinite(f) || !Number.isFinite(g)) {
      // the step overflowed the function: halve it towards the best point and keep going
      upper = alpha;
      alpha = s.x + 0.5 * (alpha - s.x);
      s.hi = Math.min(s.hi, upper);
      continue;
    }
    const ftest = phi0 + alpha * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;
    if (f <= ftest && Math.abs(g) <= c2 * -dphi0) return result("converged", "strong Wolfe conditions hold");
    if (s.brackt && (alpha <= s.lo || alpha >= s.hi)) return result("warning", "rounding errors prevent progress");
    if (s.brackt && s.hi - s.lo <= xtol * s.hi) return result("warning", "the interval is below xtol");
    if (alpha === alphaMax && f <= ftest && g <= gtest) return result("max-step", `the step reached alphaMax = ${alphaMax}`);
    if (alpha === alphaMin && (f > ftest || g >= gtest)) return result("warning", `the step reached alphaMin = ${alphaMin}`);
    if (evaluations === maxEvaluations) break;

    if (stage === 1 && f <= s.fx && f > ftest) {
      // interpolate ψ(α) = φ(α) − α·gtest (φ(0) dropped: it cancels)
      const m = { ...s, fx: s.fx - s.x * gtest, fy: s.fy - s.y * gtest, gx: s.gx - gtest, gy: s.gy - gtest };
      alpha = trialStep(m, alpha, f - alpha * gtest, g - gtest);
      Object.assign(s, m, { fx: m.fx + m.x * gtest, fy: m.fy + m.y * gtest, gx: m.gx + gtest, gy: m.gy + gtest });
    } else {
      alpha = trialStep(s, alpha, f, g);
    }
    if (s.brackt) {
      if (Math.abs(s.y - s.x) >= 0.66 * width1) alpha = s.x + 0.5 * (s.y - s.x); // bisect
      width1 = width;
      width = Math.abs(s.y - s.x);
      s.lo = Math.min(s.x, s.y);
      s.hi = Math.max(s.x, s.y);
    } else {
      s.lo = alpha + 1.1 * (alpha - s.x);
      s.hi = alpha + 4 * (alpha - s.x);
    }
    alpha = Math.min(Math.max(alpha, alphaMin), alphaMax);
    if (upper < alphaMax && alpha >= upper) alpha = s.x + 0.5 * (upper - s.x);
    if (s.brackt && (alpha <= s.lo || alpha >= s.hi || s.hi - s.lo <= xtol * s.hi)) alpha = s.x; // no progress possible
  }
  return { alpha, phi: f, dphi: g, evaluations: maxEvaluations, status: "failed", message: `no strong Wolfe step in ${maxEvaluations} evaluations` };
}

interface Interval { brackt: boolean; x: number; fx: number; gx: number; y: number; fy: number; gy: number; lo: number; hi: number }

/**
 * One safeguarded step of Moré and Thuente (their "dcstep"): given the interval ends x (the best
 * point) and y, and the trial t with value ft and slope gt, update the interval and return the next
 * trial. Four cases, from the minimizer of the cubic (c) through both ends' values and slopes and
 * of the quadratic or secant (q) interpolants:
 *   1. ft > fx: a minimizer lies between x and t. Take c if it is closer to x than q, else (c+q)/2.
 *   2. slopes of opposite sign at x and t: bracketed too. Take whichever of c and the secant step is farther from t.
 *   3. same sign, |gt| < |gx| (the slope is flattening): the closer (bracketed) or farther (not) of c and the secant.
 *   4. same sign, not flattening: the cubic through t and y when bracketed, else the far bound.
 */
function trialStep(s: Interval, t: number, ft: number, gt: number): number {
  const { x, fx, gx, y, fy, gy } = s;
  const sgnd = gt * Math.sign(gx);
  let next: number;
  if (ft > fx) {
    const theta = (3 * (fx - ft)) / (t - x) + gx + gt;
    const scale = Math.max(Math.abs(theta), Math.abs(gx), Math.abs(gt));
    let gamma = scale * Math.sqrt((theta / scale) ** 2 - (gx / scale) * (gt / scale));
    if (t < x) gamma = -gamma;
    const r = (gamma - gx + theta) / (gamma - gx + gamma + gt);
    const cubic = x + r * (t - x);
    const quadratic = x + (gx / ((fx - ft) / (t - x) + gx) / 2) * (t - x);
    next = Math.abs(cubic - x) < Math.abs(quadratic - x) ? cubic : cubic + (quadratic - cubic) / 2;
    s.brackt = true;
  } else if (sgnd < 0) {
    const theta = (3 * (fx - ft)) / (t - x) + gx + gt;
    const scale = Math.max(Math.abs(theta), Math.abs(gx), Math.abs(gt));
    let gamma = scale * Math.sqrt((theta / scale) ** 2 - (gx / scale) * (gt / scale));
    if (t > x) gamma = -gamma;
    const r = (gamma - gt + theta) / (gamma - gt + gamma + gx);
    const cubic = t + r * (x - t);
    const secant = t + (gt / (gt - gx)) * (x - t);
    next = Math.abs(cubic - t) > Math.abs(secant - t) ? cubic : secant;
    s.brackt = true;
  } else if (Math.abs(gt) < Math.abs(gx)) {
    const theta = (3 * (fx - ft)) / (t - x) + gx + gt;
    const scale = Math.max(Math.abs(theta), Math.abs(gx), Math.abs(gt));
    let gamma = scale * Math.sqrt(Math.max(0, (theta / scale) ** 2 - (gx / scale) * (gt / scale)));
    if (t > x) gamma = -gamma;
    const r = (gamma - gt + theta) / (gamma + (gx - gt) + gamma);
    let cubic: number;
    if (r < 0 && gamma !== 0) cubic = t + r * (x - t);
    else cubic = t > x ? s.hi : s.lo;
    const secant = t + (gt / (gt - gx)) * (x - t);
    if (s.brackt) {
      next = Math.abs(cubic - t) < Math.abs(secant - t) ? cubic : secant;
      next = t > x ? Math.min(t + 0.66 * (y - t), next) : Math.max(t + 0.66 * (y - t), next);
    } else {
      next = Math.abs(cubic - t) > Math.abs(secant - t) ? cubic : secant;
      next = Math.max(s.lo, Math.min(s.hi, next));
    }
  } else if (s.brackt) {
    const theta = (3 * (ft - fy)) / (y - t) + gy + gt;
    const scale = Math.max(Math.abs(theta), Math.abs(gy), Math.abs(gt));
    let gamma = scale * Math.sqrt((theta / scale) ** 2 - (gy / scale) * (gt / scale));
    if (t > y) gamma = -gamma;
    const r = (gamma - gt + theta) / (gamma - gt + gamma + gy);
    next = t + r * (y - t);
  } else {
    next = t > x ? s.hi : s.lo;
  }
  // the interval update: y takes the old x when the slopes changed sign, x takes the trial when it is better
  if (ft > fx) {
    s.y = t;
    s.fy = ft;
    s.gy = gt;
  } else {
    if (sgnd < 0) {
      s.y = x;
      s.fy = fx;
      s.gy = gx;
    }
    s.x = t;
    s.fx = ft;
    s.gx = gt;
  }
  return next;
}
