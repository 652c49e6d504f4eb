import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { figureReport } from "../../src/cli/browser";
import { kernelSpec } from "../../src/cli/setup";
import { pageName } from "../../src/cli/export";
import { NOTEBOOKS } from "../../src/cli/paths";
import { chromiumFlags } from "../../src/cli/tools";

test("figureReport counts figures and which were drawn", () => {
  const dom = `<div id="optimlab-fig-1" class="optimlab-figure js-plotly-plot"><svg class="main-svg"></svg></div>
    <div id="optimlab-fig-2" class="optimlab-figure"></div>`;
  assert.deepEqual(figureReport(dom), { figures: 2, drawn: 1, notDrawn: ["optimlab-fig-2"] });
});

test("the kernelspec runs the project's own tslab with this node, the output queue loaded first", () => {
  const spec = kernelSpec() as { argv: string[]; language: string };
  assert.equal(spec.argv[0], process.execPath);
  assert.equal(spec.argv[1], "--require");
  assert.ok(spec.argv[2].endsWith(path.join("dist", "jupyter", "preload.js")), spec.argv[2]);
  assert.ok(fs.existsSync(spec.argv[2]), `${spec.argv[2]} is missing: run npm run build`);
  assert.ok(fs.existsSync(spec.argv[3]) && spec.argv[3].includes(`${path.sep}node_modules${path.sep}tslab`));
  assert.deepEqual(spec.argv.slice(4), ["kernel", "--config-path", "{connection_file}"]);
  assert.equal(spec.language, "typescript");
});

test("export page names are unique per folder; Chromium runs with the offline flags", () => {
  assert.equal(pageName(path.join(NOTEBOOKS, "02-random-search.ipynb")), "02-random-search.html");
  assert.equal(pageName(path.join(NOTEBOOKS, "exercises", "01-svm.ipynb")), "exercises-01-svm.html");
  const flags = chromiumFlags("/tmp/x");
  for (const f of ["--headless", "--no-sandbox", "--disable-background-networking", "--user-data-dir=/tmp/x"]) assert.ok(flags.includes(f));
});

test("the build reports on stderr and only what it changed, so `npm run -s grade -- --json` (which builds first) prints the JSON alone", () => {
  const { spawnSync } = require("child_process") as typeof import("child_process");
  const root = path.resolve(NOTEBOOKS, "..");
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "", `node ${args.join(" ")} wrote to stdout`);
    return r.stderr;
  };
  const bundle = path.join(root, "assets", "explore.js");
  fs.rmSync(bundle, { force: true });
  assert.match(run("dist/cli/bundle.js"), /^optimlab: built assets\/explore\.js \(explorables\): [\d.]+ KB, [\d.]+ KB gzipped\n$/);
  assert.ok(fs.statSync(bundle).size > 1000);
  assert.equal(run("dist/cli/bundle.js"), "", "an unchanged bundle is not reported");
  run("dist/cli/setup.js", "build");
});
