import { test } from "node:test";
import assert from "node:assert/strict";
import { bfgs } from "../../src/second-order";
import { beale, himmelblau, quadratic2d, rosenbrock } from "../../src/objectives";
import type { Objective } from "../../src/objectives";
import fixture from "../fixtures/second-order/second-order.json";

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test("bfgs converges on Rosenbrock 2-D and 10-D to SciPy's BFGS answer, in a similar number of evaluations", () => {
  for (const n of ["2", "10"] as const) {
    const ref = fixture.rosenbrock[n].bfgs; // SciPy BFGS: nfev 39 (N = 2) and 83 (N = 10)
    const f = rosenbrock(Number(n));
    const r = bfgs(f, fixture.rosenbrock[n].x0);
    assert.equal(r.status, "converged");
    assert.ok(maxAbsDiff(f.grad(r.x), new Float64Array(Number(n))) <= 1e-5);
    // 10-D Rosenbrock has two minima, (1, …, 1) and a local one near (−0.99, 1, …, 1) where SciPy's
    // BFGS stops; ours (H₀ scaled after the first step) reaches the global one, as L-BFGS-B does.
    const target = n === "2" ? ref.x : fixture.rosenbrock[n].lbfgsb.x;
    assert.ok(maxAbsDiff(r.x, target) < 1e-4, `N = ${n}: x = ${r.x}, SciPy ${target}`);
    assert.ok(r.nfev <= 1.3 * ref.nfev, `N = ${n}: nfev ${r.nfev}, SciPy ${ref.nfev}`);
  }
});

test("bfgs reaches SciPy's minimizers on Beale, Himmelblau and 0.1x² + 2y²", () => {
  const objectives: Record<string, Objective> = { beale, himmelblau, quadratic: quadratic2d };
  for (const [name, objective] of Object.entries(objectives)) {
    const ref = fixture.toys[name as keyof typeof fixture.toys];
    const r = bfgs(objective, ref.x0);
    assert.equal(r.status, "converged", name);
    assert.ok(maxAbsDiff(r.x, ref.minimizer.x) < 1e-4, `${name}: x = ${r.x}, minimizer ${ref.minimizer.x}`);
    assert.ok(maxAbsDiff(r.x, ref.bfgs.x) < 1e-4, `${name}: x = ${r.x}, SciPy BFGS ${ref.bfgs.x}`);
  }
});

test("bfgs: diverged on an unbounded function, bad arguments named", () => {
  const linear: Objective = { dim: 2, f: (x) => -x[0], grad: () => Float64Array.of(-1, 0) };
  assert.equal(bfgs(linear, [0, 0]).status, "diverged");
  assert.throws(() => bfgs(quadratic2d, [1, 2, 3]), /^RangeError: bfgs: x0 has length 3 but objective.dim is 2/);
  assert.throws(() => bfgs(quadratic2d, [1, 2], { tol: -1 }), /bfgs: tol must be a finite number > 0, got -1/);
  const nanF: Objective = { dim: 1, f: () => NaN, grad: () => Float64Array.of(0) };
  assert.throws(() => bfgs(nanF, [0]), /^RangeError: bfgs: objective.f\(x0\) must be finite, got NaN/);
});
