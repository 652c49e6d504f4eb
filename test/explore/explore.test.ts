import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as zlib from "zlib";
import { explorable, getSetting, withSetting, type ExploreOptions } from "../../src/explore/explorable";
import { exploreFigure, exploreRuns, STATIC_NOTE } from "../../src/explore/exploreFigure";
import { exploreBundlePath, exploreDisplay } from "../../src/explore/explore";
import { adam, minimize, newton, rosenbrock, sgd } from "../../src/explore/library";
import { quadratic2d } from "../../src/objectives/quadratic";

const race: ExploreOptions = {
  title: "race", objective: "bowl", start: [-5, -2], steps: 30,
  runs: [{ rule: "sgd", learningRate: 0.6 }, { rule: "adam", learningRate: 0.5, biasCorrection: false }],
  controls: [{ slider: "runs.0.learningRate", min: 0.01, max: 1, log: true }, { toggle: "runs.1.biasCorrection" }],
};

test("an explorable runs src/'s rules: the same iterates as minimize and newton called directly", () => {
  const [gd, ad] = exploreRuns(explorable(race));
  // the bowl at condition 20 is the lecture's 0.1x² + 2y² (λ_min = 4/20 = 0.2, exact in float64)
  const direct = minimize(quadratic2d, sgd({ learningRate: 0.6 }), [-5, -2], { steps: 30 });
  assert.deepEqual(gd.trace.xs, direct.xs);
  assert.deepEqual(gd.trace.fs, direct.fs);
  // lr 0.6 > 2/λ_max = 0.5: |1 − 0.6·4| = 1.4, so f grows by about 1.4² per step along y
  assert.equal(gd.summary, `f = ${Number(direct.fs[30].toPrecision(3)).toExponential(2)} after 30 steps (10.5 at the start)`);
  assert.ok(direct.fs[30] > 1e4 * direct.fs[0]);
  const adamDirect = minimize(quadratic2d, adam({ learningRate: 0.5, biasCorrection: false }), [-5, -2], { steps: 30 });
  assert.deepEqual(ad.trace.xs, adamDirect.xs);
  assert.equal(ad.label, "Adam (lr 0.5, no bias correction)");

  const nt = exploreRuns(explorable({ objective: "rosenbrock", start: [-1.2, 1], steps: 100, runs: [{ rule: "newton" }] }))[0];
  const nDirect = newton(rosenbrock(2), [-1.2, 1], { maxIter: 100 });
  assert.deepEqual(nt.trace.xs, nDirect.xs);
  assert.equal(nt.summary, `converged at step ${nDirect.nit}, f = ${nDirect.fs[nDirect.nit].toExponential(2)}`);
});

test("a run that overflows says at which step it diverged", () => {
  const [r] = exploreRuns(explorable({ objective: "bowl", start: [-5, -2], steps: 3000, runs: [{ rule: "sgd", learningRate: 0.9 }] }));
  assert.equal(r.trace.status, "diverged");
  assert.equal(r.summary, `diverged at step ${r.trace.nit}`);
  assert.ok(r.trace.nit > 100 && r.trace.nit < 3000, `nit ${r.trace.nit}`);
});

test("the condition number sets λ_min = 4/κ and keeps 2/λ_max = 0.5", () => {
  const fig = exploreFigure(explorable({ ...race, condition: 100 }));
  assert.match(JSON.stringify(fig.layout.title), /κ = 100: λ_min = 0.04, λ_max = 4, 2\/λ_max = 0.5/);
  // the contour is ½(0.04x² + 4y²) on the window's corner (10, 5): 0.02·100 + 2·25 = 52 (grid of 40 points)
  const z = fig.data[0].z as number[][];
  assert.ok(Math.abs(z[39][39] - 52) < 1e-12, String(z[39][39]));
});

