import { checkMatrix, shapeOf, zeros, type Matrix } from "../core/matrix";
import { allFinite } from "../core/vector";
import { fastABt, fastAtB, REUSABLE } from "./fastProducts";

/**
 * Matrix products for the linear classifier, written for speed in plain JavaScript.
 *
 * With X (N×D, one example per row) and W (C×D, one class per row):
 *   scores = X Wᵀ (N×C)   is  matmulABt(X, W)   — every entry a dot product of two contiguous rows;
 *   dW = dScoresᵀ X (C×D)  is  matmulAtB(dScores, X) — every row of X added into the rows of dW.
 * Both read X row after row, as it sits in memory; neither makes a transposed copy.
 *
 * Where the speed comes from (V8 does not vectorize, so it is all about work per number loaded):
 * - blocking: several results are accumulated at once from one pass over the shared operand
 *   (2 rows × 4 classes in matmulABt, 4 rows × 2 classes in matmulAtB), so each number loaded
 *   is used for several multiply-adds, and the inner loops allocate nothing;
 * - zeros: when X is mostly zeros (an MNIST digit is about 80% background), the products go
 *   through the list of its nonzero entries (`nonzeroPattern`) and skip the multiplications by 0.
 *   The sums are the same, term for term (adding 0·w changes nothing), as long as the other
 *   operand is finite, so that path is taken only then (0·∞ would be NaN).
 */

/** Where the nonzeros of each row are (compressed sparse rows): row i's are index[start[i] .. start[i+1]). */
export interface NonzeroPattern {
  start: Int32Array;
  index: Int32Array;
}

/**
 * The positions of the nonzero entries of each row of A, or null when A is not mostly zeros
 * (the scan stops as soon as more than half the entries seen are nonzero).
 */
export function nonzeroPattern(A: Matrix): NonzeroPattern | null {
  checkMatrix("nonzeroPattern", "A", A);
  const { rows: m, cols: K, data: a } = A;
  const start = new Int32Array(m + 1);
  let index = new Int32Array(Math.ceil((m * K) / 8) + K);
  let count = 0;
  for (let i = 0; i < m; i++) {
    if (count + K > index.length) { // room for one more full row, or grow
      const bigger = new Int32Array(2 * index.length);
      bigger.set(index);
      index = bigger;
    }
    const row = i * K;
    let k = 0;
    for (; k + 4 <= K; k += 4) {
      // four at a time: a run of zeros (an image's background) costs one test per four pixels
      const a0 = a[row + k], a1 = a[row + k + 1], a2 = a[row + k + 2], a3 = a[row + k + 3];
      if (Math.abs(a0) + Math.abs(a1) + Math.abs(a2) + Math.abs(a3) === 0) continue; // (a NaN sum is not 0)
      if (a0 !== 0) index[count++] = k;
      if (a1 !== 0) index[count++] = k + 1;
      if (a2 !== 0) index[count++] = k + 2;
      if (a3 !== 0) index[count++] = k + 3;
    }
    for (; k < K; k++) if (a[row + k] !== 0) index[count++] = k;
    start[i + 1] = count;
    if (2 * count > (i + 1) * K) return null; // more than half nonzero: not worth it
  }
  return { start, index: index.subarray(0, count) };
}

/** A matrix that carries where its nonzeros are, found once by `withNonzeroPattern`. */
export interface PatternedMatrix extends Matrix {
  readonly nonzeros: NonzeroPattern | null;
}

/**
 * The same matrix (sharing its data), with its nonzero pattern found once and kept, so that every
 * later product with it skips the scan: worth it when one dataset meets many weights (random
 * search tries 1000 W on the same X; full-batch L-BFGS evaluates the loss again and again).
 * Its data must not change afterwards: the kept pattern would no longer be true.
 */
export function withNonzeroPattern(A: Matrix): PatternedMatrix {
  return { rows: A.rows, cols: A.cols, data: A.data, nonzeros: nonzeroPattern(A), [REUSABLE]: true } as PatternedMatrix;
}

/**
 * A, marked for several products in a row (the two products of one loss): its nonzero pattern is
 * found at most once, when the scalar path first needs it, and the fast path copies its data at
 * most once. Use it right away and drop it: A's data must not change while it is in use. A matrix
 * made by `withNonzeroPattern` is returned as it is.
 */
export function reusable(A: Matrix): PatternedMatrix {
  if ((A as { [REUSABLE]?: boolean })[REUSABLE] === true) return A as PatternedMatrix;
  let found: NonzeroPattern | null | undefined;
  return {
    rows: A.rows, cols: A.cols, data: A.data, [REUSABLE]: true,
    get nonzeros() { return found === undefined ? (found = nonzeroPattern(A)) : found; },
  } as PatternedMatrix;
}

/** A's nonzero pattern: the one it carries, or a fresh scan. */
export function patternOf(A: Matrix): NonzeroPattern | null {
  const kept = (A as Partial<PatternedMatrix>).nonzeros;
  return kept !== undefined ? kept : nonzeroPattern(A);
}

