/**
 * The course's five exercises (notebooks/exercises): their sources score full marks and their
 * untouched student copies score zero, with every part graded in a sandboxed process.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listExerciseFiles, studentCopy } from "../../src/homework/assign";
import { gradeFiles } from "../../src/homework/grade";
import { parseNotebook } from "../../src/homework/notebook";

const EXERCISES = path.resolve(__dirname, "../../../notebooks/exercises");

test("every exercise source scores full marks and its student copy zero (one submission of all five exercises)", async () => {
  const sources = listExerciseFiles(EXERCISES);
  assert.equal(sources.length, 5);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-course-test-"));
  try {
    const copies = sources.map((f) => {
      const out = path.join(tmp, path.basename(f));
      fs.writeFileSync(out, JSON.stringify(studentCopy(parseNotebook(fs.readFileSync(f, "utf8"), f), f)));
      return out;
    });
    const t0 = Date.now();
    const reports = await gradeFiles([...sources, ...copies], { exercisesDir: EXERCISES });
    console.log(`graded 5 sources and 5 student copies in ${Date.now() - t0} ms`);
    for (const r of reports.slice(0, 5)) {
      assert.deepEqual(r.errors, []);
      assert.ok(r.max > 0);
      assert.equal(r.score, r.max, `${r.file}: ${r.exercises.map((e) => `${e.name} ${e.feedback}`).join("; ")}`);
    }
    for (const r of reports.slice(5)) {
      assert.deepEqual(r.errors, []);
      assert.equal(r.score, 0, r.file);
      for (const e of r.exercises) assert.match(e.feedback, /not implemented/);
    }
    // 9 + 7 + 6 + 10 + 6 points in all
    assert.equal(reports.slice(0, 5).reduce((s, r) => s + r.max, 0), 38);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
