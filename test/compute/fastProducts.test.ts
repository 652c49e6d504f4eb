import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { matmulABt, matmulABtScalar, matmulAtB, matmulAtBScalar, reusable, withNonzeroPattern } from "../../src/compute/matmul";
import { computeBackend, fastThresholds, setComputeBackend } from "../../src/compute/fastProducts";
import { matrix, type Matrix } from "../../src/core/matrix";
import { rng } from "../../src/core/random";

/**
 * The fast path (WebAssembly SIMD, two threads) against the scalar kernels: every entry within
 * 1e-12 · Σₖ|aᵢₖ bₖⱼ| of the scalar one, NaN and ±Infinity in the same places.
 */

/** Σₖ |a_ik b_jk| for A Bᵀ (the scale of the rounding of entry i, j). */
function absABt(A: Matrix, B: Matrix): Float64Array {
  const out = new Float64Array(A.rows * B.rows);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < B.rows; j++) {
    let s = 0;
    for (let k = 0; k < A.cols; k++) s += Math.abs(A.data[i * A.cols + k] * B.data[j * B.cols + k]);
    out[i * B.rows + j] = s;
  }
  return out;
}

const transposed = (A: Matrix): Matrix => {
  const T = matrix(A.cols, A.rows, new Float64Array(A.rows * A.cols));
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) T.data[j * A.rows + i] = A.data[i * A.cols + j];
  return T;
};

function assertAgree(got: Matrix, want: Matrix, scale: Float64Array, what: string, base?: Float64Array): void {
  assert.equal(got.data.length, want.data.length);
  for (let t = 0; t < got.data.length; t++) {
    const g = got.data[t], w = want.data[t];
    if (Number.isNaN(w) || Number.isNaN(g) || !Number.isFinite(w) || !Number.isFinite(g)) {
      assert.ok(Object.is(g, w), `${what} [${t}]: got ${g}, scalar ${w}`);
      continue;
    }
    const tol = 1e-12 * (scale[t] + (base ? Math.abs(base[t]) : 0));
    assert.ok(Math.abs(g - w) <= tol, `${what} [${t}]: got ${g}, scalar ${w}, |difference| ${Math.abs(g - w)} > ${tol}`);
  }
}

/** A Bᵀ and Cᵀ A (the two products of a loss) on the fast path against the scalar path. */
function checkShape(m: number, n: number, K: number, fill: (r: ReturnType<typeof rng>, count: number) => Float64Array, seed: number): void {
  const r = rng(seed);
  const A = matrix(m, K, fill(r, m * K)), B = matrix(n, K, fill(r, n * K));
  const what = `${m}×${K} · (${n}×${K})ᵀ`;
  assertAgree(matmulABt(A, B), matmulABtScalar(A, B, undefined, null), absABt(A, B), `ABt ${what}`);
  // Gᵀ A with G m×n: entry (j, k) = Σᵢ G_ij A_ik; scale Σᵢ |G_ij A_ik|, i.e. |Gᵀ| |Aᵀ|ᵀ
  const G = matrix(m, n, fill(r, m * n));
  const scale = absABt(transposed(G), transposed(A));
  assertAgree(matmulAtB(G, A), matmulAtBScalar(G, A, undefined, false, null), scale, `AtB ${what}`);
  const start = matrix(n, K, fill(r, n * K));
  const acc = matrix(n, K, start.data.slice()), accRef = matrix(n, K, start.data.slice());
  matmulAtB(G, A, acc, true);
  matmulAtBScalar(G, A, accRef, true, null);
  assertAgree(acc, accRef, scale, `AtB accumulated ${what}`, start.data);
}

function withThresholds<T>(minWork: number, splitWork: number, fn: () => T): T {
  const saved = { ...fastThresholds };
  fastThresholds.minWork = minWork;
  fastThresholds.splitWork = splitWork;
  try {
    return fn();
  } finally {
    Object.assign(fastThresholds, saved);
  }
}

const normals = (r: ReturnType<typeof rng>, count: number) => Float64Array.from(r.normals(count));

test("the fast path is on here (SIMD), and computeBackend says so", () => {
  assert.match(computeBackend(), /^simd/);
});

