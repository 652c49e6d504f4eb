import { test } from "node:test";
import assert from "node:assert/strict";
import { logHistogram } from "../../src/plot/logHistogram";

type Bar = { type: string; name: string; x: number[]; y: number[]; width: number };

test("logHistogram: counts per bin on log10 of the values, decades labelled", () => {
  // log10: 1e-9 → −9, 3e-9 → −8.52, 2e-8 → −7.70, 5e-8 → −7.30, 0.5 → −0.30
  // with 2 bins per decade from −9 to 0 the bins are [−9, −8.5), [−8.5, −8), …, [−0.5, 0)
  const fig = logHistogram([{ values: [1e-9, 3e-9, 2e-8, 5e-8, 0.5, 0], name: "errors" }], { binsPerDecade: 2 });
  const [bar] = fig.data as Bar[];
  assert.equal(bar.type, "bar");
  assert.equal(bar.name, "errors (1 at 0)");
  assert.equal(bar.x.length, 18);
  assert.equal(bar.x[0], -8.75);
  assert.equal(bar.width, 0.45);
  //                 −9   −8.5  −8   −7.5  …                                    −0.5
  assert.deepEqual(bar.y, [2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  const xaxis = fig.layout.xaxis as { tickvals: number[]; ticktext: string[]; range: number[] };
  assert.deepEqual(xaxis.range, [-9, 0]);
  assert.deepEqual(xaxis.ticktext.slice(0, 3), ["1e-9", "1e-8", "1e-7"]);
});

test("logHistogram: bands become shaded rectangles with labels and widen the axis", () => {
  const fig = logHistogram([{ values: [1e-5, 2e-5] }, { values: [0.3] }], {
    bands: [{ from: 1e-2, to: 1, color: "#f8b4b4", label: "wrong" }, { from: 1e-7, to: 1e-4, color: "#fdf3b0" }],
  });
  const shapes = fig.layout.shapes as { x0: number; x1: number; fillcolor: string }[];
  assert.deepEqual(shapes.map((s) => [s.x0, s.x1, s.fillcolor]), [[-2, 0, "#f8b4b4"], [-7, -4, "#fdf3b0"]]);
  assert.deepEqual((fig.layout.annotations as { text: string }[]).map((a) => a.text), ["wrong"]);
  assert.deepEqual((fig.layout.xaxis as { range: number[] }).range, [-7, 0]);
  const [first, second] = fig.data as Bar[];
  assert.equal(first.y.reduce((a, b) => a + b, 0), 2);
  assert.equal(second.y.reduce((a, b) => a + b, 0), 1);
  assert.equal(fig.layout.barmode, "overlay");
});

test("logHistogram: bad arguments name what was expected", () => {
  assert.throws(() => logHistogram([]), /logHistogram: series must be a non-empty array/);
  assert.throws(() => logHistogram([{ values: [1] }], { binsPerDecade: 0.5 }), /binsPerDecade must be a whole number >= 1, got 0.5/);
  assert.throws(() => logHistogram([{ values: [1] }], { bands: [{ from: 0, to: 1, color: "red" }] }), /bands\[0\] must have 0 < from < to/);
  assert.throws(() => logHistogram([{} as never]), /series\[0\] has no values/);
});
