import { test } from "node:test";
import assert from "node:assert/strict";
import { svmLoss } from "../../src/classifiers/svmLoss";
import { softmaxLoss } from "../../src/classifiers/softmaxLoss";
import { withNonzeroPattern, patternOf } from "../../src/compute/matmul";
import { rng } from "../../src/core/random";
import type { Matrix } from "../../src/core/matrix";

// A small MNIST-like X: 40 examples of 30 features, 80% zeros, and a bias column of ones.
function sparseData(seed: number): { X: Matrix; y: Int32Array; W: Matrix } {
  const r = rng(seed);
  const N = 40, D = 31, C = 4;
  const X: Matrix = { rows: N, cols: D, data: new Float64Array(N * D) };
  for (let i = 0; i < N; i++) {
    for (let d = 0; d < D - 1; d++) if (r.random() < 0.2) X.data[i * D + d] = r.random();
    X.data[i * D + D - 1] = 1;
  }
  const y = Int32Array.from({ length: N }, () => r.integer(0, C));
  return { X, y, W: { rows: C, cols: D, data: r.normals(C * D, 0, 0.1) } };
}

for (const [name, loss] of [["svmLoss", svmLoss], ["softmaxLoss", softmaxLoss]] as const) {
  test(`${name}: { gradient: false } gives the same loss, to the last bit, and no gradient`, () => {
    const { X, y, W } = sparseData(1);
    const full = loss(W, X, y, 0.05);
    const only = loss(W, X, y, 0.05, { gradient: false });
    assert.equal(only.loss, full.loss);
    assert.equal(only.grad, undefined);
  });

  test(`${name}: an X that carries its nonzero pattern gives the same loss and gradient`, () => {
    const { X, y, W } = sparseData(2);
    const Xp = withNonzeroPattern(X);
    assert.equal(Xp.data, X.data, "the data is shared, not copied");
    assert.ok(Xp.nonzeros !== null && patternOf(Xp) === Xp.nonzeros, "the kept pattern is used");
    const a = loss(W, X, y, 0.01), b = loss(W, Xp, y, 0.01);
    assert.equal(b.loss, a.loss);
    assert.deepEqual(Array.from(b.grad.data), Array.from(a.grad.data));
  });
}

test("a dense X keeps the answer 'dense' (null) and is not rescanned", () => {
  const X: Matrix = { rows: 3, cols: 2, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
  assert.equal(withNonzeroPattern(X).nonzeros, null);
  assert.equal(patternOf(withNonzeroPattern(X)), null);
});