test("every remainder of the blocking, tiny shapes and one part or two: within 1e-12·Σ|ab| of the scalar kernels", () => {
  withThresholds(0, 0, () => {
    let seed = 10;
    for (const m of [1, 2, 3, 4, 5, 7, 9]) for (const n of [1, 2, 3, 4, 5, 9, 10]) for (const K of [1, 2, 3, 4, 17]) {
      checkShape(m, n, K, normals, seed++);
    }
  });
  withThresholds(0, Infinity, () => checkShape(13, 10, 31, normals, 3)); // one part
});

test("lecture shapes: MNIST-like 1000×785 with 80% zeros, dense CIFAR-like 300×3073, C = 10", () => {
  const sparse = (r: ReturnType<typeof rng>, count: number) =>
    Float64Array.from({ length: count }, () => (r.random() < 0.8 ? 0 : r.random()));
  checkShape(1000, 10, 785, sparse, 1);
  checkShape(300, 10, 3073, (r, count) => Float64Array.from(r.uniforms(count, 0, 255)), 2);
  checkShape(2001, 7, 33, normals, 4); // odd rows, 7 = 4 + 3 classes, odd K, cut in two parts
});

test("zeros, tiny and huge magnitudes; NaN and ±Infinity in the same places as the scalar kernels", () => {
  withThresholds(0, 0, () => {
    const r = rng(7);
    const special = [0, 0, -0, 1e-300, 5e-324, 1e300, -1e300, NaN, Infinity, -Infinity];
    const fill = (count: number, p: number) =>
      Float64Array.from({ length: count }, () => (r.random() < p ? special[Math.floor(r.random() * special.length)] : r.normal()));
    for (const [m, n, K] of [[6, 5, 7], [9, 10, 4], [16, 3, 33]]) {
      for (const p of [0.05, 0.3]) {
        const A = matrix(m, K, fill(m * K, p)), B = matrix(n, K, fill(n * K, p));
        assertAgree(matmulABt(A, B), matmulABtScalar(A, B, undefined, null), absABt(A, B), `ABt special ${m}×${n}×${K}`);
        const G = matrix(m, n, fill(m * n, p));
        assertAgree(matmulAtB(G, A), matmulAtBScalar(G, A, undefined, false, null), absABt(transposed(G), transposed(A)), `AtB special ${m}×${n}×${K}`);
      }
    }
    const Z = matrix(8, 9, new Float64Array(72)), W = matrix(10, 9, normals(r, 90));
    assert.ok(matmulABt(Z, W).data.every((v) => Object.is(v, 0)), "0 · w = +0 everywhere");
  });
});

test("two threads and one give the same bits: the split depends on the shape, not on the cores", async () => {
  const r = rng(5);
  const X = matrix(4001, 785, r.uniforms(4001 * 785, 0, 1)), W = matrix(10, 785, r.normals(7850));
  for (let t = 0; t < 100 && computeBackend() !== "simd+threads"; t++) await new Promise((done) => setTimeout(done, 20));
  assert.equal(computeBackend(), "simd+threads", "the worker thread starts");
  const S2 = matmulABt(X, W), G2 = matmulAtB(S2, X);
  setComputeBackend("simd");
  try {
    assert.equal(computeBackend(), "simd");
    const S1 = matmulABt(X, W), G1 = matmulAtB(S1, X);
    assert.deepEqual(S1.data, S2.data);
    assert.deepEqual(G1.data, G2.data);
  } finally {
    setComputeBackend("auto");
  }
});

test("forced scalar: the scalar kernels' very numbers", () => {
  const r = rng(6);
  const X = matrix(500, 100, r.normals(50000)), W = matrix(10, 100, r.normals(1000));
  setComputeBackend("scalar");
  try {
    assert.equal(computeBackend(), "scalar");
    assert.deepEqual(matmulABt(X, W).data, matmulABtScalar(X, W).data);
    const S = matmulABtScalar(X, W);
    assert.deepEqual(matmulAtB(S, X).data, matmulAtBScalar(S, X).data);
  } finally {
    setComputeBackend("auto");
  }
  assert.throws(() => setComputeBackend("gpu" as never), /setComputeBackend: backend must be "auto", "scalar" or "simd", got "gpu"/);
});

