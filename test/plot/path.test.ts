import { test } from "node:test";
import assert from "node:assert/strict";
import { quadratic2d, localMinimum1d } from "../../src/objectives";
import { contour } from "../../src/plot/contour";
import { overlay } from "../../src/plot/figure";
import { path } from "../../src/plot/path";
import { gdRun } from "./gdRun";

type Line = { type: string; mode: string; name: string; hovertemplate: string; x: number[]; y: number[]; text: string[]; marker: { symbol?: string } };

test("path: one point per iterate, a start marker, named in the legend", () => {
  // GD on 0.1x² + 2y², lr 0.2: x ← (1 − 0.2·0.2)x = 0.96x, y ← (1 − 0.2·4)y = 0.2y
  const run = gdRun(quadratic2d, [-5, -2], 0.2, 10);
  const fig = path(run, { name: "GD", color: "red" });
  const [line, start] = fig.data as Line[];
  assert.equal(fig.data.length, 2);
  assert.equal(line.mode, "lines+markers");
  assert.equal(line.name, "GD");
  assert.equal(line.x.length, 11);
  assert.equal(line.y.length, 11);
  assert.equal(line.text[10], "step 10");
  assert.ok(Math.abs(line.x[1] - -4.8) < 1e-12); // −5 · 0.96
  assert.ok(Math.abs(line.y[1] - -0.4) < 1e-12); // −2 · 0.2
  assert.deepEqual([start.x, start.y], [[-5], [-2]]);
  assert.equal(path(run, { markers: false }).data[0].mode, "lines");
});

test("path: a diverged run is drawn up to its last finite iterate, with a cross there", () => {
  // lr 0.6: y ← (1 − 2.4)y = −1.4y grows until f overflows to Infinity
  const run = gdRun(quadratic2d, [-5, -2], 0.6, 5000);
  assert.equal(run.status, "diverged");
  const last = run.xs.length - 1;
  assert.ok(!Number.isFinite(run.fs[last]));
  const fig = path(run, { name: "lr 0.6" });
  const line = fig.data[0] as Line;
  const cross = fig.data[2] as Line;
  // every drawn point is finite and within ±1e15 (SVG draws in single precision)
  assert.ok(line.x.every((v) => Math.abs(v) <= 1e15) && line.y.every((v) => Math.abs(v) <= 1e15));
  assert.ok(line.x.length < run.xs.length);
  // |y_k| = 2·1.4^k ≤ 1e15 ⇔ k ≤ log(5e14)/log(1.4) = 100.6 → steps 0…100 drawn
  assert.equal(line.y.length, 101);
  assert.equal(cross.marker.symbol, "x");
  assert.equal(cross.name, "lr 0.6: diverged");
  assert.match(cross.hovertemplate, /last finite iterate, step 100/);
  assert.deepEqual([cross.x[0], cross.y[0]], [line.x[100], line.y[100]]);
});

test("path: NaN iterates stop the drawing, and status 'diverged' alone adds the cross", () => {
  const xs = [Float64Array.of(1, 1), Float64Array.of(2, 2), Float64Array.of(NaN, 3), Float64Array.of(4, 4)];
  const fig = path({ xs });
  assert.deepEqual((fig.data[0] as Line).x, [1, 2]);
  assert.equal((fig.data[2] as Line).name, "path: diverged");
  const finite = path({ xs: xs.slice(0, 2), status: "diverged" });
  assert.equal(finite.data.length, 3);
  assert.equal(path({ xs: xs.slice(0, 2), status: "max-iterations" }).data.length, 2);
});

test("path: a 1-D run is drawn on its graph, (x, f(x))", () => {
  // f'(x) = 4x³ − 6x + 1; from x = 2, lr 0.01: x₁ = 2 − 0.01·(32 − 12 + 1) = 1.79
  const run = gdRun(localMinimum1d, [2], 0.01, 3);
  const line = path(run).data[0] as Line;
  assert.ok(Math.abs(line.x[1] - 1.79) < 1e-12);
  assert.deepEqual(line.y, run.fs);
});

test("path: clear errors for runs it cannot draw", () => {
  assert.throws(() => path({ xs: [] }), /^TypeError: path: trace must have a non-empty xs/);
  assert.throws(() => path({ xs: [Float64Array.of(1, 2, 3)] }), /path: trace.xs\[0\] has length 3, expected 1 or 2/);
  assert.throws(() => path({ xs: [Float64Array.of(1, 2), Float64Array.of(1)] }), /path: trace.xs\[1\] has length 1, expected 2/);
  assert.throws(() => path({ xs: [Float64Array.of(1)] }), /path: a 1-D trace needs fs .* as long as xs \(1\), got none/);
  assert.throws(() => path({ xs: [Float64Array.of(NaN, 0)] }), /path: the first iterate xs\[0\] = \(NaN, 0\) is not finite/);
});

test("path: overlaid on a contour, the contour's window and the path's traces stack", () => {
  const fig = overlay(contour(quadratic2d, { resolution: 5 }), path(gdRun(quadratic2d, [-5, -2], 0.2, 3), { name: "GD" }));
  assert.deepEqual(fig.data.map((t) => t.type), ["contour", "scatter", "scatter", "scatter"]);
  assert.deepEqual((fig.layout.xaxis as { range: number[] }).range, [-10, 10]);
});
