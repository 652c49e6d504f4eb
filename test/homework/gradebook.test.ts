/**
 * The gradebook on its own (no grading): stable columns when exercises arrive in any order,
 * identity across re-grades for names a spreadsheet would take for a formula, a row for a
 * student whose notebook could not be graded, and the CSV parser on quotes and CRLF.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeGradebook } from "../../src/homework/gradebook";
import { emptyReport, SubmissionReport } from "../../src/homework/report";
import { parseCsv } from "../../src/homework/writtenAnswers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-gradebook-test-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function report(exercise: string, parts: [string, number, number][]): SubmissionReport {
  const r = emptyReport(`${exercise}.ipynb`);
  r.exercise = exercise;
  r.exercises = parts.map(([name, score, max]) => ({ name, score, max, feedback: "" }));
  r.score = parts.reduce((s, p) => s + p[1], 0);
  r.max = parts.reduce((s, p) => s + p[2], 0);
  return r;
}

test("columns: exercises in id order, parts in notebook order, whatever order they are graded in", () => {
  const file = path.join(tmp, "order.csv");
  writeGradebook(file, [{ student: "zoe", report: report("02-b", [["y", 1, 2], ["x", 2, 2]]) }]);
  writeGradebook(file, [{ student: "amy", report: report("01-a", [["q", 1, 1]]) }, { student: "amy", report: report("03-c", [["k", 0, 4]]) }]);
  const rows = parseCsv(fs.readFileSync(file, "utf8"));
  assert.deepEqual(rows[0], ["student", "01-a/q", "02-b/y", "02-b/x", "03-c/k", "total"]);
  assert.deepEqual(rows.slice(1), [["amy", "1", "", "", "0", "1"], ["zoe", "", "1", "2", "", "3"]]);
});

test("names like formulas keep their identity across re-grades; an ungraded notebook still gets its row", () => {
  const file = path.join(tmp, "names.csv");
  const broken = emptyReport("broken.ipynb");
  broken.errors.push("not valid JSON");
  for (const score of [1, 2]) {
    writeGradebook(file, [
      { student: "=HYPERLINK(\"x\")", report: report("01-a", [["q", score, 2]]) },
      { student: "-bob", report: report("01-a", [["q", score, 2]]) },
      { student: "dan", report: broken },
    ]);
  }
  const text = fs.readFileSync(file, "utf8");
  const rows = parseCsv(text);
  assert.deepEqual(rows.map((r) => r[0]), ["student", "'-bob", "'=HYPERLINK(\"x\")", "dan"], text);
  assert.deepEqual(rows.slice(1).map((r) => r.slice(1)), [["2", "2"], ["2", "2"], ["", "0"]]);
});

test("parseCsv: quoted fields with commas, doubled quotes, newlines; CRLF", () => {
  assert.deepEqual(parseCsv('a,"b, ""c""\nd"\r\ne,f\r\n'), [["a", 'b, "c"\nd'], ["e", "f"]]);
});
