import { checkMatrix, shapeOf, type Matrix } from "../core/matrix";

/**
 * The checks every loss makes before any work, so a mistake fails with a message that names
 * the argument and its size (`svmLoss: W is 10×785 but X is 100×784`) instead of a silent NaN:
 * W (C×D) and X (N×D) agree on D, y has N whole-number labels in 0..C−1, W is finite, reg ≥ 0.
 *
 * X is checked for NaN and Infinity by the loss itself (see `findNonFinite`): scanning 7.85
 * million pixels costs as much as the scores do, and a non-finite X always shows up as a
 * non-finite score, so the loss looks only when a score is not finite.
 *
 * Returns the labels as an Int32Array.
 */
export function checkLossArgs(fn: string, W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number): Int32Array {
  checkMatrix(fn, "W", W);
  checkMatrix(fn, "X", X);
  if (W.cols !== X.cols) throw new RangeError(`${fn}: W is ${shapeOf(W)} but X is ${shapeOf(X)} (W must be C×D for X N×D)`);
  if (W.rows < 1) throw new RangeError(`${fn}: W must have at least one row (class), got ${shapeOf(W)}`);
  if (X.rows < 1) throw new RangeError(`${fn}: X must have at least one row (example), got ${shapeOf(X)}`);
  if (y === null || typeof y !== "object" || typeof y.length !== "number") {
    throw new TypeError(`${fn}: y must be an Int32Array or number[] of ${X.rows} labels`);
  }
  if (y.length !== X.rows) throw new RangeError(`${fn}: y has ${y.length} labels but X has ${X.rows} rows`);
  const C = W.rows;
  const labels = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= C) {
      throw new RangeError(`${fn}: y[${i}] = ${c} is not a class label in 0..${C - 1}`);
    }
    labels[i] = c;
  }
  if (typeof reg !== "number" || !(reg >= 0) || !Number.isFinite(reg)) {
    throw new RangeError(`${fn}: reg must be a finite number >= 0, got ${reg}`);
  }
  const bad = findNonFinite(W);
  if (bad) throw new RangeError(`${fn}: W must be finite, got ${bad}`);
  return labels;
}

/** "NaN at [3][17]" for the first entry of m that is NaN or ±Infinity, or null when all are finite. */
export function findNonFinite(m: Matrix): string | null {
  const d = m.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) return `${d[i]} at [${Math.floor(i / m.cols)}][${i % m.cols}]`;
  }
  return null;
}

/** Throws `fn: X must be finite, got NaN at [3][17]` when X has a NaN or ±Infinity. */
export function checkFiniteX(fn: string, X: Matrix): void {
  const bad = findNonFinite(X);
  if (bad) throw new RangeError(`${fn}: X must be finite, got ${bad}`);
}
