import { test } from "node:test";
import assert from "node:assert/strict";
import { newton, newtonDirection } from "../../src/second-order";
import { beale, himmelblau, quadratic, quadratic2d, rosenbrock, saddle } from "../../src/objectives";
import { matrix } from "../../src/core/matrix";
import type { Objective } from "../../src/objectives";
import fixture from "../fixtures/second-order/second-order.json";

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test("newton lands on the minimum of a quadratic in one step", () => {
  // f = 0.1x² + 2y² from (−4, 2): ∇f = (−0.8, 8), H = diag(0.2, 4), p = −H⁻¹∇f = (4, −2) → (0, 0)
  const r = newton(quadratic2d, [-4, 2]);
  assert.equal(r.nit, 1);
  assert.equal(r.status, "converged");
  assert.ok(maxAbsDiff(r.x, [0, 0]) < 1e-14, `x = ${r.x}`); // exact up to rounding
  assert.deepEqual(r.shifts, [0]);
  // a 5-D quadratic with a full H and centre c: one step too
  const H = [[4, 1, 0, 0, 0], [1, 3, 1, 0, 0], [0, 1, 5, 1, 0], [0, 0, 1, 2, 0.5], [0, 0, 0, 0.5, 1]];
  const c = [1, -2, 3, -4, 5];
  const q = newton(quadratic(H, { center: c }), [0, 0, 0, 0, 0]);
  assert.equal(q.nit, 1);
  assert.ok(maxAbsDiff(q.x, c) < 1e-12, `x = ${q.x}`);
  assert.equal(q.nfev, 2); // f(x0) and f at the full step α = 1
});

test("newton solves H p = −∇f and shifts H + τI when H is not positive definite", () => {
  // H = [[2, 0], [0, 8]], ∇f = (2, 8): p = (−1, −1), no shift
  const pd = newtonDirection(matrix([[2, 0], [0, 8]]), [2, 8]);
  assert.ok(maxAbsDiff(pd.p, [-1, -1]) < 1e-15, `p = ${pd.p}`);
  assert.equal(pd.shift, 0);
  // H = diag(2, −2) (a saddle): min diagonal −2, β = 1e-3·2, τ = 2 + 0.002 makes it positive definite
  const s = newtonDirection(matrix([[2, 0], [0, -2]]), [1, 1]);
  assert.ok(Math.abs(s.shift - 2.002) < 1e-12, `τ = ${s.shift}`);
  assert.ok(s.p[0] * 1 + s.p[1] * 1 < 0, "the shifted direction descends");
});

test("newton escapes the saddle's indefinite Hessian and says so in the trace", () => {
  const r = newton(saddle, [1, 0.5], { maxIter: 3 });
  assert.ok(r.shifts.some((t) => t > 0), `shifts ${r.shifts}`);
  assert.match(r.message ?? "", /not positive definite at \d+ of \d+ steps/);
  assert.ok(r.fs[r.nit] < r.fs[0], "f decreased");
});

test("newton reaches SciPy's minimizers on Rosenbrock (2-D, 10-D), Beale and Himmelblau", () => {
  const r2 = newton(rosenbrock(2), fixture.rosenbrock["2"].x0);
  assert.equal(r2.status, "converged");
  assert.ok(maxAbsDiff(r2.x, [1, 1]) < 1e-8, `x = ${r2.x}`);
  // In 10-D Rosenbrock has a second, local minimum near (−0.99, 1, …, 1): from x0 = (−1.2, 1, …)
  // Newton lands there, as SciPy's BFGS does.
  const r10 = newton(rosenbrock(10), fixture.rosenbrock["10"].x0);
  assert.equal(r10.status, "converged");
  assert.ok(maxAbsDiff(r10.x, fixture.rosenbrock["10"].bfgs.x) < 1e-6, `x = ${r10.x}`);
  for (const [name, objective] of [["beale", beale], ["himmelblau", himmelblau]] as const) {
    const ref = fixture.toys[name];
    const r = newton(objective, ref.x0);
    assert.equal(r.status, "converged", name);
    assert.ok(maxAbsDiff(r.x, ref.minimizer.x) < 1e-8, `${name}: x = ${r.x}, SciPy ${ref.minimizer.x}`);
  }
});

test("newton rejects an objective without hess and a Hessian of the wrong shape", () => {
  const noHess: Objective = { dim: 2, f: () => 0, grad: () => new Float64Array(2) };
  assert.throws(() => newton(noHess, [0, 0]), /^TypeError: newton: objective has no hess \(Newton's method needs the Hessian\)/);
  const badHess: Objective = { ...quadratic2d, hess: () => matrix([[1, 0, 0]]) };
  assert.throws(() => newton(badHess, [1, 1]), /^RangeError: newton: objective.hess returned 1×3, expected 2×2/);
  assert.throws(() => newton(quadratic2d, [1]), /^RangeError: newton: x0 has length 1 but objective.dim is 2/);
  assert.throws(() => newton(quadratic2d, [1, 1], { maxIter: -1 }), /newton: maxIter must be a whole number >= 0, got -1/);
});

test("taylorModel: the quadratic model's minimizer is the Newton step; the linear one matches f to first order", async () => {
  const { taylorModel } = await import("../../src/second-order");
  const f = rosenbrock(2);
  const x0 = Float64Array.of(-1.2, 1); // f = 24.2, ∇f = (−215.6, −88)
  const lin = taylorModel(f, x0, 1);
  // m₁(x0 + (0.01, 0)) = 24.2 − 2.156 = 22.044
  assert.ok(Math.abs(lin.f(Float64Array.of(-1.19, 1)) - 22.044) < 1e-12);
  const quad = taylorModel(f, x0, 2);
  const step = newtonDirection(f.hess!(x0), f.grad(x0)).p;
  const xNewton = Float64Array.of(x0[0] + step[0], x0[1] + step[1]);
  assert.ok(maxAbsDiff(quad.grad(xNewton), [0, 0]) < 1e-9, "∇m₂ = 0 at the Newton point");
  assert.throws(() => taylorModel(f, x0, 3 as 2), /^RangeError: taylorModel: order must be 1 or 2, got 3/);
});
