/**
 * Every notebook runs top to bottom through real Jupyter (nbclient) on the project's tslab
 * kernel; the executed copies are exported to offline HTML and opened in real headless Chromium,
 * where every figure must be drawn. Needs `npm run build` first (npm test does it).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXECUTED, listNotebooks, runNotebooks } from "../../src/cli/notebooks";
import { executedCopy, exportSite, pageName } from "../../src/cli/export";
import { figureReport, renderedDom } from "../../src/cli/browser";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const notebooks = listNotebooks(NOTEBOOKS);
const rel = (f: string) => path.relative(ROOT, f);

interface Cell { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null }
const cellsOf = (f: string): Cell[] => JSON.parse(fs.readFileSync(f, "utf8")).cells;

test("the course has its notebooks", () => {
  const names = notebooks.map((f) => path.basename(f));
  for (const n of ["00-index.ipynb", "02-random-search.ipynb"]) assert.ok(names.includes(n), `${n} is missing`);
});

test("notebooks are committed without outputs or execution counts", () => {
  for (const f of notebooks) {
    const nb = JSON.parse(fs.readFileSync(f, "utf8"));
    assert.equal(nb.metadata?.kernelspec?.name, "optimlab", `${rel(f)}: kernelspec must be optimlab`);
    for (const [i, c] of (nb.cells as Cell[]).entries()) {
      if (c.cell_type !== "code") continue;
      assert.deepEqual(c.outputs ?? [], [], `${rel(f)} cell ${i} has outputs`);
      assert.ok(c.execution_count == null, `${rel(f)} cell ${i} has an execution count`);
    }
  }
});

const ran = new Set<string>();
for (const f of notebooks) {
  test(`runs top to bottom: ${rel(f)}`, { timeout: 600_000 }, () => {
    const r = runNotebooks([f]);
    assert.ok(r.ok, `\n${r.output}`);
    ran.add(f);
  });
}

/** The printed text of a notebook's executed copy (stdout streams and text/plain displays). */
function printed(file: string): string {
  return cellsOf(file)
    .flatMap((c) => (c.outputs ?? []) as { output_type: string; text?: string | string[]; data?: Record<string, unknown> }[])
    .map((o) => (o.output_type === "stream" ? ([] as string[]).concat(o.text ?? []).join("") : String(o.data?.["text/plain"] ?? "")))
    .join("\n");
}

test("02-random-search: executed copy under 2 MB; a second run prints the same numbers", { timeout: 600_000 }, () => {
  const f = path.join(NOTEBOOKS, "02-random-search.ipynb");
  assert.ok(ran.has(f), "02-random-search did not run");
  const first = executedCopy(f, EXECUTED);
  const size = fs.statSync(first).size;
  assert.ok(size < 2e6, `executed copy is ${(size / 1e6).toFixed(2)} MB`);
  const again = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-rerun-"));
  const r = runNotebooks([f], { out: again });
  assert.ok(r.ok, r.output);
  // wall-clock times differ between runs; everything else must not
  const strip = (s: string) => s.replace(/[\d.]+\s*(ms|s)\b/g, "<time>");
  assert.equal(strip(printed(executedCopy(f, again))), strip(printed(first)));
  assert.match(printed(first), /in attempt \d+ the loss was/);
});

