/**
 * The course's nine exercises (notebooks/exercises): their sources score full marks and their
 * untouched student copies score zero, with every part graded in a sandboxed process; each has two
 * or three written-answer cells in the shared format.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listExerciseFiles, studentCopy } from "../../src/homework/assign";
import { gradeFiles } from "../../src/homework/grade";
import { cellText, parseNotebook } from "../../src/homework/notebook";

const EXERCISES = path.resolve(__dirname, "../../../notebooks/exercises");

test("every exercise source scores full marks and its student copy zero (one submission of all nine exercises)", async () => {
  const sources = listExerciseFiles(EXERCISES);
  assert.equal(sources.length, 9);
    const n = sources.length;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-course-test-"));
  try {
    const copies = sources.map((f) => {
      const out = path.join(tmp, path.basename(f));
      fs.writeFileSync(out, JSON.stringify(studentCopy(parseNotebook(fs.readFileSync(f, "utf8"), f), f)));
      return out;
    });
    const t0 = Date.now();
    const reports = await gradeFiles([...sources, ...copies], { exercisesDir: EXERCISES });
    console.log(`graded ${n} sources and ${n} student copies in ${Date.now() - t0} ms`);
    for (const r of reports.slice(0, n)) {
      assert.deepEqual(r.errors, []);
      assert.ok(r.max > 0);
      assert.equal(r.score, r.max, `${r.file}: ${r.exercises.map((e) => `${e.name} ${e.feedback}`).join("; ")}`);
    }
    for (const r of reports.slice(n)) {
      assert.deepEqual(r.errors, []);
      assert.equal(r.score, 0, r.file);
      for (const e of r.exercises) assert.match(e.feedback, /not implemented/);
    }
    // 9 + 7 + 6 + 10 + 6 points in the practice exercises, 9 + 7 + 8 + 9 in the assessment ones
    assert.equal(reports.slice(0, n).reduce((s, r) => s + r.max, 0), 71);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("every exercise has two or three written-answer cells: unique ids prefixed by its number, points, a prompt, a model answer", () => {
  const ids = new Set<string>();
  for (const file of listExerciseFiles(EXERCISES)) {
    const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
    const number = path.basename(file).slice(0, 2);
    const answers = nb.cells.filter((c) => c.metadata?.optimlab?.answer !== undefined);
    assert.ok(answers.length >= 2 && answers.length <= 3, `${file}: ${answers.length} answer cells`);
    for (const cell of answers) {
      const { answer, points, prompt } = cell.metadata!.optimlab;
      assert.equal(cell.cell_type, "markdown", `${file}: ${answer}`);
      assert.match(answer, new RegExp(`^${number}-[a-z0-9-]+$`), file);
      assert.ok(!ids.has(answer), `answer id ${answer} used twice`);
      ids.add(answer);
      assert.ok(typeof points === "number" && points > 0, `${answer}: points ${points}`);
      assert.ok(typeof prompt === "string" && prompt.length > 10 && !prompt.includes("\n"), `${answer}: prompt`);
      const text = cellText(cell);
      const begin = text.indexOf("<!-- BEGIN SOLUTION -->"), end = text.indexOf("<!-- END SOLUTION -->");
      assert.ok(begin >= 0 && end > begin + 40, `${answer}: a model answer between the SOLUTION markers`);
      // the question itself is posed in the markdown cell just before
      const before = nb.cells[nb.cells.indexOf(cell) - 1];
      assert.equal(before.cell_type, "markdown", `${answer}: the cell before poses the question`);
      assert.match(cellText(before), /\*\*Question \d\.\*\*/, answer);
    }
    const kind = nb.metadata.optimlab.kind;
    if (kind === "practice") assert.match(cellText(nb.cells[0]), /\*Practice\.\* The library implements what this exercise asks/, file);
    else assert.equal(kind, "assessment", file);
  }
  assert.equal(ids.size, 2 + 3 + 2 + 2 + 2 + 2 + 2 + 2 + 3);
});