test("bad arguments get errors that name the argument, before anything runs", () => {
  assert.throws(() => explorable({ ...race, objective: "bowel" as never }), /explore: objective must be one of bowl, rosenbrock, saddle, himmelblau, got "bowel"/);
  assert.throws(() => explorable({ ...race, steps: 0 }), /explore: steps must be a whole number in \[1, 5000\], got 0/);
  assert.throws(() => explorable({ ...race, start: [1, NaN] }), /explore: start must be two finite numbers/);
  assert.throws(() => explorable({ ...race, runs: [{ rule: "sgd" }] }), /explore: runs\[0\] \(sgd\) needs a learningRate/);
  assert.throws(() => explorable({ ...race, runs: [{ rule: "lion" as never, learningRate: 1 }] }), /runs\[0\]\.rule must be one of sgd, momentum/);
  assert.throws(() => explorable({ ...race, runs: [{ rule: "sgd", learningRate: 1, lr: 2 } as never] }), /runs\[0\] has an unknown setting "lr"/);
  assert.throws(() => explorable({ ...race, controls: [{ slider: "runs.0.speed", min: 0, max: 1 }] }), /unknown run setting "speed"/);
  assert.throws(() => explorable({ ...race, controls: [{ slider: "runs.0.learningRate", min: 0, max: 1, log: true }] }), /a log slider needs min > 0, got 0/);
  assert.throws(() => explorable({ ...race, controls: [{ slider: "runs.0.learningRate", min: 0.01, max: 0.5 }] }), /runs\.0\.learningRate = 0.6 is outside \[0.01, 0.5\]/);
  assert.throws(() => explorable({ ...race, controls: [{ select: "objective", options: ["bowl", "moon"] }] }), /option "moon" is not one of bowl/);
  assert.throws(() => explorable({ ...race, controls: [{ toggle: "steps" }] }), /a toggle needs a true\/false setting; steps is 30/);
  assert.throws(() => explorable({ ...race, controls: [{ slider: "runs.5.rho", min: 0, max: 1 }] }), /there are only 2 runs/);
  // a refused change leaves the explorable as it was
  const ex = explorable(race);
  assert.throws(() => withSetting(ex, "runs.0.learningRate", Infinity), /runs\[0\]\.learningRate must be a finite number, got Infinity/);
  assert.equal(getSetting(ex, "runs.0.learningRate"), 0.6);
  assert.equal(getSetting(withSetting(ex, "runs.0.learningRate", 0.3), "runs.0.learningRate"), 0.3);
  assert.equal(getSetting(ex, "runs.1.beta2"), 0.999, "a setting left out reads as the rule's default");
});

test("the plotly JSON is the initial figure with the note; the HTML has a static picture with the same note", () => {
  const b = exploreDisplay(race, { bundle: true, plotly: false });
  const json = b["application/vnd.plotly.v1+json"] as { data: { name?: string; x?: number[] }[]; layout: { title: { text: string } } };
  assert.ok(json.layout.title.text.includes(STATIC_NOTE));
  const names = json.data.map((t) => t.name);
  assert.ok(names.some((n) => /^SGD \(lr 0.6\): f = .* after 30 steps/.test(n ?? "")), names.join(" | "));
  const html = b["text/html"] as string;
  const svg = Buffer.from(/src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)![1], "base64").toString();
  assert.ok(svg.includes(STATIC_NOTE), "the picture carries the note");
  assert.ok(svg.includes("SGD (lr 0.6): f ="), "and the numbers");
  assert.equal(svg.match(/<polyline/g)?.length, 4, "two paths and two loss curves");
  assert.doesNotMatch(html.replace(/xmlns="http:\/\/www.w3.org\/2000\/svg"/g, ""), /https?:\/\//, "no network address");
  // the page bundle is inlined gzipped when asked, and unpacks to assets/explore.js
  const payloads = [...html.matchAll(/atob\("([A-Za-z0-9+/=]+)"\)/g)];
  assert.equal(payloads.length, 1, "plotly.js was not asked for, the bundle was");
  assert.ok(zlib.gunzipSync(Buffer.from(payloads[0][1], "base64")).equals(fs.readFileSync(exploreBundlePath())));
  const later = exploreDisplay(race, { bundle: false, plotly: false })["text/html"] as string;
  assert.doesNotMatch(later, /atob\(/);
  assert.equal(b["text/plain"], `Explorable: ${exploreRuns(explorable(race)).map((r) => `${r.label}: ${r.summary}`).join("; ")}`);
});

test("the page bundle holds no Node module and no mathjs, and is at most 150 KB gzipped", () => {
  const code = fs.readFileSync(exploreBundlePath(), "utf8");
  const gz = zlib.gzipSync(code, { level: 9 }).length;
  assert.ok(gz <= 150 * 1024, `${gz} bytes gzipped`);
  assert.doesNotMatch(code, /require\(/, "a require() left in the bundle");
  assert.doesNotMatch(code, /mathjs|typed-function|decimal\.js/i);
  assert.match(code, /optimlabExplore/);
});
