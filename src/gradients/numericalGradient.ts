/**
 * The gradient by finite differences: the derivative as a limit, with a small h instead of the limit.
 *
 *     df/dx_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h     centered  (error O(h²))
 *     df/dx_i ≈ (f(x + h e_i) − f(x)) / h               forward   (error O(h))
 *
 * As on the slides: take the current x, add h to the first dimension, evaluate the loss, take
 * the difference quotient; put the dimension back and move on to the next. One (forward) or two
 * (centered) evaluations of f per dimension: approximate, slow, easy.
 *
 * A Float64Array x is changed in place during each probe and restored exactly (x_i = old) right
 * after, so f may close over x (e.g. `x = W.data`); a number[] is copied first.
 */
export function numericalGradient(
  f: (x: Float64Array) => number,
  x: Float64Array | number[],
  options: { h?: number; scheme?: "centered" | "forward" } = {},
): Float64Array {
  if (typeof f !== "function") throw new TypeError("numericalGradient: f must be a function (x) => number");
  if (!(x instanceof Float64Array) && !Array.isArray(x)) {
    throw new TypeError("numericalGradient: x must be a Float64Array or number[]");
  }
  const { h = 1e-5, scheme = "centered" } = options;
  if (typeof h !== "number" || !(h > 0) || !Number.isFinite(h)) {
    throw new RangeError(`numericalGradient: h must be a finite number > 0, got ${h}`);
  }
  if (scheme !== "centered" && scheme !== "forward") {
    throw new RangeError(`numericalGradient: scheme must be "centered" or "forward", got ${JSON.stringify(scheme)}`);
  }
  const v = x instanceof Float64Array ? x : Float64Array.from(x);
  const grad = new Float64Array(v.length);
  const fx = scheme === "forward" ? f(v) : 0;
  for (let i = 0; i < v.length; i++) {
    const old = v[i];
    v[i] = old + h;
    const fPlus = f(v);
    if (scheme === "centered") {
      v[i] = old - h;
      const fMinus = f(v);
      grad[i] = (fPlus - fMinus) / (2 * h);
    } else {
      grad[i] = (fPlus - fx) / h;
    }
    v[i] = old; // restore
  }
  return grad;
}
