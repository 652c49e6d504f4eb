import { test } from "node:test";
import assert from "node:assert/strict";
import { matrix, type Matrix } from "../../src/core";
import { decisionRegions, CLASS_COLORS } from "../../src/plot/decisionRegions";
import { hiddenActivations } from "../../src/plot/hiddenActivations";
import { twoLayerNet } from "../../src/classifiers/twoLayerNet";
import { spiral } from "../../src/data";

// predict class 1 right of the line x = 0, else class 0
const rightOfZero = (P: Matrix) => Int32Array.from({ length: P.rows }, (_, i) => (P.data[2 * i] > 0 ? 1 : 0));

test("decisionRegions: a heatmap of predicted classes over the grid, then one marker trace per class", () => {
  const X = matrix([[-1, 0], [-0.5, 1], [1, 1], [0.5, -1]]);
  const fig = decisionRegions(X, [0, 0, 1, 1], rightOfZero, { resolution: 5, xRange: [-1, 1], yRange: [-2, 2], classNames: ["red", "blue"] });
  assert.equal(fig.data.length, 3);
  const [heat, red, blue] = fig.data as Record<string, any>[];
  assert.equal(heat.type, "heatmap");
  // grid x = -1, -0.5, 0, 0.5, 1; y = -2, -1, 0, 1, 2
  assert.deepEqual(heat.x, [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(heat.y, [-2, -1, 0, 1, 2]);
  // every row of z: 0 for x <= 0, 1 for x > 0
  for (const row of heat.z) assert.deepEqual(row, [0, 0, 0, 1, 1]);
  // two classes: colour k over [k-0.5, k+0.5]
  assert.equal(heat.zmin, -0.5);
  assert.equal(heat.zmax, 1.5);
  assert.deepEqual(heat.colorscale, [[0, CLASS_COLORS[0]], [0.5, CLASS_COLORS[0]], [0.5, CLASS_COLORS[1]], [1, CLASS_COLORS[1]]]);
  assert.equal(red.name, "red");
  assert.deepEqual(red.x, [-1, -0.5]);
  assert.deepEqual(red.y, [0, 1]);
  assert.equal(blue.name, "blue");
  assert.deepEqual(blue.x, [1, 0.5]);
  assert.equal(blue.marker.color, CLASS_COLORS[1]);
  JSON.stringify(fig); // plain JSON
});

test("decisionRegions: default range is the data's range padded by 10%", () => {
  const X = matrix([[0, 0], [10, 20]]);
  const fig = decisionRegions(X, [0, 1], rightOfZero, { resolution: 3 });
  const heat = fig.data[0] as Record<string, any>;
  // x in [0, 10] padded by 1 each side; y in [0, 20] padded by 2
  assert.deepEqual(heat.x, [-1, 5, 11]);
  assert.deepEqual(heat.y, [-2, 10, 22]);
});

test("decisionRegions: bad input names what was wrong", () => {
  const X = matrix([[0, 0], [1, 1]]);
  assert.throws(() => decisionRegions(matrix([[1, 2, 3]]), [0], rightOfZero), /decisionRegions: X must be N×2 \(points in the plane\), got 1×3/);
  assert.throws(() => decisionRegions(X, [0], rightOfZero), /decisionRegions: y has 1 labels but X has 2 rows/);
  assert.throws(() => decisionRegions(X, [0, 1], () => [0]), /decisionRegions: predict returned 1 labels for 14400 grid points/);
  assert.throws(() => decisionRegions(X, [0, 1], rightOfZero, { resolution: 1 }), /decisionRegions: resolution must be a whole number >= 2, got 1/);
});

test("hiddenActivations: one row per example grouped by class, one column per hidden unit", () => {
  const data = spiral({ pointsPerClass: 20, classes: 3, seed: 0 });
  const net = twoLayerNet(2, 8, 3, { std: 1, seed: 1 });
  const fig = hiddenActivations(net, data.X, data.y, { classNames: ["a", "b", "c"] });
  const heat = fig.data[0] as Record<string, any>;
  assert.equal(heat.type, "heatmap");
  assert.equal(heat.z.length, 60);
  assert.equal(heat.z[0].length, 8);
  // a permutation of the 8 units
  assert.deepEqual(heat.x.slice().sort(), Array.from({ length: 8 }, (_, j) => `unit ${j}`));
  // the activation of example 0 at the first listed unit equals net.hidden
  const j = Number(heat.x[0].split(" ")[1]);
  const A = net.hidden(data.X);
  assert.ok(Math.abs(heat.z[0][0] - A.data[0 * 8 + j]) < 1e-3);
  const yaxis = fig.layout.yaxis as Record<string, any>;
  assert.deepEqual(yaxis.tickvals, [0, 20, 40]);
  assert.deepEqual(yaxis.ticktext, ["a", "b", "c"]);
  // thinning: at most maxExamples rows
  assert.equal((hiddenActivations(net, data.X, data.y, { maxExamples: 10 }).data[0] as any).z.length, 10);
  assert.throws(() => hiddenActivations({} as never, data.X, data.y), /hiddenActivations: net must have a hidden\(X\) method/);
  assert.throws(() => hiddenActivations(net, data.X, [1]), /hiddenActivations: y has 1 labels but X has 60 rows/);
});

test("one palette: class k has the k-th colour of every other figure", async () => {
  const { PALETTE } = await import("../../src/plot/palette");
  const { paddedRange } = await import("../../src/plot/paddedRange");
  assert.equal(CLASS_COLORS[0], PALETTE[0]);
  assert.equal(CLASS_COLORS[1], PALETTE[1]);
  // the data's range plus 10% on each side; nulls and NaN skipped; a constant gets a span of 1
  assert.deepEqual(paddedRange([0, 10, null, NaN], 0.1), [-1, 11]);
  assert.deepEqual(paddedRange([2, 2], 0.5), [1.5, 2.5]);
  assert.deepEqual(paddedRange([], 0.1), [-0.1, 1.1]);
});
