import { test } from "node:test";
import assert from "node:assert/strict";
import { linspace } from "../../src/core/vector";
import { adam, momentum, momentumVelocity, rmsprop } from "../../src/optimizers";

// The update-rule checks of the CS231n assignment 2 notebook (FullyConnectedNets.ipynb):
//   N, D = 4, 5
//   w  = np.linspace(-0.4, 0.6, num=N*D).reshape(N, D)
//   dw = np.linspace(-0.6, 0.4, num=N*D).reshape(N, D)
// the state set through `config`, one step, and the expected values as the assignment prints
// them (8 decimals), compared with its rel_error:
//   max |x − y| / max(1e-8, |x| + |y|)
// The assignment asks for errors below 1e-8 (momentum) and "around e-7 or less" (RMSProp, Adam).

function relError(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    worst = Math.max(worst, Math.abs(x[i] - y[i]) / Math.max(1e-8, Math.abs(x[i]) + Math.abs(y[i])));
  }
  return worst;
}
const w = () => linspace(-0.4, 0.6, 20);
const dw = () => linspace(-0.6, 0.4, 20);

// sgd_momentum: v = 0.9 * v − 1e-3 * dw; w += v, with v = linspace(0.6, 0.9).
// First entry: v = 0.9 * 0.6 − 1e-3 * (−0.6) = 0.54 + 0.0006 = 0.5406; w = −0.4 + 0.5406 = 0.1406.
const momentumNextW = [
  0.1406, 0.20738947, 0.27417895, 0.34096842, 0.40775789,
  0.47454737, 0.54133684, 0.60812632, 0.67491579, 0.74170526,
  0.80849474, 0.87528421, 0.94207368, 1.00886316, 1.07565263,
  1.14244211, 1.20923158, 1.27602105, 1.34281053, 1.4096,
];
const momentumVelocityExpected = [
  0.5406, 0.55475789, 0.56891579, 0.58307368, 0.59723158,
  0.61138947, 0.62554737, 0.63970526, 0.65386316, 0.66802105,
  0.68217895, 0.69633684, 0.71049474, 0.72465263, 0.73881053,
  0.75296842, 0.76712632, 0.78128421, 0.79544211, 0.8096,
];

test("CS231n sgd_momentum: momentumVelocity with v = linspace(0.6, 0.9), lr 1e-3, rho 0.9", () => {
  const rule = momentumVelocity({ learningRate: 1e-3, rho: 0.9 });
  rule.state.v = linspace(0.6, 0.9, 20);
  const x = w();
  rule.step(x, dw());
  assert.ok(Math.abs(x[0] - 0.1406) < 1e-15, `x[0] = ${x[0]}`);
  const e1 = relError(x, momentumNextW);
  const e2 = relError(rule.state.v!, momentumVelocityExpected);
  assert.ok(e1 < 1e-8, `next_w error ${e1}`);
  assert.ok(e2 < 1e-8, `velocity error ${e2}`);
  assert.equal(rule.state.t, 1);
});

test("CS231n sgd_momentum through the first form: vx = −v / lr gives the same next_w", () => {
  // v = −lr·vx, so vx = −linspace(0.6, 0.9) / 1e-3; after the step vx = −velocity / lr.
  const rule = momentum({ learningRate: 1e-3, rho: 0.9 });
  rule.state.vx = linspace(0.6, 0.9, 20).map((v) => -v / 1e-3);
  const x = w();
  rule.step(x, dw());
  assert.ok(relError(x, momentumNextW) < 1e-8);
  assert.ok(relError(rule.state.vx!.map((v) => -v * 1e-3), momentumVelocityExpected) < 1e-8);
});

