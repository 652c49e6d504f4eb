/**
 * Student copies, cell compiling, the wire format and the comparison: the pieces of the grader
 * that run in the grader's own process (no child processes here, so this file is fast).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { assignFolder, studentCopy } from "../../src/homework/assign";
import { compare } from "../../src/homework/compare";
import { compileCell } from "../../src/homework/compileCells";
import { gradedCells } from "../../src/homework/prepareSubmission";
import { collectHiddenTests, hiddenTests } from "../../src/homework/hiddenTests";
import { cellText, Notebook, parseNotebook } from "../../src/homework/notebook";
import { selfCheck } from "../../src/homework/selfCheck";
import { decode, encode } from "../../src/homework/wire";
import * as ol from "../../src/index";
import { standinCourse, standinSource } from "./standin";

test("studentCopy: solutions become a stub that throws, hidden tests go, outputs are cleared, roles are marked", () => {
  const src = standinSource();
  src.cells[2].outputs = [{ output_type: "stream", name: "stdout", text: "old" }];
  src.cells[2].execution_count = 7;
  const copy = studentCopy(src, "standin");
  const texts = copy.cells.map(cellText);
  // 7 cells in the source, the hidden-tests cell (only hidden code) is dropped
  assert.equal(copy.cells.length, 6);
  assert.equal(texts.some((t) => t.includes("HIDDEN") || t.includes("hiddenTests")), false);
  assert.equal(texts.some((t) => t.includes("BEGIN SOLUTION") || t.includes("out[i] = a[i] + alpha")), false);
  assert.equal(
    texts[2],
    'function scaleAdd(a: number[], b: number[], alpha: number): Float64Array {\n  // YOUR CODE HERE\n  throw new Error("not implemented");\n}',
  );
  // the stub keeps the indentation of the region it replaces (inside step of momentumRule)
  assert.match(texts[4], /\n {6}\/\/ YOUR CODE HERE\n {6}throw new Error\("not implemented"\);\n {4}\},/);
  assert.deepEqual(copy.cells.map((c) => c.metadata.optimlab?.role), [undefined, "given", "solution", "solution", "solution", "given"]);
  for (const c of copy.cells.filter((c) => c.cell_type === "code")) {
    assert.deepEqual(c.outputs, []);
    assert.equal(c.execution_count, null);
  }
  assert.equal(copy.metadata.optimlab.copy, "student");
  assert.equal(copy.metadata.optimlab.exercise, "00-standin");
  // the source is not changed
  assert.equal(src.cells[2].execution_count, 7);
});

test("studentCopy: cells marked in metadata; unmatched markers and missing metadata are errors", () => {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { optimlab: { exercise: "x" } },
    cells: [
      { cell_type: "code", source: "const answer = 42;", metadata: { optimlab: { solution: true } } },
      { cell_type: "code", source: "secret();", metadata: { optimlab: { hidden: true } } },
    ],
  };
  const copy = studentCopy(nb);
  assert.equal(copy.cells.length, 1);
  assert.equal(cellText(copy.cells[0]), '// YOUR CODE HERE\nthrow new Error("not implemented");');
  const open = { ...nb, cells: [{ cell_type: "code" as const, source: "// BEGIN SOLUTION\nx", metadata: {} }] };
  assert.throws(() => studentCopy(open, "ex.ipynb"), /studentCopy: ex\.ipynb cell 1: "\/\/ BEGIN SOLUTION" without "\/\/ END SOLUTION"/);
  const stray = { ...nb, cells: [{ cell_type: "code" as const, source: "x\n// END HIDDEN TESTS", metadata: {} }] };
  assert.throws(() => studentCopy(stray, "ex.ipynb"), /cell 1: "\/\/ END HIDDEN TESTS" on line 2 without/);
  assert.throws(() => studentCopy({ ...nb, metadata: {} }, "ex.ipynb"), /studentCopy: ex\.ipynb has no "optimlab\.exercise"/);
});

test("assignFolder writes one student copy per exercise, valid notebooks without solutions", () => {
  const c = standinCourse();
  try {
    const out = path.join(c.root, "release");
    const written = assignFolder(c.exercisesDir, out);
    assert.deepEqual(written, [path.join(out, "00-standin.ipynb")]);
    const text = fs.readFileSync(written[0], "utf8");
    const nb = parseNotebook(text, "copy");
    assert.equal(nb.metadata.kernelspec.name, "optimlab");
    assert.equal(text.includes("BEGIN SOLUTION"), false);
    assert.equal(text.includes("hiddenTests"), false);
  } finally {
    fs.rmSync(c.root, { recursive: true, force: true });
  }
});

test("parseNotebook: clear errors for non-JSON, non-notebooks and other nbformats", () => {
  assert.throws(() => parseNotebook("{", "a.ipynb"), /^Error: a\.ipynb: not valid JSON/);
  assert.throws(() => parseNotebook("[1]", "a.ipynb"), /a\.ipynb: not a Jupyter notebook \(no "cells" list\)/);
  assert.throws(() => parseNotebook('{"cells": [], "nbformat": 3}', "a.ipynb"), /a\.ipynb: nbformat must be 4, got 3/);
  assert.throws(() => parseNotebook('{"cells": [{"cell_type": "x"}], "nbformat": 4}', "a.ipynb"), /cell 1 is not a notebook cell/);
});

test("gradedCells: in a source notebook only solution cells; never hidden test code", () => {
  const cells = gradedCells(standinSource());
  assert.deepEqual(cells.map((c) => c.label), ["cell 3", "cell 4", "cell 5"]);
  const copy = studentCopy(standinSource());
  copy.cells.push({ cell_type: "code", source: "// BEGIN HIDDEN TESTS\nconst leak = 1;\n// END HIDDEN TESTS\nconst mine = 2;", metadata: {} });
  const graded = gradedCells(copy);
  // the 3 solution cells and the added one, whose hidden region is cut out
  assert.deepEqual(graded.map((c) => c.label), ["cell 3", "cell 4", "cell 5", "cell 7"]);
  assert.equal(graded[3].text, "const mine = 2;");
});

test("compileCell keeps definitions, turns imports into var requires, and reports syntax errors", () => {
  const c = compileCell(
    'import * as ol from "optimlab";\nimport { dot, norm2 as n2 } from "optimlab";\nconsole.log("trying things");\nfor (;;) {}\nconst k: number = 2;\nfunction f(x: number): number { return k * x; }',
    "cell 2",
  );
  assert.equal(c.error, undefined);
  assert.match(c.code, /var ol = require\("optimlab"\);/);
  assert.match(c.code, /var \{ dot, norm2: n2 \} = require\("optimlab"\);/);
  assert.match(c.code, /const k = 2;/);
  assert.match(c.code, /function f\(x\) \{ return k \* x; \}/);
  assert.equal(c.code.includes("console.log"), false);
  assert.equal(c.code.includes("for (;;)"), false);
  const bad = compileCell("function f( {", "cell 9");
  assert.equal(bad.code, "");
  assert.match(bad.error!, /^cell 9 does not compile: .* \(line 1\)$/);
});

test("encode/decode: typed arrays, NaN and Infinity, functions by source; hostile values become $bad", () => {
  const v = { a: Float64Array.of(1, NaN, -Infinity), y: Int32Array.of(2, 0), m: { rows: 1, cols: 2, data: Float64Array.of(3, 4) } };
  const back = decode(JSON.parse(JSON.stringify(encode(v)))) as any;
  assert.deepEqual(Array.from(back.a), [1, NaN, -Infinity]);
  assert.ok(back.y instanceof Int32Array);
  assert.equal(Object.getPrototypeOf(back), null); // a submission's keys cannot reach the grader's prototypes
  const cyclic: any = { x: 1 };
  cyclic.self = cyclic;
  assert.deepEqual(encode(cyclic), { x: 1, self: { $bad: "a cycle" } });
  const trap = new Proxy({}, { ownKeys() { throw new Error("no"); } });
  assert.deepEqual(encode(trap), { $bad: "a value that throws when read" });
  assert.deepEqual(encode({ __proto__x: 1, ["__proto__"]: 5 }), { __proto__x: 1 });
  // functions: refused in the grader, rebuilt from source in the submission's process
  const f = decode({ $fn: "x => x[0] * 3" }, true) as (x: number[]) => number;
  assert.equal(f([2]), 6);
  assert.equal((decode({ $fn: "x => 1" }) as any).$bad, "a function");
});

test("compare: relative error max|a-b|/max(1e-8,|a|+|b|), shapes, and the worst entry named", () => {
  // |1.1 - 1| / (1.1 + 1) = 0.1 / 2.1 = 0.047619…
  const c = compare(Float64Array.of(0, 1.1), Float64Array.of(0, 1), 1e-6);
  assert.equal(c.ok, false);
  assert.ok(Math.abs(c.relativeError - 0.1 / 2.1) < 1e-12);
  assert.equal(c.detail, "result[1]: expected 1, got 1.10000");
  const m = (data: number[]) => ({ rows: 2, cols: 2, data: Float64Array.from(data) });
  const g = compare({ loss: 2, grad: m([1, 2, 3, 4]) }, { loss: 2, grad: m([1, 2, 3, 5]) }, 1e-6);
  assert.equal(g.detail, "grad[1,1]: expected 5, got 4");
  assert.match(compare({ rows: 4, cols: 1, data: [1, 2, 3, 4] }, m([1, 2, 3, 4]), 1).detail, /expected a 2×2 matrix, got 4×1/);
  assert.equal(compare([NaN], [NaN], 0).ok, true);
  assert.equal(compare(undefined, 3, 1).ok, false);
  // 1e-9 vs 0: |1e-9| / max(1e-8, 1e-9) = 0.1
  assert.ok(Math.abs(compare(1e-9, 0, 1).relativeError - 0.1) < 1e-15);
});

test("hiddenTests computes expected values with the reference, from inputs copied first", () => {
  const [ex] = collectHiddenTests(() => {
    hiddenTests("double", { points: 2, timeout: 3 }, (t) => {
      // a reference that changes its input in place: the recorded input must be the original
      t.call("x = [1, 2]", "double", [Float64Array.of(1, 2)], (x: Float64Array) => {
        x[0] = 100;
        return ol.scale(2, x);
      });
    });
  });
  assert.equal(ex.cases.length, 1);
  assert.deepEqual(ex.cases[0].args, [{ $f64: [1, 2] }]);
  assert.deepEqual(Array.from(ex.cases[0].expected as Float64Array), [200, 4]);
  assert.equal(ex.timeout, 3);
  assert.throws(() => hiddenTests("x", { points: 0 }, () => undefined), /hiddenTests: points must be > 0, got 0/);
  assert.throws(() => collectHiddenTests(() => hiddenTests("x", { points: 1 }, () => undefined)), /hiddenTests: "x" declares no cases/);
});

test("selfCheck prints PASS/FAIL with the relative error, and a stub is a FAIL line, not an error", () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (s: string) => lines.push(s);
  try {
    selfCheck("same", () => [[1, 2], [1, 2]]);
    selfCheck("stub", () => { throw new Error("not implemented"); });
    selfCheck("grad", () => ({ maxRelativeError: 1e-3 }), { tol: 1e-5 });
  } finally {
    console.log = log;
  }
  assert.deepEqual(lines, [
    "PASS  same: relative error 0 (tolerance 0.000001)",
    "FAIL  stub: not implemented yet: complete the cell above",
    "FAIL  grad: gradient check: relative error 0.00100000 (tolerance 0.00001)",
  ]);
});
