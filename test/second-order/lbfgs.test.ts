import { test } from "node:test";
import assert from "node:assert/strict";
import { lbfgs } from "../../src/second-order";
import { beale, himmelblau, quadratic2d, rosenbrock } from "../../src/objectives";
import { softmaxLoss } from "../../src/classifiers";
import { addBias, loadIris } from "../../src/data";
import type { Objective } from "../../src/objectives";
import fixture from "../fixtures/second-order/second-order.json";

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
const normInf = (v: ArrayLike<number>) => maxAbsDiff(v, new Float64Array(v.length));

test("lbfgs follows SciPy's L-BFGS-B on the 2-D and 10-D Rosenbrock: same iterates, nit and nfev", () => {
  for (const n of ["2", "10"] as const) {
    const ref = fixture.rosenbrock[n].lbfgsb; // N = 2: nfev 45, nit 37;  N = 10: nfev 92, nit 74
    const r = lbfgs(rosenbrock(Number(n)), fixture.rosenbrock[n].x0);
    assert.equal(r.status, "converged");
    assert.equal(r.nfev, ref.nfev, `N = ${n}: nfev ${r.nfev}, SciPy ${ref.nfev}`);
    assert.equal(r.ngev, ref.njev);
    assert.equal(r.nit, ref.nit);
    ref.firstIterates.forEach((xk, k) => assert.ok(maxAbsDiff(r.xs[k], xk) < 1e-10, `N = ${n}: iterate ${k} is ${r.xs[k]}, SciPy ${xk}`));
    assert.ok(maxAbsDiff(r.x, ref.x) < 1e-8, `N = ${n}: x = ${r.x}`);
    assert.ok(normInf(rosenbrock(Number(n)).grad(r.x)) <= 1e-5);
    // the trace is complete: one entry per iterate, nfev rising to the total
    assert.equal(r.xs.length, r.nit + 1);
    assert.equal(r.fs.length, r.nit + 1);
    assert.equal(r.nfevs[r.nfevs.length - 1], r.nfev);
  }
});

test("lbfgs needs no more evaluations than SciPy's L-BFGS-B on Rosenbrock N = 100 and 1000", () => {
  for (const n of ["100", "1000"] as const) {
    const ref = fixture.rosenbrock[n].lbfgsb; // SciPy 1.10 here: 627 and 5799 (the issue quotes 624 and 5750)
    const f = rosenbrock(Number(n));
    const r = lbfgs(f, fixture.rosenbrock[n].x0, { recordIterates: false });
    assert.equal(r.status, "converged");
    assert.ok(r.nfev <= ref.nfev, `N = ${n}: nfev ${r.nfev} > SciPy's ${ref.nfev}`);
    assert.ok(normInf(f.grad(r.x)) <= 1e-5);
    assert.ok(maxAbsDiff(r.x, new Float64Array(Number(n)).fill(1)) < 1e-4, `N = ${n}: x is not (1, …, 1)`);
    assert.equal(r.xs.length, 2, "recordIterates: false keeps x0 and the final point");
  }
});

test("lbfgs matches SciPy's L-BFGS-B on Beale, Himmelblau and 0.1x² + 2y²", () => {
  const objectives: Record<string, Objective> = { beale, himmelblau, quadratic: quadratic2d };
  for (const [name, objective] of Object.entries(objectives)) {
    const ref = fixture.toys[name as keyof typeof fixture.toys];
    const r = lbfgs(objective, ref.x0);
    assert.equal(r.status, "converged", name);
    assert.equal(r.nfev, ref.lbfgsb.nfev, `${name}: nfev ${r.nfev}, SciPy ${ref.lbfgsb.nfev}`);
    assert.ok(maxAbsDiff(r.x, ref.lbfgsb.x) < 1e-9, `${name}: x = ${r.x}, SciPy ${ref.lbfgsb.x}`);
    assert.ok(maxAbsDiff(r.x, ref.minimizer.x) < 1e-4, `${name}: x = ${r.x}, minimizer ${ref.minimizer.x}`);
  }
});

