import { test } from "node:test";
import assert from "node:assert/strict";
import { imageGrid } from "../../src/plot/imageGrid";
import { hyperplanes } from "../../src/plot/hyperplanes";
import { matrix } from "../../src/core/matrix";

test("imageGrid: one heatmap per image on its own axes, rows top-down", () => {
  const imgs = [Float64Array.from({ length: 6 }, (_, i) => i), Float64Array.from({ length: 6 }, (_, i) => -i)];
  const fig = imageGrid(imgs, { width: 3, height: 2, columns: 2, titles: ["a", "b"] });
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data[0].z, [[0, 1, 2], [3, 4, 5]]);
  assert.equal(fig.data[1].xaxis, "x2");
  assert.equal(fig.data[0].zmax, 5); // symmetric range ±max|w|
  assert.deepEqual(fig.layout.grid, { rows: 1, columns: 2, pattern: "independent" });
  assert.throws(() => imageGrid([new Float64Array(5)], { width: 3, height: 2 }), /imageGrid: images\[0\] has 5 values, expected width×height = 3×2 = 6/);
});

test("hyperplanes: points per class and each class's zero-score line", () => {
  // class 0: score x₁ − 1 = 0 is the vertical line x₁ = 1; class 1: x₂ = 0.
  const W = matrix([[1, 0, -1], [0, 1, 0]]);
  const X = matrix([[0, 0], [2, 1], [3, -1]]);
  const fig = hyperplanes(W, X, [0, 1, 1], { window: { x: [-2, 4], y: [-2, 2] } });
  assert.equal(fig.data.length, 2 + 2 * 2);
  assert.deepEqual(fig.data[1].x, [2, 3]);
  assert.deepEqual(fig.data[2].x, [1, 1]); // x₁ = 1 across the window
  assert.deepEqual(fig.data[2].y, [-2, 2]);
  assert.deepEqual(fig.data[4].y, [-0, -0]);
  assert.throws(() => hyperplanes(matrix([[1, 2]]), X, [0, 0, 0]), /hyperplanes: W must be C×3/);
});
