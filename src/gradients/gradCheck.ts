import { checkWhole } from "../core/checks";
import { rng } from "../core/random";
import { numericalGradient } from "./numericalGradient";
import { relativeError } from "./relativeError";

/**
 * What a relative error says about an analytic gradient (CS231n notes, "Gradient checks"):
 *   above 1e-2         the gradient is probably wrong;
 *   1e-4 … 1e-2        suspicious;
 *   1e-7 … 1e-4        fine for objectives with kinks (hinge, ReLU), too high for smooth ones;
 *   below 1e-7         right.
 */
export type GradCheckVerdict = "wrong" | "suspicious" | "fine-with-kinks" | "right";

/** The band edges, largest first. */
export const gradCheckBands: { verdict: GradCheckVerdict; above: number; meaning: string }[] = [
  { verdict: "wrong", above: 1e-2, meaning: "above 1e-2: the gradient is probably wrong" },
  { verdict: "suspicious", above: 1e-4, meaning: "1e-4 to 1e-2: suspicious" },
  { verdict: "fine-with-kinks", above: 1e-7, meaning: "1e-7 to 1e-4: fine for losses with kinks, too high for smooth ones" },
  { verdict: "right", above: -Infinity, meaning: "below 1e-7: right" },
];

/** The band a relative error falls in (NaN counts as wrong). */
export function verdictOf(relErr: number): GradCheckVerdict {
  if (Number.isNaN(relErr)) return "wrong";
  return gradCheckBands.find((band) => relErr > band.above)!.verdict;
}

export interface GradCheckEntry {
  /** Which coordinate of x. */
  index: number;
  analytic: number;
  numerical: number;
  relativeError: number;
  verdict: GradCheckVerdict;
}

export interface GradCheckResult {
  maxRelativeError: number;
  /** One entry per checked coordinate, in the order checked. */
  entries: GradCheckEntry[];
  verdict: GradCheckVerdict;
  /** How many coordinates x has, and whether all of them were checked. */
  dim: number;
  sampled: boolean;
  h: number;
}

/**
 * The gradient check: compare the analytic gradient with the centered numerical one.
 *
 * With `samples` below x's length (or x longer than 100 and no `samples`, which then defaults
 * to 10), only that many coordinates, drawn at random with `rng(seed)`, are checked, each with
 * two evaluations of f: the cs231n `grad_check_sparse` idea, so a 7,850-parameter W costs 20
 * loss evaluations instead of 15,700. Otherwise every coordinate is checked.
 *
 * @param grad the analytic gradient, as a function of x or as an array already computed at x.
 * @param x where to check; a Float64Array is perturbed in place and restored exactly.
 */
export function gradCheck(
  f: (x: Float64Array) => number,
  grad: ((x: Float64Array) => ArrayLike<number>) | ArrayLike<number>,
  x: Float64Array | number[],
  options: { h?: number; samples?: number; seed?: number } = {},
): GradCheckResult {
  if (typeof f !== "function") throw new TypeError("gradCheck: f must be a function (x) => number");
  if (!(x instanceof Float64Array) && !Array.isArray(x)) throw new TypeError("gradCheck: x must be a Float64Array or number[]");
  const { h = 1e-5, seed = 0 } = options;
  if (typeof h !== "number" || !(h > 0) || !Number.isFinite(h)) throw new RangeError(`gradCheck: h must be a finite number > 0, got ${h}`);
  const n = x.length;
  if (n === 0) throw new RangeError("gradCheck: x must have at least one entry, got 0");
  const samples = checkWhole("gradCheck", "samples", options.samples ?? (n > 100 ? 10 : n), 1);
  if (!Number.isFinite(seed)) throw new RangeError(`gradCheck: seed must be a finite number, got ${seed}`);
  const v = x instanceof Float64Array ? x : Float64Array.from(x);

  const analytic = typeof grad === "function" ? Float64Array.from(grad(v)) : Float64Array.from(grad);
  if (analytic.length !== n) throw new RangeError(`gradCheck: the analytic gradient has length ${analytic.length} but x has length ${n}`);

  const sampled = samples < n;
  const indices = sampled ? Array.from(rng(seed).permutation(n).subarray(0, samples)) : Array.from({ length: n }, (_, i) => i);
  const entries: GradCheckEntry[] = [];
  let maxRelativeError = 0;
  for (const i of indices) {
    // The numerical derivative along coordinate i only: f restricted to the line x + t e_i.
    const old = v[i];
    const along = (t: Float64Array) => {
      v[i] = t[0];
      const fx = f(v);
      v[i] = old;
      return fx;
    };
    const numerical = numericalGradient(along, Float64Array.of(old), { h, scheme: "centered" })[0];
    const e = relativeError(analytic[i], numerical);
    if (!(e <= maxRelativeError)) maxRelativeError = e;
    entries.push({ index: i, analytic: analytic[i], numerical, relativeError: e, verdict: verdictOf(e) });
  }
  return { maxRelativeError, entries, verdict: verdictOf(maxRelativeError), dim: n, sampled, h };
}
