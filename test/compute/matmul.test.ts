import { test } from "node:test";
import assert from "node:assert/strict";
import { matmulABt, matmulAtB, nonzeroPattern } from "../../src/compute/matmul";
import { matrix, zeros } from "../../src/core/matrix";
import { rng } from "../../src/core/random";

test("matmulABt and matmulAtB on a worked example", () => {
  const A = matrix([[1, 2], [3, 4], [5, 6]]); // 3×2
  const B = matrix([[1, 0], [1, 1]]); // 2×2
  // A Bᵀ: row i of A dotted with rows of B: [1, 3], [3, 7], [5, 11]
  assert.deepEqual(Array.from(matmulABt(A, B).data), [1, 3, 3, 7, 5, 11]);
  // Aᵀ A = [[1+9+25, 2+12+30], [2+12+30, 4+16+36]] = [[35, 44], [44, 56]]
  assert.deepEqual(Array.from(matmulAtB(A, A).data), [35, 44, 44, 56]);
});

test("blocked kernels equal the triple loop for every remainder of the blocking", () => {
  const r = rng(1);
  for (const [m, n, k] of [[1, 1, 1], [2, 4, 3], [3, 5, 7], [5, 3, 2], [7, 10, 13], [8, 9, 1]]) {
    const A = matrix(m, k, r.normals(m * k)), B = matrix(n, k, r.normals(n * k));
    const got = matmulABt(A, B);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += A.data[i * k + t] * B.data[j * k + t];
      assert.ok(Math.abs(got.data[i * n + j] - s) < 1e-12, `ABt ${m}×${n}×${k} [${i}][${j}]`);
    }
    const P = matrix(m, n, r.normals(m * n)), Q = matrix(m, k, r.normals(m * k));
    const out = zeros(n, k);
    out.data.fill(99); // overwritten, not accumulated into
    matmulAtB(P, Q, out);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < m; t++) s += P.data[t * n + i] * Q.data[t * k + j];
      assert.ok(Math.abs(out.data[i * k + j] - s) < 1e-12, `AtB ${m}×${n}×${k} [${i}][${j}]`);
    }
  }
});

test("mostly-zero inputs take the nonzero path and give the triple loop's sums; 0·∞ stays NaN", () => {
  const r = rng(2);
  for (const [m, n, k] of [[9, 10, 31], [4, 3, 5], [7, 12, 2]]) {
    // 80% zeros, as in an MNIST digit
    const A = matrix(m, k, Array.from({ length: m * k }, () => (r.random() < 0.8 ? 0 : r.normal())));
    const B = matrix(n, k, r.normals(n * k));
    const p = nonzeroPattern(A);
    assert.ok(p !== null, "mostly zeros: a pattern");
    const got = matmulABt(A, B);
    const viaPattern = matmulABt(A, B, undefined, p);
    const dense = matmulABt(A, B, undefined, null);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += A.data[i * k + t] * B.data[j * k + t];
      assert.ok(Math.abs(got.data[i * n + j] - s) < 1e-12 && viaPattern.data[i * n + j] === got.data[i * n + j]);
      assert.ok(Math.abs(dense.data[i * n + j] - s) < 1e-12);
    }
    // Aᵀ-side: P (m×n) against the sparse A (m×k), accumulated onto 1s.
    const P = matrix(m, n, r.normals(m * n));
    const out = matrix(n, k, new Array(n * k).fill(1));
    matmulAtB(P, A, out, true, p);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) {
      let s = 1;
      for (let t = 0; t < m; t++) s += P.data[t * n + i] * A.data[t * k + j];
      assert.ok(Math.abs(out.data[i * k + j] - s) < 1e-12, `AtB sparse [${i}][${j}]`);
    }
  }
  // Dense input: no pattern.
  assert.equal(nonzeroPattern(matrix([[1, 2], [3, 0]])), null);
  // 0 · Infinity is NaN in IEEE arithmetic: an infinite B turns the zero-skipping off.
  const Z = matrix([[0, 0, 0, 1]]), Binf = matrix([[Infinity, 0, 0, 1]]);
  assert.ok(Number.isNaN(matmulABt(Z, Binf).data[0]));
});

test("shape errors", () => {
  assert.throws(() => matmulABt(zeros(2, 3), zeros(2, 4)), /matmulABt: A is 2×3 but B is 2×4/);
  assert.throws(() => matmulAtB(zeros(2, 3), zeros(3, 3)), /matmulAtB: A is 2×3 but B is 3×3/);
  assert.throws(() => matmulABt(zeros(2, 3), zeros(2, 3), zeros(3, 3)), /matmulABt: out must be 2×2, got 3×3/);
});
