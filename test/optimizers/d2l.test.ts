import { test } from "node:test";
import assert from "node:assert/strict";
import { momentum, sgd } from "../../src/optimizers";
import { quadratic } from "./testObjectives";

// Dive into Deep Learning, chapter "Optimization Algorithms", on f(x) = 0.1 x1² + 2 x2² from
// (−5, −2), 20 steps each (train_2d prints `epoch 20, x1: …, x2: …` with 6 decimals):
//   11.3 Gradient Descent, gd_2d with eta = 0.4:  epoch 20, x1: -0.943467, x2: -0.000073
//   12.6 Momentum, momentum_2d with eta = 0.6, beta = 0.5: epoch 20, x1: 0.007188, x2: 0.002553
// D2L's momentum is v = beta * v + g; x -= eta * v, which is `momentum` with rho = beta.

function run20(rule: { step(x: Float64Array, dx: Float64Array): void }): Float64Array {
  const x = Float64Array.of(-5, -2);
  for (let k = 0; k < 20; k++) rule.step(x, quadratic.grad(x));
  return x;
}

test("D2L gradient descent, eta = 0.4: (−0.943467, −0.000073) after 20 steps", () => {
  // Each step multiplies x1 by 1 − 0.4·0.2 = 0.92 and x2 by 1 − 0.4·4 = −0.6:
  // x1 = −5 · 0.92²⁰ = −0.9434…, x2 = −2 · 0.6²⁰ = −7.31e-5.
  const x = run20(sgd({ learningRate: 0.4 }));
  assert.ok(Math.abs(x[0] - -0.943467) < 5e-7, `x1 = ${x[0]}`);
  assert.ok(Math.abs(x[1] - -0.000073) < 5e-7, `x2 = ${x[1]}`);
  assert.ok(Math.abs(x[0] - -5 * 0.92 ** 20) < 1e-14);
});

test("D2L momentum, eta = 0.6, beta = 0.5: (0.007188, 0.002553) after 20 steps", () => {
  const x = run20(momentum({ learningRate: 0.6, rho: 0.5 }));
  assert.ok(Math.abs(x[0] - 0.007188) < 5e-7, `x1 = ${x[0]}`);
  assert.ok(Math.abs(x[1] - 0.002553) < 5e-7, `x2 = ${x[1]}`);
});