test("CS231n rmsprop: cache = linspace(0.6, 0.9), lr 1e-2, decay 0.99, eps 1e-8", () => {
  // First entry: cache = 0.99 * 0.6 + 0.01 * 0.36 = 0.594 + 0.0036 = 0.5976;
  // w = −0.4 − 0.01 * (−0.6) / (√0.5976 + 1e-8) = −0.4 + 0.006 / 0.773046 = −0.39223849.
  const rule = rmsprop({ learningRate: 1e-2, decayRate: 0.99, eps: 1e-8 });
  rule.state.gradSquared = linspace(0.6, 0.9, 20);
  const x = w();
  rule.step(x, dw());
  const nextW = [
    -0.39223849, -0.34037513, -0.28849239, -0.23659121, -0.18467247,
    -0.132737, -0.08078555, -0.02881884, 0.02316247, 0.07515774,
    0.12716641, 0.17918792, 0.23122175, 0.28326742, 0.33532447,
    0.38739248, 0.43947102, 0.49155973, 0.54365823, 0.59576619,
  ];
  const cache = [
    0.5976, 0.6126277, 0.6277108, 0.64284931, 0.65804321,
    0.67329252, 0.68859723, 0.70395734, 0.71937285, 0.73484377,
    0.75037008, 0.7659518, 0.78158892, 0.79728144, 0.81302936,
    0.82883269, 0.84469141, 0.86060554, 0.87657507, 0.8926,
  ];
  const e1 = relError(x, nextW);
  const e2 = relError(rule.state.gradSquared!, cache);
  assert.ok(e1 < 1e-7, `next_w error ${e1}`);
  assert.ok(e2 < 1e-7, `cache error ${e2}`);
});

test("CS231n adam: m = linspace(0.6, 0.9), v = linspace(0.7, 0.5), t = 5, lr 1e-2, eps 1e-8", () => {
  // The assignment's adam increments t first, so this step is t = 6. First entry:
  // m = 0.9 * 0.6 + 0.1 * (−0.6) = 0.48; v = 0.999 * 0.7 + 0.001 * 0.36 = 0.69966;
  // w = −0.4 − 0.01 * (0.48 / (1 − 0.9⁶)) / (√(0.69966 / (1 − 0.999⁶)) + 1e-8) = −0.40094747.
  const rule = adam({ learningRate: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  rule.state.firstMoment = linspace(0.6, 0.9, 20);
  rule.state.secondMoment = linspace(0.7, 0.5, 20);
  rule.state.t = 5;
  const x = w();
  rule.step(x, dw());
  assert.equal(rule.state.t, 6);
  const nextW = [
    -0.40094747, -0.34836187, -0.29577703, -0.24319299, -0.19060977,
    -0.1380274, -0.08544591, -0.03286534, 0.01971428, 0.0722929,
    0.1248705, 0.17744702, 0.23002243, 0.28259667, 0.33516969,
    0.38774145, 0.44031188, 0.49288093, 0.54544852, 0.59801459,
  ];
  const v = [
    0.69966, 0.68908382, 0.67851319, 0.66794809, 0.65738853,
    0.64683452, 0.63628604, 0.6257431, 0.61520571, 0.60467385,
    0.59414753, 0.58362676, 0.57311152, 0.56260183, 0.55209767,
    0.54159906, 0.53110598, 0.52061845, 0.51013645, 0.49966,
  ];
  const m = [
    0.48, 0.49947368, 0.51894737, 0.53842105, 0.55789474,
    0.57736842, 0.59684211, 0.61631579, 0.63578947, 0.65526316,
    0.67473684, 0.69421053, 0.71368421, 0.73315789, 0.75263158,
    0.77210526, 0.79157895, 0.81105263, 0.83052632, 0.85,
  ];
  const e1 = relError(x, nextW);
  const e2 = relError(rule.state.secondMoment!, v);
  const e3 = relError(rule.state.firstMoment!, m);
  // "around e-7 or less": the error is the 8-decimal rounding of the printed values; at entry
  // 8 (w ≈ 0.0197) half a unit of the 8th decimal is 5e-9 / 0.039 ≈ 1.3e-7. Correct solutions
  // print next_w error 1.1395691798535431e-07, which is what this rule gives.
  assert.ok(Math.abs(e1 - 1.1395691798535431e-7) < 1e-12, `next_w error ${e1}`);
  assert.ok(e2 < 1e-7, `v error ${e2}`);
  assert.ok(e3 < 1e-7, `m error ${e3}`);
});
