import { test } from "node:test";
import assert from "node:assert/strict";
import { quadratic2d, rosenbrock, himmelblau, localMinimum1d, type Objective } from "../../src/objectives";
import { contour, functionGrid } from "../../src/plot/contour";
import { figureBundle } from "../../src/jupyter/show";

test("contour: a contour trace on a resolution × resolution grid over the window", () => {
  const fig = contour(quadratic2d, { resolution: 21 });
  const c = fig.data[0] as { type: string; x: number[]; y: number[]; z: number[][] };
  assert.equal(c.type, "contour");
  assert.equal(c.x.length, 21);
  assert.equal(c.y.length, 21);
  assert.equal(c.z.length, 21);
  c.z.forEach((row) => assert.equal(row.length, 21));
  // window x ∈ [−10, 10], y ∈ [−5, 5]; 21 points: step 1 in x, 0.5 in y
  assert.deepEqual([c.x[0], c.x[1], c.x[20]], [-10, -9, 10]);
  assert.deepEqual([c.y[0], c.y[1], c.y[20]], [-5, -4.5, 5]);
  // z[i][j] = f(x[j], y[i]): z[2][13] = f(3, −4) = 0.1·9 + 2·16 = 32.9
  assert.ok(Math.abs(c.z[2][13] - 32.9) < 1e-12, `got ${c.z[2][13]}`);
  // the axes are fixed to the window, so an overlaid run that flies away leaves the picture
  assert.deepEqual((fig.layout.xaxis as { range: number[] }).range, [-10, 10]);
  assert.deepEqual((fig.layout.yaxis as { range: number[] }).range, [-5, 5]);
});

test("contour: the minimum is marked with a star; Himmelblau's four minima all are", () => {
  const fig = contour(quadratic2d, { resolution: 5 });
  assert.equal(fig.data.length, 2);
  const m = fig.data[1] as { x: number[]; y: number[]; marker: { symbol: string } };
  assert.deepEqual([m.x, m.y, m.marker.symbol], [[0], [0], "star"]);
  const h = contour(himmelblau, { resolution: 5 }).data[1] as { x: number[]; name: string };
  assert.equal(h.x.length, 4);
  assert.equal(h.name, "minima");
  assert.equal(contour(quadratic2d, { resolution: 5, showMinimum: false }).data.length, 1);
});

test("contour: non-finite f values become gaps (null), and the JSON carries null", () => {
  const spiky: Objective = {
    dim: 2,
    name: "spiky",
    f: (p) => (p[0] > 0.5 ? Infinity : p[0] < -0.5 ? NaN : p[0] + p[1]),
    grad: () => new Float64Array(2),
    window: { x: [-1, 1], y: [0, 1] },
  };
  const c = contour(spiky, { resolution: 3 }).data[0] as { z: (number | null)[][] };
  // x = −1, 0, 1 ; y = 0, 0.5, 1 → columns NaN, x + y, Inf
  assert.deepEqual(c.z, [[null, 0, null], [null, 0.5, null], [null, 1, null]]);
  const json = JSON.stringify(figureBundle(contour(spiky, { resolution: 3 }), { inlinePlotly: false })["application/vnd.plotly.v1+json"]);
  assert.ok(json.includes("[null,0,null]"));
});

test("contour: log scale is log10(1 + f − f_min), 0 at the minimum", () => {
  const g = functionGrid(rosenbrock(2), { x: [-1, 1], y: [-1, 1] }, 3, "log");
  // grid x, y ∈ {−1, 0, 1}; f(1, 1) = 0 → 0; f(0, 0) = 1 → log10(2); f(−1, −1) = 100·4 + 4 = 404 → log10(405)
  assert.equal(g.z[2][2], 0);
  assert.ok(Math.abs(g.z[1][1]! - Math.log10(2)) < 1e-15);
  assert.ok(Math.abs(g.z[0][0]! - Math.log10(405)) < 1e-13);
});

test("contour: clear errors for an objective that is not 2-D, a bad window or bad options", () => {
  assert.throws(() => contour(rosenbrock(3)), /^RangeError: contour: objective has dim 3, expected 2$/);
  assert.throws(() => contour(localMinimum1d), /contour: objective has dim 1, expected 2/);
  const noWindow: Objective = { dim: 2, name: "bowl", f: (p) => p[0] ** 2 + p[1] ** 2, grad: (p) => p.map((v) => 2 * v) };
  assert.throws(() => contour(noWindow), /contour: objective "bowl" has no window; pass options.window/);
  assert.ok(contour(noWindow, { window: { x: [-1, 1], y: [-1, 1] }, resolution: 4 }).data.length >= 1);
  assert.throws(() => contour(quadratic2d, { window: { x: [3, 1], y: [0, 1] } }), /contour: window.x must be \[low, high\] with finite low < high, got \[3,1\]/);
  assert.throws(() => contour(quadratic2d, { window: { x: [0, 1] } }), /contour: window has no y range/);
  assert.throws(() => contour(quadratic2d, { resolution: 1.5 }), /contour: resolution must be a whole number in \[2, 1000\], got 1.5/);
  assert.throws(() => contour(quadratic2d, { scale: "sqrt" as "log" }), /contour: scale must be "linear" or "log", got "sqrt"/);
  assert.throws(() => contour({} as Objective), /contour: objective must be an Objective/);
});

test("contour: equalAxes anchors y to x", () => {
  const fig = contour(quadratic2d, { resolution: 4, equalAxes: true });
  assert.equal((fig.layout.yaxis as { scaleanchor: string }).scaleanchor, "x");
});
