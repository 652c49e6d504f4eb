/**
 * scripts/notebook.js: to-percent then from-percent keeps the notebook's metadata (kernelspec, the
 * exercise's "optimlab") and every cell's (written-answer cells, the roles of a student copy), so an
 * exercise edited in its percent form is still one the grader accepts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { listExerciseFiles, studentCopy } from "../../src/homework/assign";
import { cellText, parseNotebook } from "../../src/homework/notebook";

const ROOT = path.resolve(__dirname, "../../..");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { fromPercent, toPercent } = require(path.join(ROOT, "scripts/notebook.js"));

const lessons = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) => path.join(ROOT, "notebooks", f));
const exercises = listExerciseFiles(path.join(ROOT, "notebooks/exercises"));

function assertSameMetadata(nb: any, back: any, what: string): void {
  assert.deepEqual(back.metadata, nb.metadata, `${what}: the notebook's metadata`);
  assert.equal(back.cells.length, nb.cells.length, `${what}: the number of cells`);
  nb.cells.forEach((c: any, i: number) => {
    assert.equal(back.cells[i].cell_type, c.cell_type, `${what} cell ${i}: its type`);
    assert.deepEqual(back.cells[i].metadata, c.metadata ?? {}, `${what} cell ${i}: its metadata`);
    assert.equal(cellText(back.cells[i]).trim(), cellText(c).trim(), `${what} cell ${i}: its text`);
  });
}

test("the round trip through the percent form keeps the metadata of every lesson and exercise notebook", () => {
  assert.ok(lessons.length >= 10 && exercises.length >= 9, `found ${lessons.length} lessons, ${exercises.length} exercises`);
  let withCellMetadata = 0;
  for (const file of [...lessons, ...exercises]) {
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    withCellMetadata += nb.cells.filter((c: any) => Object.keys(c.metadata ?? {}).length).length;
    assertSameMetadata(nb, fromPercent(toPercent(nb)), path.basename(file));
  }
  assert.ok(withCellMetadata > 0, "no cell with metadata: the test would not show a loss");
});

test("a student copy keeps its exercise metadata and cell roles through the round trip", () => {
  for (const file of exercises) {
    const copy = studentCopy(parseNotebook(fs.readFileSync(file, "utf8"), file), file);
    const nb = JSON.parse(JSON.stringify(copy));
    assert.ok(nb.metadata.optimlab?.exercise, `${file}: the copy has no optimlab.exercise`);
    assert.ok(nb.cells.some((c: any) => c.metadata?.optimlab?.role === "solution"), `${file}: no solution role`);
    assertSameMetadata(nb, fromPercent(toPercent(nb)), `student copy of ${path.basename(file)}`);
  }
});

test("a cell marker whose metadata is not a JSON object is refused with its line", () => {
  assert.throws(() => fromPercent("// %% [markdown] {not json\n// text\n"), /line 1: expected the cell marker to end in a JSON object of metadata/);
  assert.throws(() => fromPercent("// %%\nx\n// %% [notebook] {}\n"), /line 3: "\/\/ %% \[notebook\]" must be the first marker/);
});