test("the exported site draws every figure in headless Chromium", { timeout: 900_000 }, () => {
  const pagesToCheck = notebooks.filter((f) => ran.has(f) && !f.includes(`${path.sep}exercises${path.sep}`));
  assert.ok(pagesToCheck.length > 0, "no notebook ran");
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-site-"));
  const r = exportSite(pagesToCheck, { site, executedDir: EXECUTED });
  assert.ok(r.ok, r.output);
  assert.ok(fs.readFileSync(path.join(site, "index.html"), "utf8").includes(pageName(pagesToCheck[0])));
  for (const f of pagesToCheck) {
    const page = path.join(site, pageName(f));
    const html = fs.readFileSync(page, "utf8");
    assert.doesNotMatch(html, /<script[^>]+src="https?:/, `${pageName(f)} loads a script from the network`);
    const expected = (html.match(/class="optimlab-figure"/g) ?? []).length;
    const report = figureReport(renderedDom(page));
    assert.equal(report.figures, expected, `${pageName(f)}: ${report.figures} figure divs in the DOM, ${expected} in the HTML`);
    assert.deepEqual(report.notDrawn, [], `${pageName(f)}: figures not drawn: ${report.notDrawn.join(", ")}`);
  }
});

const FIXTURES = path.join(ROOT, "test", "notebooks", "fixtures");
interface Output { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> }
const outputsOf = (c: Cell) => (c.outputs ?? []) as Output[];
const joined = (t: string | string[] | undefined) => ([] as string[]).concat(t ?? []).join("");
/** An output as one string: `stdout: …` for a stream, `display: …` (its text/plain) for a display. */
const describeOutput = (o: Output) => (o.output_type === "stream" ? `${o.name}: ${joined(o.text)}` : `${o.output_type}: ${String(o.data?.["text/plain"] ?? "")}`);

test("no output is lost or reordered: 2000 lines, 1500 progress updates and 3 figures interleaved in one cell", { timeout: 300_000 }, () => {
  // measured under load before src/jupyter/outputQueue.ts: runs of 30 to 1700 lines lost
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-guard-"));
  const r = runNotebooks([path.join(FIXTURES, "output-stress.ipynb")], { out });
  assert.ok(r.ok, r.output);
  const [cell] = cellsOf(path.join(out, "output-stress.ipynb")).filter((c) => c.cell_type === "code");
  const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `line ${from + k}\n`).join("");
  const figure = (i: number) => `display_data: Figure: 1 trace (scatter) — figure after line ${i}`;
  const expected = [
    "display_data: progress done", // the progress line, shown first, in its final state
    `stdout: ${lines(0, 500)}`, figure(500),
    `stdout: ${lines(501, 1000)}`, figure(1000),
    `stdout: ${lines(1001, 1500)}`, figure(1500),
    `stdout: ${lines(1501, 1999)}last line\n`,
  ];
  const got = outputsOf(cell).map(describeOutput);
  assert.equal(got.length, expected.length, `outputs: ${got.map((g) => g.slice(0, 60)).join(" | ")}`);
  got.forEach((g, i) => assert.equal(g, expected[i], `output ${i} differs`));
  assert.equal(cell.execution_count, 1);
});

test("with --keep-going, the cells after a failing cell still run (tslab aborts requests for 200 ms)", { timeout: 300_000 }, () => {
  const file = path.join(FIXTURES, "keep-going.ipynb");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-keep-going-"));
  const r = runNotebooks([file], { out, keepGoing: true });
  assert.equal(r.ok, false, "a notebook with a failing cell fails, going on or not");
  assert.match(r.output, /cell 2 failed: CellExecutionError/);
  const code = cellsOf(path.join(out, "keep-going.ipynb")).filter((c) => c.cell_type === "code");
  assert.deepEqual(code.map((c) => c.execution_count), [1, 2, 3, 4]);
  assert.deepEqual(code.map((c) => outputsOf(c).filter((o) => o.name === "stdout").map((o) => joined(o.text))), [
    ["cell 1 ran\n"], [], ["cell 3 ran\n"], ["cell 4 ran\n"],
  ]);
  assert.match(outputsOf(code[1]).map(describeOutput).join(""), /stderr: .*cell 2 fails on purpose/s);
  // without it, the run stops at the failing cell
  const stopped = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-stop-"));
  assert.equal(runNotebooks([file], { out: stopped }).ok, false);
  const after = cellsOf(path.join(stopped, "keep-going.ipynb")).filter((c) => c.cell_type === "code").slice(2);
  assert.deepEqual(after.map((c) => [c.execution_count ?? null, outputsOf(c).length]), [[null, 0], [null, 0]]);
});

test("exported pages show execution counts and one stream block per cell (headless Chromium)", { timeout: 300_000 }, () => {
  const file = path.join(FIXTURES, "printing.ipynb");
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-printing-"));
  const r = exportSite([file], { site });
  assert.ok(r.ok, r.output);
  const dom = renderedDom(path.join(site, pageName(file)));
  const prompts = [...dom.matchAll(/class="jp-InputPrompt jp-InputArea-prompt">In(?:&nbsp;|\u00a0| )\[([^\]]*)\]/g)].map((m) => m[1]);
  assert.deepEqual(prompts, ["1", "2", "3"]);
  // each code cell of the page: its blocks of printed text (nbconvert's lab template writes a
  // stdout stream as a text/plain jp-RenderedText block), and the text in them
  const cells = dom.split(/<div[^>]*class="jp-Cell jp-CodeCell/).slice(1);
  assert.equal(cells.length, 3);
  const blocks = cells.map((c) => (c.match(/class="jp-RenderedText jp-OutputArea-output"/g) ?? []).length);
  assert.deepEqual(blocks, [1, 1, 0]);
  assert.match(cells[0], /first cell, line 1\nfirst cell, line 2\nfirst cell, line 3\nfirst cell, line 4\nfirst cell, line 5/);
  assert.match(cells[1], /second cell, line 1\nsecond cell, line 2\nsecond cell, line 3/);
});
