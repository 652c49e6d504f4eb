import { test } from "node:test";
import assert from "node:assert/strict";
import { localMinimum1d, quadratic2d, type Objective } from "../../src/objectives";
import { function1d } from "../../src/plot/function1d";

type Line = { type: string; name: string; x: number[]; y: (number | null)[]; marker?: { symbol: string } };

test("function1d: the curve over the window and the minima marked", () => {
  const fig = function1d(localMinimum1d, { resolution: 5 });
  const [curve, global, local] = fig.data as Line[];
  assert.equal(curve.type, "scatter");
  assert.deepEqual(curve.x, [-2, -1, 0, 1, 2]);
  // f(x) = x⁴ − 3x² + x: f(−2) = 16 − 12 − 2 = 2, f(−1) = 1 − 3 − 1 = −3, f(1) = −1, f(2) = 6
  assert.deepEqual(curve.y, [2, -3, 0, -1, 6]);
  assert.equal(global.name, "global minimum");
  assert.equal(global.marker!.symbol, "star");
  assert.ok(Math.abs(global.x[0] - -1.30084) < 1e-5);
  assert.equal(local.name, "local minimum");
  assert.equal(local.x.length, 1);
  assert.ok(Math.abs(local.x[0] - 1.13090) < 1e-5);
  // y range fixed around the curve: [−3 − 0.72, 6 + 0.72] (8% of 9)
  const r = (fig.layout.yaxis as { range: number[] }).range;
  assert.ok(Math.abs(r[0] - -3.72) < 1e-12 && Math.abs(r[1] - 6.72) < 1e-12, `got ${r}`);
});

test("function1d: non-finite values are gaps; errors for a 2-D objective or no window", () => {
  const logf: Objective = { dim: 1, f: (p) => Math.log(p[0]), grad: (p) => Float64Array.of(1 / p[0]), window: { x: [-1, 1] } };
  const y = (function1d(logf, { resolution: 3 }).data[0] as Line).y;
  assert.deepEqual(y, [null, null, 0]); // log(−1) = NaN, log(0) = −Infinity, log(1) = 0
  assert.throws(() => function1d(quadratic2d), /^RangeError: function1d: objective has dim 2, expected 1$/);
  assert.throws(() => function1d({ ...logf, window: undefined }), /function1d: objective has no window; pass options.window = \{ x: \[low, high\] \}/);
});
