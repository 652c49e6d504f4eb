import { checkMatrix, shapeOf, zeros, type Matrix } from "./matrix";

/**
 * Matrix products for the linear classifier, written for speed in plain JavaScript.
 *
 * With X (N×D, one example per row) and W (C×D, one class per row):
 *   scores = X Wᵀ (N×C)   is  matmulABt(X, W)   — every entry a dot product of two contiguous rows;
 *   dW = dScoresᵀ X (C×D)  is  matmulAtB(dScores, X) — every row of X added into the rows of dW.
 * Both read X once, row after row, as it sits in memory; neither makes a transposed copy.
 *
 * Where the speed comes from (V8 does not vectorize, so it is all about loads per multiply):
 * several results are accumulated at once from one pass over the shared operand (2 rows × 4
 * classes in matmulABt, 4 rows × 2 classes in matmulAtB), so each number loaded from memory
 * is used for several multiply-adds, and the inner loops allocate nothing.
 */

/** A Bᵀ: A is m×k, B is n×k, the result m×n (written into `out` when given). */
export function matmulABt(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkMatrix("matmulABt", "A", A);
  checkMatrix("matmulABt", "B", B);
  if (A.cols !== B.cols) throw new RangeError(`matmulABt: A is ${shapeOf(A)} but B is ${shapeOf(B)} (need the same number of columns)`);
  const m = A.rows, n = B.rows, K = A.cols;
  const C = out ?? zeros(m, n);
  if (C.rows !== m || C.cols !== n) throw new RangeError(`matmulABt: out must be ${m}×${n}, got ${shapeOf(C)}`);
  const a = A.data, b = B.data, c = C.data;
  let i = 0;
  for (; i + 1 < m; i += 2) {
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
      c[i * n + j] = dotAt(a, a0, b, j * K, K);
      c[(i + 1) * n + j] = dotAt(a, a1, b, j * K, K);
    }
  }
  for (; i < m; i++) for (let j = 0; j < n; j++) c[i * n + j] = dotAt(a, i * K, b, j * K, K);
  return C;
}

/** Aᵀ B: A is m×n, B is m×k, the result n×k (written into `out` when given, else a new zero matrix). */
export function matmulAtB(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkMatrix("matmulAtB", "A", A);
  checkMatrix("matmulAtB", "B", B);
  if (A.rows !== B.rows) throw new RangeError(`matmulAtB: A is ${shapeOf(A)} but B is ${shapeOf(B)} (need the same number of rows)`);
  const m = A.rows, n = A.cols, K = B.cols;
  const C = out ?? zeros(n, K);
  if (C.rows !== n || C.cols !== K) throw new RangeError(`matmulAtB: out must be ${n}×${K}, got ${shapeOf(C)}`);
  const a = A.data, b = B.data, c = C.data;
  c.fill(0);
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

/** Σ_k a[ia + k] b[ib + k], unrolled by four. */
function dotAt(a: Float64Array, ia: number, b: Float64Array, ib: number, K: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < K; k += 4) {
    s0 += a[ia + k] * b[ib + k];
    s1 += a[ia + k + 1] * b[ib + k + 1];
    s2 += a[ia + k + 2] * b[ib + k + 2];
    s3 += a[ia + k + 3] * b[ib + k + 3];
  }
  for (; k < K; k++) s0 += a[ia + k] * b[ib + k];
  return s0 + s1 + s2 + s3;
}
