import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { matrix, zeros, type Matrix } from "../../src/core/matrix";
import { rng } from "../../src/core/random";
import {
  svmLoss, svmLossNaive, softmaxLoss, softmaxLossNaive, scores, predict, accuracy, type LossResult,
} from "../../src/classifiers";

type Loss = (W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number) => LossResult;
interface Case {
  name: string; C: number; D: number; N: number; reg: number; W: number[]; X: number[]; y: number[];
  svm: { loss: number; grad: number[] }; softmax: { loss: number; grad: number[] };
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../../test/fixtures/linear-losses/linear-losses.json"), "utf8"),
) as { cases: Case[] };

function close(got: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(got - expected) <= tol * (1 + Math.abs(expected)), `${what}: got ${got}, expected ${expected}`);
}

const losses: [string, Loss, "svm" | "softmax"][] = [
  ["svmLossNaive", svmLossNaive, "svm"],
  ["svmLoss", svmLoss, "svm"],
  ["softmaxLossNaive", softmaxLossNaive, "softmax"],
  ["softmaxLoss", softmaxLoss, "softmax"],
];

test("loss and gradient match NumPy's vectorized CS231n formulas", () => {
  assert.equal(fixture.cases.length, 5);
  for (const c of fixture.cases) {
    const W = matrix(c.C, c.D, c.W), X = matrix(c.N, c.D, c.X);
    for (const [name, fn, kind] of losses) {
      const { loss, grad } = fn(W, X, c.y, c.reg);
      close(loss, c[kind].loss, 1e-12, `${name} ${c.name} loss`);
      assert.equal(grad.rows, c.C);
      assert.equal(grad.cols, c.D);
      c[kind].grad.forEach((e, k) => close(grad.data[k], e, 1e-12, `${name} ${c.name} grad[${k}]`));
    }
  }
});

test("naive and vectorized agree to 1e-10 on MNIST-sized W (10×785)", () => {
  const r = rng(7);
  const C = 10, D = 785, N = 40;
  const W = matrix(C, D, r.normals(C * D, 0, 1e-3));
  const X = matrix(N, D, r.uniforms(N * D));
  const y = Int32Array.from({ length: N }, () => r.integer(0, C));
  for (const [naive, fast] of [[svmLossNaive, svmLoss], [softmaxLossNaive, softmaxLoss]] as [Loss, Loss][]) {
    const a = naive(W, X, y, 0.5), b = fast(W, X, y, 0.5);
    assert.ok(Math.abs(a.loss - b.loss) < 1e-10, `${a.loss} vs ${b.loss}`);
    let maxDiff = 0;
    for (let k = 0; k < C * D; k++) maxDiff = Math.max(maxDiff, Math.abs(a.grad.data[k] - b.grad.data[k]));
    assert.ok(maxDiff < 1e-10, `max |naive − vectorized| = ${maxDiff}`);
  }
});