test("lbfgs on softmax regression (Iris, 3×5 W, reg 1e-3) reaches SciPy's minimizer", () => {
  const ref = fixture.irisSoftmax;
  const { X: raw, y } = loadIris();
  const X = addBias(raw); // 150×5, ones in the last column as in the fixture
  const [C, D] = ref.shapeW;
  const objective: Objective & { valueAndGrad(w: Float64Array): { f: number; grad: Float64Array } } = {
    dim: C * D,
    f: (w) => softmaxLoss({ rows: C, cols: D, data: w }, X, y, ref.reg).loss,
    grad: (w) => softmaxLoss({ rows: C, cols: D, data: w }, X, y, ref.reg).grad.data,
    valueAndGrad(w) {
      const { loss, grad } = softmaxLoss({ rows: C, cols: D, data: w }, X, y, ref.reg);
      return { f: loss, grad: grad.data };
    },
  };
  assert.ok(Math.abs(objective.f(new Float64Array(C * D)) - ref.lossAtZero) < 1e-12); // log 3 = 1.0986…
  const r = lbfgs(objective, new Float64Array(C * D));
  assert.equal(r.status, "converged");
  assert.ok(Math.abs(r.fs[r.nit] - ref.lbfgsb.loss) < 1e-9, `loss ${r.fs[r.nit]}, SciPy ${ref.lbfgsb.loss}`);
  // the problem is strongly convex (reg > 0), so both stop near the one minimizer
  assert.ok(maxAbsDiff(r.x, ref.lbfgsb.W) < 2e-3, `max |W − W_scipy| = ${maxAbsDiff(r.x, ref.lbfgsb.W)}`);
  assert.ok(r.nfev <= ref.lbfgsb.nfev + 5, `nfev ${r.nfev}, SciPy ${ref.lbfgsb.nfev}`);
});

test("lbfgs: a smaller memory m still converges on the 10-D Rosenbrock, m = 1 takes longer", () => {
  const x0 = fixture.rosenbrock["10"].x0;
  const r1 = lbfgs(rosenbrock(10), x0, { m: 1 });
  const r10 = lbfgs(rosenbrock(10), x0, { m: 10 });
  assert.equal(r1.status, "converged");
  assert.ok(r1.nfev > r10.nfev, `m = 1: ${r1.nfev}, m = 10: ${r10.nfev}`);
});

test("lbfgs stops at maxIter and reports an unbounded function as diverged", () => {
  const r = lbfgs(rosenbrock(2), [-1.2, 1], { maxIter: 5 });
  assert.equal(r.status, "max-iterations");
  assert.equal(r.nit, 5);
  const linear: Objective = { dim: 2, f: (x) => x[0] + 2 * x[1], grad: () => Float64Array.of(1, 2) };
  const d = lbfgs(linear, [0, 0]);
  assert.equal(d.status, "diverged");
  assert.ok(d.nfev < 100, `took ${d.nfev} evaluations`);
  const cubic: Objective = { dim: 1, f: (x) => x[0] ** 3, grad: (x) => Float64Array.of(3 * x[0] ** 2) };
  assert.equal(lbfgs(cubic, [-1]).status, "diverged");
});

test("lbfgs gives up with line-search-failed when the gradient is wrong", () => {
  // f = x² but the gradient claims the opposite slope: no step along −grad decreases f
  const wrong: Objective = { dim: 1, f: (x) => x[0] * x[0], grad: (x) => Float64Array.of(-2 * x[0]) };
  const r = lbfgs(wrong, [1]);
  assert.equal(r.status, "line-search-failed");
  assert.equal(r.x[0], 1, "x stays at the last good point");
  assert.match(r.message ?? "", /line search failed/);
});

test("lbfgs rejects bad arguments before evaluating anything", () => {
  let calls = 0;
  const f: Objective = { dim: 2, f: () => (calls++, 0), grad: () => (calls++, new Float64Array(2)) };
  assert.throws(() => lbfgs(f, [0, 0], { m: 0 }), /^RangeError: lbfgs: m must be a whole number >= 1, got 0/);
  assert.throws(() => lbfgs(f, [0, 0], { tol: 0 }), /^RangeError: lbfgs: tol must be a finite number > 0, got 0/);
  assert.throws(() => lbfgs(f, [0, 0, 0]), /^RangeError: lbfgs: x0 has length 3 but objective.dim is 2/);
  assert.throws(() => lbfgs(f, [0, NaN]), /^RangeError: lbfgs: x0\[1\] must be finite, got NaN/);
  assert.equal(calls, 0);
  const shortGrad: Objective = { dim: 2, f: () => 0, grad: () => new Float64Array(3) };
  assert.throws(() => lbfgs(shortGrad, [0, 0]), /^RangeError: lbfgs: objective.grad returned length 3, expected dim = 2/);
  const nanGrad: Objective = { dim: 2, f: () => 1, grad: () => Float64Array.of(1, NaN) };
  assert.throws(() => lbfgs(nanGrad, [0, 0]), /^RangeError: lbfgs: objective.grad\(x0\) must be finite, got NaN at index 1/);
});
