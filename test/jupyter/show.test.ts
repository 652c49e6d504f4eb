import { test } from "node:test";
import assert from "node:assert/strict";
import * as zlib from "zlib";
import { figureBundle, describe, plotlyBundlePath } from "../../src/jupyter/show";
import { lineChart } from "../../src/plot/lineChart";
import { barChart } from "../../src/plot/barChart";
import { overlay, figure, withLayout } from "../../src/plot/figure";
import * as fs from "fs";

const fig = lineChart([{ y: [3, 2, 1], name: "loss" }], { title: "Loss", logY: true });

test("the bundle carries the figure as plotly JSON, HTML and one line of text", () => {
  const b = figureBundle(fig, { inlinePlotly: false });
  assert.deepEqual(Object.keys(b).sort(), ["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
  const json = b["application/vnd.plotly.v1+json"] as { data: { y: number[] }[]; layout: { yaxis: { type: string } } };
  assert.deepEqual(json.data[0].y, [3, 2, 1]);
  assert.equal(json.layout.yaxis.type, "log");
  assert.equal(b["text/plain"], "Figure: 1 trace (scatter) — Loss");
  const html = b["text/html"] as string;
  assert.match(html, /<div id="optimlab-fig-[^"]+" class="optimlab-figure"/);
  assert.doesNotMatch(html, /DecompressionStream/, "plotly.js inlined although inlinePlotly is false");
  assert.doesNotMatch(html, /https?:\/\//, "no network address in the HTML");
});

test("the first figure of a session inlines plotly.js, gzipped, and it unpacks to the bundle", () => {
  const PLOTLY_BUNDLE = plotlyBundlePath();
  assert.ok(fs.existsSync(PLOTLY_BUNDLE), "run npm run build first");
  const html = figureBundle(fig, { inlinePlotly: true })["text/html"] as string;
  const b64 = /atob\("([A-Za-z0-9+/=]+)"\)/.exec(html);
  assert.ok(b64, "no inlined payload");
  const unpacked = zlib.gunzipSync(Buffer.from(b64[1], "base64"));
  assert.ok(unpacked.equals(fs.readFileSync(PLOTLY_BUNDLE)));
  assert.ok(b64[1].length < 0.6 * fs.statSync(PLOTLY_BUNDLE).size, "the payload should be much smaller than the bundle");
});

test("a script-breaking string in the data cannot end the script element", () => {
  const html = figureBundle(lineChart([{ y: [1], name: "</script><b>x" }]), { inlinePlotly: false })["text/html"] as string;
  assert.equal(html.match(/<\/script>/g)?.length, 1);
});

test("bad figures get clear errors", () => {
  assert.throws(() => figureBundle(figure([])), /show: the figure has no traces/);
  assert.throws(() => figureBundle({} as never), /show: fig must be a figure/);
  assert.throws(() => lineChart([]), /lineChart: series must be a non-empty array/);
  assert.throws(() => lineChart([{ x: [1, 2], y: [1] }]), /lineChart: series\[0\] has 2 x values but 1 y values/);
  assert.throws(() => barChart(["a"], [1, 2]), /barChart: 1 labels but 2 values/);
});

test("figures compose: overlay stacks traces, withLayout sets keys", () => {
  const both = overlay(fig, barChart(["a"], [1]));
  assert.equal(both.data.length, 2);
  assert.equal(describe(both), "Figure: 2 traces (scatter, bar) — Loss");
  assert.equal(withLayout(fig, { height: 200 }).layout.height, 200);
  // a diverged run's Infinity becomes a gap (NaN), which JSON writes as null
  const gap = lineChart([{ y: [1, Infinity, NaN] }]);
  assert.equal(JSON.stringify(gap.data[0].y), "[1,null,null]");
});
