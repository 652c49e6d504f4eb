import { test } from "node:test";
import assert from "node:assert/strict";
import { matrix, type Matrix } from "../../src/core/matrix";
import { rng } from "../../src/core/random";
import { gradCheck } from "../../src/gradients";
import { quadratic2d, quadratic, rosenbrock, saddle, beale, himmelblau, localMinimum1d, type Objective } from "../../src/objectives";
import { svmLoss, svmLossNaive, softmaxLoss, softmaxLossNaive, type LossResult } from "../../src/classifiers";

// Every analytic gradient and Hessian in src/ passes the gradient check.

function checkObjective(o: Objective, points: number[][]): void {
  for (const p of points) {
    const x = Float64Array.from(p);
    const g = gradCheck(o.f, o.grad, x);
    assert.ok(g.maxRelativeError < 1e-7, `${o.name} ∇f at ${p}: ${g.maxRelativeError}`);
    assert.equal(g.verdict, "right");
    // The Hessian, row by row: row j of ∇²f is the gradient of ∂f/∂x_j.
    for (let j = 0; j < o.dim; j++) {
      const dj = (v: Float64Array) => o.grad(v)[j];
      const Hj = (v: Float64Array) => { const H = o.hess!(v); return H.data.subarray(j * o.dim, (j + 1) * o.dim); };
      const h = gradCheck(dj, Hj, x);
      assert.ok(h.maxRelativeError < 1e-7, `${o.name} ∇²f row ${j} at ${p}: ${h.maxRelativeError}`);
    }
  }
}

test("objectives: gradient and Hessian pass the gradient check", () => {
  const r = rng(11);
  const pts2 = [[1.3, -0.7], [-1.2, 1], [2.5, 0.25], ...Array.from({ length: 4 }, () => Array.from(r.uniforms(2, -3, 3)))];
  for (const o of [quadratic2d, saddle, beale, himmelblau, rosenbrock(2), quadratic([[3, -1], [-1, 2]], { center: [1, 2] })]) {
    checkObjective(o, pts2);
  }
  checkObjective(rosenbrock(6), [Array.from(r.uniforms(6, -2, 2)), [-1.2, 1, -1.2, 1, -1.2, 1]]);
  checkObjective(localMinimum1d, [[-1.7], [0.4], [1.9]]);
});

type Loss = (W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number) => LossResult;

test("losses: gradients pass the check (softmax is smooth, the hinge has kinks)", () => {
  const r = rng(5);
  const C = 4, D = 7, N = 12;
  const W = matrix(C, D, r.normals(C * D, 0, 0.1));
  const X = matrix(N, D, r.normals(N * D));
  const y = Int32Array.from({ length: N }, () => r.integer(0, C));
  const cases: [string, Loss, number][] = [
    ["softmaxLoss", softmaxLoss, 1e-7],
    ["softmaxLossNaive", softmaxLossNaive, 1e-7],
    // With random W no margin sits within h of its kink, so the hinge's check is tight too.
    ["svmLoss", svmLoss, 1e-7],
    ["svmLossNaive", svmLossNaive, 1e-7],
  ];
  for (const [name, fn, tol] of cases) {
    const f = (w: Float64Array) => fn({ rows: C, cols: D, data: w }, X, y, 0.3).loss;
    const grad = (w: Float64Array) => fn({ rows: C, cols: D, data: w }, X, y, 0.3).grad.data;
    const res = gradCheck(f, grad, W.data);
    assert.equal(res.entries.length, C * D);
    assert.ok(res.maxRelativeError < tol, `${name}: ${res.maxRelativeError}`);
  }
  // A wrong gradient is caught: the SVM gradient without its regularization term.
  const f = (w: Float64Array) => svmLoss({ rows: C, cols: D, data: w }, X, y, 0.3).loss;
  const noReg = (w: Float64Array) => svmLoss({ rows: C, cols: D, data: w }, X, y, 0).grad.data;
  assert.notEqual(gradCheck(f, noReg, W.data).verdict, "right");
});

test("MNIST-sized W (10×785): sampled check of svmLoss and softmaxLoss", () => {
  const r = rng(9);
  const C = 10, D = 785, N = 30;
  const W = matrix(C, D, r.normals(C * D, 0, 1e-3));
  const X = matrix(N, D, r.uniforms(N * D));
  const y = Int32Array.from({ length: N }, () => r.integer(0, C));
  for (const fn of [svmLoss, softmaxLoss]) {
    const res = gradCheck((w) => fn({ rows: C, cols: D, data: w }, X, y, 2.5e4 * 1e-6).loss,
      fn(W, X, y, 2.5e4 * 1e-6).grad.data, W.data, { samples: 20, seed: 1 });
    assert.equal(res.entries.length, 20);
    assert.equal(res.sampled, true);
    assert.ok(res.maxRelativeError < 1e-6, `${fn.name}: ${res.maxRelativeError}`);
  }
});
