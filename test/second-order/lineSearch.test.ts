import { test } from "node:test";
import assert from "node:assert/strict";
import { backtracking, lineAlong, moreThuente } from "../../src/second-order";
import { rosenbrock } from "../../src/objectives";
import fixture from "../fixtures/second-order/second-order.json";

const ls = fixture.lineSearch;
const rosen = rosenbrock(2);
const x = Float64Array.from(ls.x); // [−1.2, 1]
const d = Float64Array.from(ls.d); // −∇f(x) = [215.6, 88]
const phi0 = rosen.f(x); // 24.2
const dphi0 = -(d[0] * d[0] + d[1] * d[1]); // ∇fᵀd = −‖∇f‖² = −54227.36

/** φ along x + αd of the 2-D Rosenbrock, recording every trial α. */
function recordedLine() {
  const trials: number[] = [];
  const line = lineAlong((v) => ({ f: rosen.f(v), grad: rosen.grad(v) }), x, d);
  return { trials, phi: (a: number) => (trials.push(a), line.phi(a)) };
}

function assertClose(got: number[], expected: number[], rtol: number, what: string) {
  assert.equal(got.length, expected.length, `${what}: got ${got.length} trials [${got}], expected [${expected}]`);
  got.forEach((g, i) => assert.ok(Math.abs(g - expected[i]) <= rtol * Math.abs(expected[i]),
    `${what}: trial ${i} got ${g}, expected ${expected[i]}`));
}

test("moreThuente tries the same steps as MINPACK-2's dcsrch (SciPy 1.10) in three regimes", () => {
  for (const key of ["dcsrchFirst", "dcsrchLong", "dcsrchShort"] as const) {
    const ref = ls[key];
    const line = recordedLine();
    const r = moreThuente(line.phi, phi0, dphi0, { alpha0: ref.stp0 });
    assertClose(line.trials, ref.trials, 1e-12, key);
    assert.equal(r.status, "converged");
    assert.ok(Math.abs(r.alpha - ref.stp) <= 1e-12 * ref.stp, `${key}: α = ${r.alpha}, expected ${ref.stp}`);
    assert.equal(r.evaluations, ref.trials.length);
  }
});

test("backtracking halves α until the Armijo condition holds (worked by hand)", () => {
  // φ(α) = (1 − α·4)² at x = 1 along d = −4 of f(x) = x²: φ(0) = 1, φ'(0) = −8 (c₁ = 0.5 for round numbers)
  // α = 1: φ = 9 > 1 − 4;  α = 0.5: φ = 1 > 1 − 2;  α = 0.25: φ = 0 ≤ 1 − 1  → accepted after 3 evaluations
  const calls: number[] = [];
  const r = backtracking((a) => (calls.push(a), (1 - 4 * a) ** 2), 1, -8, { c1: 0.5 });
  assert.deepEqual(calls, [1, 0.5, 0.25]);
  assert.deepEqual([r.alpha, r.phi, r.evaluations, r.status], [0.25, 0, 3, "converged"]);
  // NaN counts as too high: the step shrinks past it
  const s = backtracking((a) => (a > 0.3 ? NaN : (1 - 4 * a) ** 2), 1, -8, { c1: 0.5 });
  assert.equal(s.alpha, 0.25);
});

test("line searches reject an ascent direction and bad constants", () => {
  const line = recordedLine();
  assert.throws(() => moreThuente(line.phi, phi0, 3), /^RangeError: moreThuente: dphi0 must be < 0 \(a descent direction\), got 3/);
  assert.throws(() => backtracking(() => 0, 0, 1), /backtracking: dphi0 must be < 0/);
  assert.throws(() => backtracking(() => 0, 0, -1, { rho: 1 }), /backtracking: rho must be in \(0, 1\), got 1/);
  assert.equal(line.trials.length, 0, "nothing evaluated before the checks");
});

test("moreThuente reports an unbounded line and recovers from an overflowing step", () => {
  // φ(α) = −α: the slope never flattens, so the step grows to alphaMax = 1e10
  const r = moreThuente((a) => ({ phi: -a, dphi: -1 }), 0, -1);
  assert.equal(r.status, "max-step");
  assert.equal(r.alpha, 1e10);
  // φ(α) = (α − 1)² but Infinity beyond α = 3: a first trial at 8 is halved, then the search converges at 1
  const q = moreThuente((a) => (a > 3 ? { phi: Infinity, dphi: NaN } : { phi: (a - 1) ** 2, dphi: 2 * (a - 1) }), 1, -2, { alpha0: 8 });
  assert.equal(q.status, "converged");
  assert.ok(Math.abs(q.alpha - 1) < 0.1 && q.evaluations <= 5, `α = ${q.alpha} after ${q.evaluations}`);
});
