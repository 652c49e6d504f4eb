import { test } from "node:test";
import assert from "node:assert/strict";
import { saddle, rosenbrock, localMinimum1d } from "../../src/objectives";
import { surface } from "../../src/plot/surface";

test("surface: one surface trace over the window with titled 3-D axes", () => {
  const fig = surface(saddle, { resolution: 5 });
  assert.equal(fig.data.length, 1);
  const s = fig.data[0] as { type: string; x: number[]; y: number[]; z: number[][] };
  assert.equal(s.type, "surface");
  assert.deepEqual(s.x, [-2, -1, 0, 1, 2]);
  assert.equal(s.z.length, 5);
  // z[i][j] = f(x[j], y[i]) = x² − y²: z[0][2] = f(0, −2) = −4, z[2][0] = f(−2, 0) = 4
  assert.equal(s.z[0][2], -4);
  assert.equal(s.z[2][0], 4);
  assert.equal(s.z[2][2], 0);
  const scene = fig.layout.scene as { zaxis: { title: { text: string } } };
  assert.equal(scene.zaxis.title.text, "f(x, y)");
});

test("surface: log scale and errors", () => {
  const s = surface(rosenbrock(2), { resolution: 3, window: { x: [-1, 1], y: [-1, 1] }, scale: "log" }).data[0] as { z: number[][] };
  assert.equal(s.z[2][2], 0); // f(1, 1) = 0
  assert.throws(() => surface(rosenbrock(4)), /^RangeError: surface: objective has dim 4, expected 2$/);
  assert.throws(() => surface(localMinimum1d), /surface: objective has dim 1, expected 2/);
  assert.throws(() => surface(saddle, { resolution: 0 }), /surface: resolution must be a whole number in \[2, 500\], got 0/);
});
