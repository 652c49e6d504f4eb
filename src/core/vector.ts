import { checkWhole } from "./checks";
/**
 * Vectors are Float64Array. Functions that take a vector also take number[] and copy it.
 */
export type VectorLike = Float64Array | number[];

/** A Float64Array copy of `v` (always a copy, so the caller's array is never changed). */
export function toVector(v: VectorLike | ArrayLike<number>): Float64Array {
  return Float64Array.from(v as ArrayLike<number>);
}

/** Σ a_i b_i. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkSameLength("dot", a, b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The Euclidean norm ‖v‖₂. */
export function norm2(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** The max norm ‖v‖∞ = max |v_i|. */
export function normInf(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** y += alpha * x, in place; returns y. */
export function axpy(alpha: number, x: ArrayLike<number>, y: Float64Array): Float64Array {
  checkSameLength("axpy", x, y);
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
  return y;
}

/** a - b as a new vector. */
export function sub(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  checkSameLength("sub", a, b);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/** a + b as a new vector. */
export function add(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  checkSameLength("add", a, b);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
}

/** alpha * v as a new vector. */
export function scale(alpha: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = alpha * v[i];
  return out;
}

/** True when every entry is a finite number (no NaN, no ±Infinity). */
export function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** n numbers evenly spaced from start to stop, both included (NumPy's linspace). */
export function linspace(start: number, stop: number, n: number): Float64Array {
  checkWhole("linspace", "n", n, 1);
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  out[n - 1] = stop;
  return out;
}

/** Throws `fn: a has length 3 but b has length 2` unless both have the same length. */
export function checkSameLength(
  fn: string, a: ArrayLike<number>, b: ArrayLike<number>, names: [string, string] = ["a", "b"],
): void {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: ${names[0]} has length ${a.length} but ${names[1]} has length ${b.length}`);
  }
}
