import { test } from "node:test";
import assert from "node:assert/strict";
import { quadratic2d, rosenbrock, localMinimum1d } from "../../src/objectives";
import { race } from "../../src/plot/race";
import { figureBundle } from "../../src/jupyter/show";
import { gdRun } from "./gdRun";

type Pts = { type: string; name: string; x: number[]; y: number[]; marker: { symbol: string; color: string }; line?: { color: string } };
type Button = { label: string; method: string; args: unknown[] };

const slow = gdRun(quadratic2d, [-5, -2], 0.05, 100); // 101 iterates
const fast = gdRun(quadratic2d, [-5, -2], 0.4, 20); //    21 iterates
const wild = gdRun(quadratic2d, [-5, -2], 0.6, 5000); //  diverges, drawn up to step 100

test("race: contour + minimum, then a line and a marker per run; frames animate the runs only", () => {
  const fig = race(quadratic2d, [{ name: "slow", trace: slow }, { name: "fast", trace: fast }], { frames: 11, resolution: 10 });
  assert.deepEqual(fig.data.map((t) => t.type), ["contour", "scatter", "scatter", "scatter", "scatter", "scatter"]);
  assert.equal(fig.frames!.length, 11);
  // the longest run has 100 steps: frames at steps 0, 10, 20, …, 100
  assert.deepEqual(fig.frames!.map((f) => f.name), Array.from({ length: 11 }, (_, k) => `step ${10 * k}`));
  for (const f of fig.frames!) {
    assert.deepEqual(f.traces, [2, 3, 4, 5]);
    assert.equal(f.data.length, 4);
  }
  // frame 0 (also the initial data): each run at x0 only
  const [l0, m0] = fig.data.slice(2) as Pts[];
  assert.deepEqual([l0.x, l0.y, m0.x, m0.y], [[-5], [-2], [-5], [-2]]);
  // frame at step 10: slow has iterates 0…10; its marker is iterate 10
  const f1 = fig.frames![1].data as Pts[];
  assert.equal(f1[0].x.length, 11);
  assert.deepEqual([f1[1].x[0], f1[1].y[0]], [slow.xs[10][0], slow.xs[10][1]]);
  // the fast run ended at step 20: from then on it waits at its last iterate
  const last = fig.frames![10].data as Pts[];
  assert.equal(last[0].x.length, 101);
  assert.equal(last[2].x.length, 21);
  assert.deepEqual([last[3].x[0], last[3].y[0]], [fast.x[0], fast.x[1]]);
  // line and marker share the run's colour, runs differ
  assert.equal(last[0].line!.color, last[1].marker.color);
  assert.notEqual(last[0].line!.color, last[2].line!.color);
});

test("race: play and pause buttons and a slider with one step per frame", () => {
  const fig = race(quadratic2d, [{ name: "slow", trace: slow }], { frames: 5, resolution: 5, frameDuration: 120 });
  const menu = (fig.layout.updatemenus as { type: string; buttons: Button[] }[])[0];
  assert.equal(menu.type, "buttons");
  assert.deepEqual(menu.buttons.map((b) => b.method), ["animate", "animate"]);
  assert.equal(menu.buttons[0].args[0], null); // null = play every frame from the current one
  assert.equal((menu.buttons[0].args[1] as { frame: { duration: number } }).frame.duration, 120);
  assert.deepEqual(menu.buttons[1].args[0], [null]); // [null] = stop
  // every frame redraws: with redraw: false plotly.js drops the contour under the animated runs
  // (checked in headless Chromium: 91 contour paths after a jump with redraw: true, 0 with false)
  assert.equal((menu.buttons[0].args[1] as { frame: { redraw: boolean } }).frame.redraw, true);
  const slider = (fig.layout.sliders as { steps: Button[] }[])[0];
  assert.equal(slider.steps.length, 5);
  assert.deepEqual(slider.steps.map((s) => (s.args[0] as string[])[0]), fig.frames!.map((f) => f.name));
  assert.ok(slider.steps.every((s) => (s.args[1] as { frame: { redraw: boolean } }).frame.redraw));
  // the frames travel with the figure into the static HTML page, where plotly.js plays them
  const html = figureBundle(fig, { inlinePlotly: false })["text/html"] as string;
  assert.ok(html.includes('"frames":[{"name":"step 0"'));
  assert.ok(html.includes('"updatemenus"'));
});

test("race: a short run gives one frame per step; a diverged run stops at its last finite iterate with a cross", () => {
  const fig = race(quadratic2d, [{ name: "fast", trace: fast }, { name: "lr 0.6", trace: wild }], { frames: 1000, resolution: 5 });
  // wild is drawable up to step 100 (|y| = 2·1.4^k ≤ 1e15), so 101 frames
  assert.equal(fig.frames!.length, 101);
  const last = fig.frames![100].data as Pts[];
  assert.equal(last[2].x.length, 101);
  assert.equal(last[3].marker.symbol, "x");
  assert.equal(last[3].name, "lr 0.6: diverged");
  // while it is still on its way it is a circle
  assert.equal((fig.frames![50].data as Pts[])[3].marker.symbol, "circle");
});

test("race: clear errors", () => {
  assert.throws(() => race(quadratic2d, []), /^RangeError: race: runs must be a non-empty array of \{ name, trace \}/);
  assert.throws(() => race(rosenbrock(3), [{ name: "a", trace: slow }]), /race: objective has dim 3, expected 2/);
  const oneD = gdRun(localMinimum1d, [1], 0.01, 3);
  assert.throws(() => race(quadratic2d, [{ name: "a", trace: oneD }]), /race: runs\[0\] \("a"\) is 1-D, expected 2-D iterates/);
  assert.throws(() => race(quadratic2d, [{ name: "a", trace: { xs: [] } }]), /race: runs\[0\] \("a"\): trace must have a non-empty xs/);
  assert.throws(() => race(quadratic2d, [{ name: "a", trace: slow }], { frames: 1 }), /race: frames must be a whole number in \[2, 1000\], got 1/);
  assert.throws(() => race(quadratic2d, [{ name: "a", trace: slow }], { frameDuration: -1 }), /race: frameDuration must be/);
});
