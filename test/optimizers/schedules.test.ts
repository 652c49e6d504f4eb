import { test } from "node:test";
import assert from "node:assert/strict";
import {
  constantSchedule, cosineSchedule, exponentialSchedule, linearWarmup, sgd, stepSchedule,
} from "../../src/optimizers";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-15 * Math.max(1, Math.abs(b));

test("constant, step and exponential schedules (t = 1, 2, …)", () => {
  const c = constantSchedule(0.1);
  assert.equal(c(1), 0.1);
  assert.equal(c(1000), 0.1);
  // step: 0.1 for t = 1..10, 0.05 for t = 11..20, 0.025 from 21 (PyTorch's StepLR, step_size 10, gamma 0.5)
  const s = stepSchedule({ learningRate: 0.1, stepSize: 10, gamma: 0.5 });
  assert.deepEqual([s(1), s(10), s(11), s(20), s(21)], [0.1, 0.1, 0.05, 0.05, 0.025]);
  assert.equal(stepSchedule({ learningRate: 1, stepSize: 2 })(3), 0.1); // default gamma 0.1
  // exponential: 0.1 · 0.9^(t−1): 0.1, 0.09, 0.081
  const e = exponentialSchedule({ learningRate: 0.1, gamma: 0.9 });
  assert.ok(close(e(1), 0.1) && close(e(2), 0.09) && close(e(3), 0.081));
});

test("cosine decay from learningRate to minLearningRate over `steps`, then flat", () => {
  const s = cosineSchedule({ learningRate: 0.1, steps: 100, minLearningRate: 0.01 });
  assert.ok(close(s(1), 0.1));
  // halfway, t − 1 = 50: 0.01 + 0.09 · (1 + cos(π/2)) / 2 = 0.055
  assert.ok(close(s(51), 0.055));
  assert.ok(close(s(101), 0.01));
  assert.ok(close(s(500), 0.01));
  for (let t = 1; t < 101; t++) assert.ok(s(t + 1) <= s(t), "non-increasing");
  assert.equal(cosineSchedule({ learningRate: 1, steps: 4 })(5), 0);
});

test("linear warm-up rises to the first rate of the schedule that follows", () => {
  const then = stepSchedule({ learningRate: 0.1, stepSize: 10, gamma: 0.5 });
  const s = linearWarmup({ warmupSteps: 5, then });
  // 0.1 · t / 5 for t < 5: 0.02, 0.04, 0.06, 0.08; then then(t − 4): 0.1 from t = 5 to 14, 0.05 at 15
  assert.ok(close(s(1), 0.02) && close(s(2), 0.04) && close(s(4), 0.08));
  assert.equal(s(5), 0.1);
  assert.equal(s(14), 0.1);
  assert.equal(s(15), 0.05);
  assert.equal(linearWarmup({ warmupSteps: 4, then: 0.2 })(2), 0.1);
});

test("an optimizer follows its schedule: sgd with step decay on f(x) = x²/2 (dx = x)", () => {
  // x ← x − lr(t)·x: 1 → 0.5 (t = 1, lr 0.5) → 0.25 (t = 2, lr 0.5) → 0.1875 (t = 3, lr 0.25)
  const rule = sgd({ learningRate: stepSchedule({ learningRate: 0.5, stepSize: 2, gamma: 0.5 }) });
  const x = Float64Array.of(1);
  for (let k = 0; k < 3; k++) rule.step(x, x.slice());
  assert.equal(x[0], 0.1875);
});

test("schedules refuse bad options", () => {
  assert.throws(() => constantSchedule(0), /^RangeError: constantSchedule: learningRate must be a positive number, got 0$/);
  assert.throws(() => stepSchedule({ learningRate: 0.1, stepSize: 0 }), /stepSchedule: stepSize must be a whole number >= 1, got 0/);
  assert.throws(() => stepSchedule({ learningRate: 0.1, stepSize: 5, gamma: 1.5 }), /stepSchedule: gamma must be in \(0, 1\], got 1\.5/);
  assert.throws(() => exponentialSchedule({ learningRate: -1, gamma: 0.9 }), /exponentialSchedule: learningRate must be a positive number, got -1/);
  assert.throws(() => cosineSchedule({ learningRate: 0.1, steps: 10, minLearningRate: 0.2 }), /cosineSchedule: minLearningRate must be in \[0, learningRate = 0\.1\], got 0\.2/);
  assert.throws(() => linearWarmup({ warmupSteps: 2.5, then: 0.1 }), /linearWarmup: warmupSteps must be a whole number >= 1, got 2\.5/);
  assert.throws(() => linearWarmup({ warmupSteps: 2, then: -0.1 }), /linearWarmup: then must be a positive number or a schedule/);
});