test("sanity values at W = 0: SVM loss C − 1, softmax ln C", () => {
  // All scores 0: each of the C − 1 wrong classes has margin 0 − 0 + 1 = 1, so L_i = C − 1 = 9;
  // softmax gives every class p = 1/10, so L_i = −ln(1/10) = ln 10 ≈ 2.302585.
  const W = zeros(10, 4), X = matrix(3, 4, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.equal(svmLoss(W, X, [0, 5, 9], 0).loss, 9);
  close(softmaxLoss(W, X, [0, 5, 9], 0).loss, Math.log(10), 1e-15, "ln 10");
  // reg adds reg ΣW²: W = [[1, 2]] (one class) gives 0 data loss and 3·(1 + 4) = 15.
  assert.equal(svmLoss(matrix([[1, 2]]), matrix([[1, 1]]), [0], 3).loss, 15);
});

test("softmax is stable for huge scores; divergence is a result, not an error", () => {
  // Scores 1000 and 0: naive e^1000 overflows; shifted, L = −log(e^0/(e^0 + e^−1000)) ≈ 0 for label 0
  // and 1000 for label 1.
  const W = matrix([[1000], [0]]), X = matrix([[1], [1]]);
  close(softmaxLoss(W, X, [0, 1], 0).loss, 500, 1e-15, "softmax huge");
  close(softmaxLossNaive(W, X, [0, 1], 0).loss, 500, 1e-15, "softmaxNaive huge");
  // W finite but so large that the scores overflow to Infinity: loss is not finite, no throw.
  const big = matrix([[1e308], [-1e308]]), X2 = matrix([[10]]);
  assert.ok(!Number.isFinite(svmLoss(big, X2, [1], 0).loss));
});

test("scores, predict and accuracy", () => {
  const W = matrix([[1, 0], [0, 1], [1, 1]]), X = matrix([[2, 1], [0, 3], [-1, -1]]);
  // scores = X Wᵀ: row 0: (2, 1, 3); row 1: (0, 3, 3); row 2: (−1, −1, −2)
  assert.deepEqual(Array.from(scores(W, X).data), [2, 1, 3, 0, 3, 3, -1, -1, -2]);
  // argmax, ties to the lower class as NumPy: 2, 1, 0
  assert.deepEqual(Array.from(predict(W, X)), [2, 1, 0]);
  assert.equal(accuracy(predict(W, X), [2, 0, 0]), 2 / 3);
  assert.throws(() => accuracy([1, 2], [1]), /accuracy: predicted has 2 labels but y has 1/);
  assert.throws(() => scores(W, matrix([[1, 2, 3]])), /scores: W is 3×2 but X is 1×3/);
});

test("bad input: messages name the argument, thrown before any work", () => {
  const W = zeros(10, 785), X = zeros(100, 784), y = new Int32Array(100);
  for (const [name, fn] of losses) {
    assert.throws(() => fn(W, X, y, 0), new RegExp(`^RangeError: ${name}: W is 10×785 but X is 100×784`));
    const X2 = zeros(3, 785);
    assert.throws(() => fn(W, X2, [0, 1], 0), new RegExp(`${name}: y has 2 labels but X has 3 rows`));
    assert.throws(() => fn(W, X2, [0, 10, 1], 0), new RegExp(`${name}: y\\[1\\] = 10 is not a class label in 0..9`));
    assert.throws(() => fn(W, X2, [0, -1, 1], 0), new RegExp(`${name}: y\\[1\\] = -1 is not a class label`));
    assert.throws(() => fn(W, X2, [0, 1.5, 1], 0), new RegExp(`${name}: y\\[1\\] = 1.5 is not a class label`));
    assert.throws(() => fn(W, X2, [0, 1, 2], -1), new RegExp(`${name}: reg must be a finite number >= 0, got -1`));
    assert.throws(() => fn(W, X2, [0, 1, 2], NaN), new RegExp(`${name}: reg must be a finite number >= 0, got NaN`));
    const Wnan = zeros(10, 785);
    Wnan.data[785 * 2 + 7] = NaN;
    assert.throws(() => fn(Wnan, X2, [0, 1, 2], 0), new RegExp(`${name}: W must be finite, got NaN at \\[2\\]\\[7\\]`));
    const Xinf = zeros(3, 785);
    Xinf.data[785 + 3] = Infinity;
    assert.throws(() => fn(W, Xinf, [0, 1, 2], 0), new RegExp(`${name}: X must be finite, got Infinity at \\[1\\]\\[3\\]`));
    assert.throws(() => fn({ rows: 2, cols: 2, data: new Float64Array(3) }, X2, [0, 1, 2], 0), new RegExp(`${name}: W must be a Matrix`));
    assert.throws(() => fn(W, X2, undefined as unknown as number[], 0), new RegExp(`${name}: y must be an Int32Array or number\\[\\] of 3 labels`));
  }
});
