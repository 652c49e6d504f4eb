import { test } from "node:test";
import assert from "node:assert/strict";
import { adam, momentum, sgd } from "../../src/optimizers";
import { minimize } from "../../src/training";
import { quadratic } from "../optimizers/testObjectives";

// f(x, y) = 0.1 x² + 2 y², ∇f = (0.2 x, 4 y)
const bowl = { dim: 2, ...quadratic };

test("the trace records every iterate, f and ‖∇f‖ from x0 on", () => {
  const x0 = [-5, -2];
  const trace = minimize(bowl, sgd({ learningRate: 0.1 }), x0, { steps: 2 });
  // x1 = x0 − 0.1·(−1, −8) = (−4.9, −1.2);  x2 = x1 − 0.1·(−0.98, −4.8) = (−4.802, −0.72)
  const expected = [[-5, -2], [-4.9, -1.2], [-4.802, -0.72]];
  assert.equal(trace.xs.length, 3);
  trace.xs.forEach((x, k) => x.forEach((v, i) => assert.ok(Math.abs(v - expected[k][i]) < 1e-14, `xs[${k}][${i}] = ${v}`)));
  // f(x0) = 0.1·25 + 2·4 = 10.5; ‖∇f(x0)‖ = ‖(−1, −8)‖ = √65
  assert.equal(trace.fs[0], 10.5);
  assert.equal(trace.gradNorms[0], Math.sqrt(65));
  assert.ok(Math.abs(trace.fs[1] - (0.1 * 4.9 ** 2 + 2 * 1.2 ** 2)) < 1e-14);
  assert.equal(trace.status, "max-iterations");
  assert.equal(trace.nit, 2);
  assert.equal(trace.nfev, 3);
  assert.equal(trace.ngev, 3);
  assert.deepEqual(trace.x, trace.xs[2]);
  assert.deepEqual(x0, [-5, -2], "x0 untouched");
  assert.notEqual(trace.x, trace.xs[2], "x is a copy");
  assert.match(trace.message!, /stopped after 2 steps/);
});

test("converged when ‖∇f‖₂ <= tol, at the first such iterate", () => {
  const trace = minimize(bowl, sgd({ learningRate: 0.4 }), [-5, -2], { steps: 1000, tol: 1e-3 });
  assert.equal(trace.status, "converged");
  const k = trace.nit;
  assert.ok(trace.gradNorms[k] <= 1e-3 && trace.gradNorms[k - 1] > 1e-3);
  assert.equal(trace.xs.length, k + 1);
  assert.equal(trace.nfev, k + 1);
  assert.match(trace.message!, new RegExp(`converged at step ${k}`));
});

test("divergence is a result: the status and the step, no throw", () => {
  // Each step multiplies y by 1 − 1e10·4 ≈ −4e10: f = 2y² overflows once |y| > 1e154,
  // i.e. after about 154 / 10.6 ≈ 15 steps.
  const trace = minimize(bowl, sgd({ learningRate: 1e10 }), [-5, -2], { steps: 100 });
  assert.equal(trace.status, "diverged");
  const k = trace.nit;
  assert.ok(k > 10 && k < 20, `diverged at ${k}`);
  assert.equal(trace.fs[k], Infinity);
  assert.ok(trace.fs.slice(0, k).every(Number.isFinite));
  assert.match(trace.message!, new RegExp(`^diverged at step ${k}: f = Infinity$`));
  // A NaN gradient stops the run as well.
  const up = { dim: 1, f: (x: Float64Array) => -x[0], grad: (x: Float64Array) => Float64Array.of(x[0] >= 2 ? NaN : -1) };
  const t3 = minimize(up, sgd({ learningRate: 1 }), [0], { steps: 10 });
  // x: 0 → 1 → 2 (∇f = NaN there: ‖∇f‖ is NaN) → stop
  assert.equal(t3.status, "diverged");
  assert.equal(t3.nit, 2);
  assert.match(t3.message!, /^diverged at step 2: ‖∇f‖₂ = NaN$/);
});

test("the optimizer is reset first, so two runs give the same trace", () => {
  const rule = momentum({ learningRate: 0.05 });
  const a = minimize(bowl, rule, [-5, -2], { steps: 30 });
  const b = minimize(bowl, rule, [-5, -2], { steps: 30 });
  assert.deepEqual(b.fs, a.fs);
  const c = minimize(bowl, rule, [-5, -2], { steps: 30, reset: false });
  assert.notDeepEqual(c.fs, a.fs);
});

test("bad arguments", () => {
  const rule = adam();
  assert.throws(() => minimize(bowl, rule, [1, 2, 3], { steps: 1 }), /^RangeError: minimize: x0 has length 3 but the objective has dim 2$/);
  assert.throws(() => minimize(bowl, rule, [1, 2], { steps: -1 }), /^RangeError: minimize: steps must be a whole number >= 0, got -1$/);
  assert.throws(() => minimize(bowl, rule, [1, 2], { steps: 2.5 }), /minimize: steps must be a whole number >= 0, got 2\.5/);
  assert.throws(() => minimize(bowl, rule, [1, 2], { steps: 1, tol: -1 }), /minimize: tol must be a number >= 0, got -1/);
  assert.throws(() => minimize(bowl, rule, [1, NaN], { steps: 1 }), /minimize: x0\[1\] must be finite, got NaN/);
  assert.throws(() => minimize(bowl, {} as never, [1, 2], { steps: 1 }), /^TypeError: minimize: optimizer must have step\(x, dx\) and reset\(\)/);
  assert.throws(() => minimize({} as never, rule, [1, 2], { steps: 1 }), /^TypeError: minimize: objective must have f\(x\) and grad\(x\)/);
});

test("one evaluation per iterate through valueAndGrad when the objective has it; seconds and nfevs at every iterate", () => {
  let fused = 0, separate = 0;
  const counted = {
    dim: 2,
    f: (x: Float64Array) => (separate++, bowl.f(x)),
    grad: (x: Float64Array) => (separate++, bowl.grad(x)),
    valueAndGrad: (x: Float64Array) => (fused++, { f: bowl.f(x), grad: bowl.grad(x) }),
  };
  const trace = minimize(counted, sgd({ learningRate: 0.1 }), [-5, -2], { steps: 4 });
  // iterates x0 … x4: five evaluations, all through valueAndGrad
  assert.equal(fused, 5);
  assert.equal(separate, 0);
  assert.deepEqual(trace.nfevs, [1, 2, 3, 4, 5]);
  assert.equal(trace.seconds.length, 5);
  assert.ok(trace.seconds.every((s, k) => s >= 0 && (k === 0 || s >= trace.seconds[k - 1])));
});

test("recordIterates: false keeps x0 and the final point; onStep sees every step's f", () => {
  const seen: number[] = [];
  const all = minimize(bowl, sgd({ learningRate: 0.1 }), [-5, -2], { steps: 3 });
  const few = minimize(bowl, sgd({ learningRate: 0.1 }), [-5, -2], {
    steps: 3, recordIterates: false, onStep: ({ step, loss }) => seen.push(step, loss),
  });
  assert.equal(few.xs.length, 2);
  assert.deepEqual(few.xs[0], all.xs[0]);
  assert.deepEqual(few.xs[1], all.xs[3]);
  assert.deepEqual(few.fs, all.fs);
  // onStep after each update, with f at the iterate the step started from
  assert.deepEqual(seen, [1, all.fs[0], 2, all.fs[1], 3, all.fs[2]]);
});