/**
 * A Bᵀ: A is m×k, B is n×k, the result m×n (written into `out` when given).
 * `pattern` is A's `nonzeroPattern` (computed here when not given; null means "dense").
 */
export function matmulABt(A: Matrix, B: Matrix, out?: Matrix, pattern?: NonzeroPattern | null): Matrix {
  checkMatrix("matmulABt", "A", A);
  checkMatrix("matmulABt", "B", B);
  if (A.cols !== B.cols) throw new RangeError(`matmulABt: A is ${shapeOf(A)} but B is ${shapeOf(B)} (need the same number of columns)`);
  const m = A.rows, n = B.rows;
  const C = out ?? zeros(m, n);
  if (C.rows !== m || C.cols !== n) throw new RangeError(`matmulABt: out must be ${m}×${n}, got ${shapeOf(C)}`);
  if (fastABt(A, B, C)) return C;
  return abtScalar(A, B, C, pattern);
}

/** A Bᵀ by the scalar kernels only (the reference of the fast path): arguments as `matmulABt`'s. */
export function matmulABtScalar(A: Matrix, B: Matrix, out?: Matrix, pattern?: NonzeroPattern | null): Matrix {
  checkMatrix("matmulABtScalar", "A", A);
  checkMatrix("matmulABtScalar", "B", B);
  if (A.cols !== B.cols) throw new RangeError(`matmulABtScalar: A is ${shapeOf(A)} but B is ${shapeOf(B)} (need the same number of columns)`);
  const C = out ?? zeros(A.rows, B.rows);
  if (C.rows !== A.rows || C.cols !== B.rows) throw new RangeError(`matmulABtScalar: out must be ${A.rows}×${B.rows}, got ${shapeOf(C)}`);
  return abtScalar(A, B, C, pattern);
}

function abtScalar(A: Matrix, B: Matrix, C: Matrix, pattern?: NonzeroPattern | null): Matrix {
  const m = A.rows, n = B.rows, K = A.cols;
  const a = A.data, b = B.data, c = C.data;
  const nz = allFinite(b) ? (pattern === undefined ? patternOf(A) : pattern) : null;
  if (nz) {
    for (let i = 0; i < m; i++) sparseRowTimesBt(a, i * K, nz.index, nz.start[i], nz.start[i + 1], b, n, K, c, i * n);
    return C;
  }
  let i = 0;
  for (; i + 1 < m; i += 2) {
    // Two rows of A against four rows of B: 8 sums, 6 loads per 8 multiply-adds.
    const a0 = i * K, a1 = a0 + K;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = a[a0 + k], x1 = a[a1 + k];
        const w0 = b[b0 + k], w1 = b[b1 + k], w2 = b[b2 + k], w3 = b[b3 + k];
        s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
        s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
      }
      c[i * n + j] = s00; c[i * n + j + 1] = s01; c[i * n + j + 2] = s02; c[i * n + j + 3] = s03;
      c[(i + 1) * n + j] = s10; c[(i + 1) * n + j + 1] = s11; c[(i + 1) * n + j + 2] = s12; c[(i + 1) * n + j + 3] = s13;
    }
    for (; j < n; j++) {
      const bj = j * K;
      let s0 = 0, s1 = 0;
      for (let k = 0; k < K; k++) {
        const w = b[bj + k];
        s0 += a[a0 + k] * w;
        s1 += a[a1 + k] * w;
      }
      c[i * n + j] = s0;
      c[(i + 1) * n + j] = s1;
    }
  }
  for (; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += a[i * K + k] * b[j * K + k];
      c[i * n + j] = s;
    }
  }
  return C;
}

/**
 * Aᵀ B: A is m×n, B is m×k, the result n×k, written into `out` when given (else a new matrix).
 * With `accumulate`, the product is added to what `out` holds: out += Aᵀ B.
 * `pattern` is B's `nonzeroPattern` (computed here when not given; null means "dense").
 */
export function matmulAtB(A: Matrix, B: Matrix, out?: Matrix, accumulate = false, pattern?: NonzeroPattern | null): Matrix {
  checkMatrix("matmulAtB", "A", A);
  checkMatrix("matmulAtB", "B", B);
  if (A.rows !== B.rows) throw new RangeError(`matmulAtB: A is ${shapeOf(A)} but B is ${shapeOf(B)} (need the same number of rows)`);
  const n = A.cols, K = B.cols;
  const C = out ?? zeros(n, K);
  if (C.rows !== n || C.cols !== K) throw new RangeError(`matmulAtB: out must be ${n}×${K}, got ${shapeOf(C)}`);
  if (fastAtB(A, B, C, accumulate)) return C;
  return atbScalar(A, B, C, accumulate, pattern);
}

