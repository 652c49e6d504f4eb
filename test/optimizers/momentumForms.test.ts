import { test } from "node:test";
import assert from "node:assert/strict";
import { momentum, momentumVelocity, stepSchedule } from "../../src/optimizers";
import { quadratic, rosenbrock } from "./testObjectives";

// The lecture's two ways to write SGD + Momentum:
//   momentum:         vx = rho*vx + dx;                x -= learning_rate * vx
//   momentumVelocity: v  = rho*v  - learning_rate*dx;  x += v
// With v = −learning_rate·vx they are one rule while learning_rate is constant.

test("both momentum forms give the same iterates at a constant learning rate", () => {
  for (const [objective, x0, learningRate] of [
    [quadratic, [-5, -2], 0.05],
    [rosenbrock, [-1.2, 1], 1e-4],
  ] as const) {
    const a = momentum({ learningRate, rho: 0.9 });
    const b = momentumVelocity({ learningRate, rho: 0.9 });
    const xa = Float64Array.from(x0);
    const xb = Float64Array.from(x0);
    for (let k = 1; k <= 100; k++) {
      a.step(xa, objective.grad(xa));
      b.step(xb, objective.grad(xb));
      for (let i = 0; i < 2; i++) {
        assert.ok(Math.abs(xa[i] - xb[i]) <= 1e-12 * Math.abs(xa[i]), `step ${k}: ${xa[i]} vs ${xb[i]}`);
        // and the velocities are the same up to the factor: v = −learning_rate · vx
        // (absolute: v passes through zero, where a relative error means nothing)
        const gap = Math.abs(b.state.v![i] + learningRate * a.state.vx![i]);
        assert.ok(gap <= 1e-15, `step ${k}: v = ${b.state.v![i]}, −learning_rate·vx = ${-learningRate * a.state.vx![i]}`);
      }
    }
  }
});

test("the two forms part when the learning rate changes", () => {
  // Halve the rate after 10 steps: 0.05 for t = 1..10, 0.025 from t = 11.
  const schedule = stepSchedule({ learningRate: 0.05, stepSize: 10, gamma: 0.5 });
  const a = momentum({ learningRate: schedule, rho: 0.9 });
  const b = momentumVelocity({ learningRate: schedule, rho: 0.9 });
  const xa = Float64Array.of(-5, -2);
  const xb = Float64Array.of(-5, -2);
  for (let k = 1; k <= 10; k++) {
    a.step(xa, quadratic.grad(xa));
    b.step(xb, quadratic.grad(xb));
  }
  for (let i = 0; i < 2; i++) assert.ok(Math.abs(xa[i] - xb[i]) <= 1e-12 * Math.abs(xa[i]), "equal before the change");
  // Step 11 from the same x10 and vx10 (dx is the same for both):
  //   momentum:         x11 = x10 − 0.025·(0.9·vx10 + dx)   (the old velocity rescaled by the new rate)
  //   momentumVelocity: x11 = x10 + 0.9·(−0.05·vx10) − 0.025·dx
  //   difference b − a = 0.9·vx10·(0.025 − 0.05) = −0.0225·vx10
  const vx10 = a.state.vx!.slice();
  a.step(xa, quadratic.grad(xa));
  b.step(xb, quadratic.grad(xb));
  for (let i = 0; i < 2; i++) {
    const expected = -0.0225 * vx10[i];
    assert.ok(Math.abs(expected) > 1e-3, "a visible gap");
    assert.ok(Math.abs(xb[i] - xa[i] - expected) <= 1e-12, `x[${i}]: gap ${xb[i] - xa[i]}, expected ${expected}`);
  }
});
