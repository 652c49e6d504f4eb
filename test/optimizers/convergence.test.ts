import { test } from "node:test";
import assert from "node:assert/strict";
import {
  adagrad, adam, adamw, cosineSchedule, exponentialSchedule, momentum, momentumVelocity, nesterov, rmsprop, sgd,
  type Optimizer,
} from "../../src/optimizers";
import { minimize } from "../../src/training/minimize";
import { quadratic, rosenbrock } from "./testObjectives";

// Every rule reaches the minimum of 0.1x² + 2y² (at (0, 0), from (−5, −2)) and of Rosenbrock
// (at (1, 1), from (−1.2, 1)) with suitable settings, within 20,000 steps.

const bowl = { dim: 2, ...quadratic };
const banana = { dim: 2, ...rosenbrock };

const onBowl: [string, Optimizer][] = [
  ["sgd", sgd({ learningRate: 0.4 })],
  ["momentum", momentum({ learningRate: 0.05 })],
  ["momentumVelocity", momentumVelocity({ learningRate: 0.05 })],
  ["nesterov", nesterov({ learningRate: 0.05 })],
  ["adagrad", adagrad({ learningRate: 1 })],
  ["rmsprop", rmsprop({ learningRate: exponentialSchedule({ learningRate: 0.1, gamma: 0.99 }) })],
  ["adam", adam({ learningRate: cosineSchedule({ learningRate: 0.1, steps: 1000 }) })],
  ["adamw", adamw({ learningRate: 0.01, weightDecay: 0.01 })],
];
const onBanana: [string, Optimizer][] = [
  ["sgd", sgd({ learningRate: 1.5e-3 })],
  ["momentum", momentum({ learningRate: 1e-3 })],
  ["momentumVelocity", momentumVelocity({ learningRate: 1e-3 })],
  ["nesterov", nesterov({ learningRate: 1e-3 })],
  ["adagrad", adagrad({ learningRate: 0.5 })],
  ["rmsprop", rmsprop({ learningRate: exponentialSchedule({ learningRate: 0.01, gamma: 0.9995 }) })],
  ["adam", adam({ learningRate: 0.01 })],
  // weight decay moves AdamW's fixed point off (1, 1) a little; keep it small
  ["adamw", adamw({ learningRate: 0.01, weightDecay: 1e-5 })],
];

for (const [objective, name, x0, minimum, rules] of [
  [bowl, "0.1x² + 2y²", [-5, -2], [0, 0], onBowl],
  [banana, "Rosenbrock", [-1.2, 1], [1, 1], onBanana],
] as const) {
  for (const [ruleName, rule] of rules) {
    test(`${ruleName} converges on ${name}`, () => {
      const trace = minimize(objective, rule, x0, { steps: 20000, tol: 1e-6 });
      const distance = Math.hypot(trace.x[0] - minimum[0], trace.x[1] - minimum[1]);
      assert.ok(distance < 1e-4, `${ruleName}: ${trace.message}; x = (${trace.x[0]}, ${trace.x[1]}), ${distance} from the minimum`);
      assert.ok(trace.fs[trace.fs.length - 1] < 1e-8 * trace.fs[0], `${ruleName}: f went from ${trace.fs[0]} to ${trace.fs.at(-1)}`);
      assert.notEqual(trace.status, "diverged");
    });
  }
}