/** Aᵀ B by the scalar kernels only (the reference of the fast path): arguments as `matmulAtB`'s. */
export function matmulAtBScalar(A: Matrix, B: Matrix, out?: Matrix, accumulate = false, pattern?: NonzeroPattern | null): Matrix {
  checkMatrix("matmulAtBScalar", "A", A);
  checkMatrix("matmulAtBScalar", "B", B);
  if (A.rows !== B.rows) throw new RangeError(`matmulAtBScalar: A is ${shapeOf(A)} but B is ${shapeOf(B)} (need the same number of rows)`);
  const C = out ?? zeros(A.cols, B.cols);
  if (C.rows !== A.cols || C.cols !== B.cols) throw new RangeError(`matmulAtBScalar: out must be ${A.cols}×${B.cols}, got ${shapeOf(C)}`);
  return atbScalar(A, B, C, accumulate, pattern);
}

function atbScalar(A: Matrix, B: Matrix, C: Matrix, accumulate: boolean, pattern?: NonzeroPattern | null): Matrix {
  const m = A.rows, n = A.cols, K = B.cols;
  const a = A.data, b = B.data, c = C.data;
  if (!accumulate) c.fill(0);
  const nz = allFinite(a) ? (pattern === undefined ? patternOf(B) : pattern) : null;
  if (nz) {
    for (let i = 0; i < m; i++) sparseRowIntoRows(a, i * n, n, b, i * K, nz.index, nz.start[i], nz.start[i + 1], c, K);
    return C;
  }
  // Row i of B, scaled by A[i][j], is added to row j of the result: four rows of B at a time.
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const r0 = i * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const p0 = a[i * n + j], p1 = a[(i + 1) * n + j], p2 = a[(i + 2) * n + j], p3 = a[(i + 3) * n + j];
      const q0 = a[i * n + j + 1], q1 = a[(i + 1) * n + j + 1], q2 = a[(i + 2) * n + j + 1], q3 = a[(i + 3) * n + j + 1];
      const o0 = j * K, o1 = o0 + K;
      for (let k = 0; k < K; k++) {
        const x0 = b[r0 + k], x1 = b[r1 + k], x2 = b[r2 + k], x3 = b[r3 + k];
        c[o0 + k] += p0 * x0 + p1 * x1 + p2 * x2 + p3 * x3;
        c[o1 + k] += q0 * x0 + q1 * x1 + q2 * x2 + q3 * x3;
      }
    }
    for (; j < n; j++) {
      const p0 = a[i * n + j], p1 = a[(i + 1) * n + j], p2 = a[(i + 2) * n + j], p3 = a[(i + 3) * n + j];
      const o0 = j * K;
      for (let k = 0; k < K; k++) c[o0 + k] += p0 * b[r0 + k] + p1 * b[r1 + k] + p2 * b[r2 + k] + p3 * b[r3 + k];
    }
  }
  for (; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const p = a[i * n + j], o = j * K, r = i * K;
      for (let k = 0; k < K; k++) c[o + k] += p * b[r + k];
    }
  }
  return C;
}

/** c[ci + j] = Σ_t a[ai + k_t] b[j·K + k_t] over the positions k_t = nz[from .. to), for every row j < n of B. */
function sparseRowTimesBt(
  a: Float64Array, ai: number, nz: Int32Array, from: number, to: number, b: Float64Array, n: number, K: number, c: Float64Array, ci: number,
): void {
  let j = 0;
  for (; j + 4 < n; j += 5) { // five rows of B per pass over the nonzeros
    const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K, b4 = b3 + K;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    for (let t = from; t < to; t++) {
      const k = nz[t], x = a[ai + k];
      s0 += x * b[b0 + k]; s1 += x * b[b1 + k]; s2 += x * b[b2 + k]; s3 += x * b[b3 + k]; s4 += x * b[b4 + k];
    }
    c[ci + j] = s0; c[ci + j + 1] = s1; c[ci + j + 2] = s2; c[ci + j + 3] = s3; c[ci + j + 4] = s4;
  }
  for (; j < n; j++) {
    const bj = j * K;
    let s = 0;
    for (let t = from; t < to; t++) { const k = nz[t]; s += a[ai + k] * b[bj + k]; }
    c[ci + j] = s;
  }
}

/** Row j of c += a[ai + j] · (the row of b at bi), over the positions nz[from .. to) only, for every j < n. */
function sparseRowIntoRows(
  a: Float64Array, ai: number, n: number, b: Float64Array, bi: number, nz: Int32Array, from: number, to: number, c: Float64Array, K: number,
): void {
  let j = 0;
  for (; j + 4 < n; j += 5) { // five rows of c per pass over the nonzeros
    const p0 = a[ai + j], p1 = a[ai + j + 1], p2 = a[ai + j + 2], p3 = a[ai + j + 3], p4 = a[ai + j + 4];
    const o0 = j * K, o1 = o0 + K, o2 = o1 + K, o3 = o2 + K, o4 = o3 + K;
    for (let t = from; t < to; t++) {
      const k = nz[t], x = b[bi + k];
      c[o0 + k] += p0 * x; c[o1 + k] += p1 * x; c[o2 + k] += p2 * x; c[o3 + k] += p3 * x; c[o4 + k] += p4 * x;
    }
  }
  for (; j < n; j++) {
    const p = a[ai + j], o = j * K;
    for (let t = from; t < to; t++) { const k = nz[t]; c[o + k] += p * b[bi + k]; }
  }
}
