/**
 * What a new instructor met following the README: a relative path typed outside the course folder
 * (npm run runs scripts in the course folder) was "cannot be read (ENOENT)"; points above a
 * question's maximum in manual.csv were capped without a word.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listSubmissions, notFound } from "../../src/homework/submissionFiles";
import { addWrittenAnswers, readManualPoints } from "../../src/homework/writtenAnswers";
import type { SubmissionReport } from "../../src/homework/report";
import { answerPage } from "../../src/homework/answerPages";

test("a path given that does not exist is a row saying where it was looked for, and why under npm run", () => {
  const course = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-course-"));
  const typedIn = path.join(course, "..");
  // "" as not run by npm (undefined would take this test's own INIT_CWD, which `npm test` sets)
  assert.equal(notFound("submissions/", course, ""), `no such file or folder (looked for ${path.join(course, "submissions")})`);
  assert.equal(notFound("submissions/", course, course), `no such file or folder (looked for ${path.join(course, "submissions")})`);
  const elsewhere = notFound("submissions/", course, typedIn);
  assert.match(elsewhere, /npm run reads paths from the course folder/);
  assert.ok(elsewhere.includes(`not from ${path.resolve(typedIn)} where the command was typed`), elsewhere);
  assert.doesNotMatch(notFound("/nowhere/submissions", course, typedIn), /npm run/, "an absolute path does not depend on the folder");

  const missing = path.join(course, "no-such-folder");
  const list = listSubmissions([missing]);
  assert.deepEqual(list.files.map((f) => f.file), [missing]);
  assert.match(list.files[0].refused ?? "", /^no such file or folder \(looked for .*no-such-folder\)/);
  fs.rmSync(course, { recursive: true, force: true });
});

test("manual points above the question's points are capped, and the part's feedback says so", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-manual-"));
  const file = path.join(dir, "manual.csv");
  fs.writeFileSync(file, "student,question,points\ndave,08-forms-equal,2\ndave,08-schedule-breaks,5\nbob,08-forms-equal,\n");
  const questions = new Map([["08-momentum-forms", [
    { id: "08-forms-equal", points: 2, prompt: "equal?" },
    { id: "08-schedule-breaks", points: 2, prompt: "schedule?" },
  ]]]);
  const report = (): SubmissionReport => ({
    file: "x.ipynb", exercise: "08-momentum-forms", score: 8, max: 8, errors: [], notes: [],
    exercises: [{ name: "momentumSutskever", score: 8, max: 8, feedback: "all 4 hidden cases passed" }],
  });
  const manual = readManualPoints(file);
  const dave = report();
  addWrittenAnswers(dave, "dave", questions, manual);
  assert.deepEqual(dave.exercises.slice(1).map((e) => [e.name, e.score, e.max, e.feedback]), [
    ["08-forms-equal", 2, 2, "written answer: graded by hand"],
    ["08-schedule-breaks", 2, 2, "written answer: graded by hand (5 points given, capped at the question's 2)"],
  ]);
  assert.equal(dave.score, 12);
  assert.equal(dave.max, 12);
  const bob = report();
  addWrittenAnswers(bob, "bob", questions, manual);
  assert.deepEqual(bob.exercises.slice(1).map((e) => e.feedback), ["written answer: not graded yet (graded by hand)", "written answer: not graded yet (graded by hand)"]);
  assert.equal(bob.score, 8);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("an answer page says when nobody's notebook of the exercise was graded, and which answers still hold the placeholder", () => {
  const q = { id: "08-forms-equal", points: 2, prompt: "Why are the two forms equal?" };
  const empty = answerPage(q, []);
  assert.match(empty, /no notebook of this exercise was graded in this run/);
  const page = answerPage(q, [
    { student: "bob", file: "submissions/bob/08-momentum-forms.ipynb", text: "**Your answer.**\n\n_Write your answer here._" },
    { student: "dave", file: "submissions/dave/08-momentum-forms.ipynb", text: "**Your answer.**\n\nSubstitute v = -alpha u." },
  ]);
  assert.doesNotMatch(page, /no notebook of this exercise/);
  const [bob, dave] = page.split("<h2>").slice(1);
  assert.match(bob, /not answered: the cell still holds _Write your answer here\._/);
  assert.doesNotMatch(dave, /not answered/);
  assert.match(dave, /Substitute v = -alpha u\./);
});