test("kept copies: three reusable matrices take turns in two slots; a plain matrix changed between calls is copied again", () => {
  const r = rng(8);
  const W = matrix(10, 300, r.normals(3000));
  const kept = [200, 300, 400].map((m) => withNonzeroPattern(matrix(m, 300, r.normals(m * 300))));
  for (let round = 0; round < 3; round++) {
    for (const X of [kept[0], kept[1], kept[2], kept[1], kept[0]]) {
      assertAgree(matmulABt(X, W), matmulABtScalar(X, W, undefined, null), absABt(X, W), `kept ${X.rows}×300, round ${round}`);
    }
  }
  const big = reusable(matrix(900, 300, r.normals(270000))); // needs bigger slots: the memory is laid out anew
  assertAgree(matmulABt(big, W), matmulABtScalar(big, W, undefined, null), absABt(big, W), "bigger kept");
  assertAgree(matmulABt(kept[2], W), matmulABtScalar(kept[2], W, undefined, null), absABt(kept[2], W), "after the new layout");
  const plain = matrix(200, 300, r.normals(60000));
  const before = matmulABt(plain, W);
  plain.data[0] += 1; // a plain matrix is copied with every product
  const after = matmulABt(plain, W);
  assert.ok(Math.abs(after.data[0] - before.data[0] - W.data[0]) < 1e-12);
});

const compiled = path.join(__dirname, "..", "..", "src", "compute", "matmul.js");
const CHILD = `
const { matmulABt, matmulABtScalar } = require(${JSON.stringify(compiled)});
const { computeBackend } = require(${JSON.stringify(path.join(path.dirname(compiled), "fastProducts.js"))});
const n = 2000, K = 300, data = Float64Array.from({ length: n * K }, (_, i) => Math.sin(i));
const X = { rows: n, cols: K, data }, W = { rows: 10, cols: K, data: data.slice(0, 10 * K) };
const t0 = Date.now();
while (Date.now() - t0 < 300) matmulABt(X, W); // time for a worker to start, if one may
const a = matmulABt(X, W).data, b = matmulABtScalar(X, W).data;
let worst = 0;
for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
console.log(JSON.stringify({ backend: computeBackend(), worst }));
`;

function runChild(args: string[], env: NodeJS.ProcessEnv = process.env): { backend: string; worst: number } {
  const p = spawnSync(process.execPath, [...args, "-e", CHILD], { encoding: "utf8", timeout: 60000, env });
  assert.equal(p.status, 0, `node ${args.join(" ")} exited with ${p.status}: ${p.stderr}`);
  return JSON.parse(p.stdout);
}

test("under Node's permission model without --allow-worker: SIMD on one thread, no crash, no hang", () => {
  const r = runChild(["--experimental-permission", "--allow-fs-read=*"]);
  assert.equal(r.backend, "simd");
  assert.ok(r.worst < 1e-9, `worst difference ${r.worst}`);
  const allowed = runChild(["--experimental-permission", "--allow-fs-read=*", "--allow-worker"]);
  assert.equal(allowed.backend, "simd+threads");
});

test("OPTIMLAB_COMPUTE=scalar, and no WebAssembly at all (--jitless): the scalar path", () => {
  assert.deepEqual(runChild([], { ...process.env, OPTIMLAB_COMPUTE: "scalar" }), { backend: "scalar", worst: 0 });
  assert.deepEqual(runChild(["--jitless"]), { backend: "scalar", worst: 0 });
});

test("a product too large for the kernels' memory takes the scalar path, and the next small one the fast path again", () => {
  const script = `
const { matmulABt, matmulABtScalar } = require(${JSON.stringify(compiled)});
const out = [];
for (const n of [500, 5000, 500]) { // 5000×300 doubles do not fit in 100 pages of 64 KiB
  const K = 300, data = Float64Array.from({ length: n * K }, (_, i) => Math.sin(i));
  const X = { rows: n, cols: K, data }, W = { rows: 10, cols: K, data: data.slice(0, 10 * K) };
  const a = matmulABt(X, W).data, b = matmulABtScalar(X, W).data;
  let worst = 0, same = true;
  for (let i = 0; i < a.length; i++) { worst = Math.max(worst, Math.abs(a[i] - b[i])); same = same && a[i] === b[i]; }
  out.push({ n, worst, same });
}
console.log(JSON.stringify(out));
`;
  const p = spawnSync(process.execPath, ["--wasm-max-mem-pages=100", "-e", script], { encoding: "utf8", timeout: 60000 });
  assert.equal(p.status, 0, p.stderr);
  const [small, big, again] = JSON.parse(p.stdout);
  assert.ok(big.same, "the big product is the scalar kernels' own numbers");
  assert.ok(!small.same && small.worst < 1e-9, "the small one ran on the kernels (rounded differently, within tolerance)");
  assert.ok(!again.same && again.worst < 1e-9, "and so does the next small one");
});
