/**
 * `npm run grade` writing what a course keeps: the gradebook (--csv), feedback pages
 * (--feedback DIR, opened in real headless Chromium), and the written-answer round trip
 * (--answers DIR, then --manual FILE merged into the totals and the gradebook). The course is
 * the fixture exercise test/homework/fixtures/exercises/00-standin.ipynb (written questions).
 * Students: alice/ and BOB/ (folders), carol.ipynb (a bare file), mallory/ (hostile text).
 */
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { studentCopy } from "../../src/homework/assign";
import { parseCsv } from "../../src/homework/writtenAnswers";
import type { Notebook } from "../../src/homework/notebook";
import { launch, watchedPage } from "../explore/chromium";
import { SOLUTIONS } from "./standin";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "grade.js");
const EXERCISES = path.join(ROOT, "test", "homework", "fixtures", "exercises");
const SOURCE: Notebook = JSON.parse(fs.readFileSync(path.join(EXERCISES, "00-standin.ipynb"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-reports-test-"));
const subs = path.join(tmp, "submissions");
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BOB = 'bob, "co" & <b>'; // a comma, quotes, markup in a folder name
const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

/** A filled-in student copy: the given solutions, the given answers by id. */
function submission(parts: Partial<typeof SOLUTIONS>, answers: Record<string, string>): Notebook {
  const nb = studentCopy(SOURCE, "00-standin.ipynb");
  for (const cell of nb.cells) {
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    for (const [name, code] of Object.entries(parts)) {
      if (cell.metadata?.optimlab?.role === "solution" && text.includes(`function ${name}(`)) cell.source = code;
    }
    const id = cell.metadata?.optimlab?.answer;
    if (id && answers[id] !== undefined) cell.source = answers[id];
  }
  return nb;
}

function put(rel: string, nb: Notebook): void {
  const file = path.join(subs, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(nb));
}

function grade(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "--exercises", EXERCISES, "--json", ...args], { encoding: "utf8", timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { file: string; score: number; max: number; exercises: { name: string; score: number; max: number; feedback: string }[] }[];
}

const csvFile = path.join(tmp, "gradebook.csv");
const feedbackDir = path.join(tmp, "feedback");
const answersDir = path.join(tmp, "answers");
let first: ReturnType<typeof grade>;

before(() => {
  put("alice/00-standin.ipynb", submission(SOLUTIONS, { "00-why-new-array": "So the caller keeps `a`.", "00-centered-cost": "2 evaluations of f per coordinate." }));
  put(`${BOB}/00-standin.ipynb`, submission({ scaleAdd: SOLUTIONS.scaleAdd }, { "00-why-new-array": "no idea" }));
  put("carol.ipynb", submission({}, {}));
  const evil = `function scaleAdd(a: number[], b: number[], alpha: number): Float64Array { throw new Error(${JSON.stringify(HOSTILE)}); }`;
  put(`mallory/${HOSTILE.replace(/\//g, "_")}.ipynb`, submission({ scaleAdd: evil }, { "00-why-new-array": HOSTILE }));
  first = grade("--csv", csvFile, "--feedback", feedbackDir, "--answers", answersDir, "--feedback-level", "full", subs);
});

test("the student copy of an answer cell keeps its question and loses the model answer", () => {
  const copy = studentCopy(SOURCE, "00-standin.ipynb");
  const cells = copy.cells.filter((c) => c.metadata?.optimlab?.answer);
  assert.deepEqual(cells.map((c) => (c.source as string[]).join("")), ["_Write your answer here._", "Answer:\n_Write your answer here._"]);
  assert.deepEqual(cells.map((c) => c.metadata.optimlab.points), [2, 1]);
  assert.doesNotMatch(JSON.stringify(copy), /BEGIN SOLUTION|Two evaluations of f per coordinate|behind the caller/);
});

test("written answers score 0 until graded by hand; their maximum comes from the source", () => {
  const alice = first.find((r) => r.file.includes(`${path.sep}alice${path.sep}`))!;
  assert.deepEqual(alice.exercises.map((e) => [e.name, e.score, e.max]), [
    ["scaleAdd", 3, 3], ["centeredGradient", 2, 2], ["momentumRule", 2, 2], ["00-why-new-array", 0, 2], ["00-centered-cost", 0, 1],
  ]);
  assert.equal(alice.score, 7);
  assert.equal(alice.max, 10);
  assert.match(alice.exercises[3].feedback, /not graded yet/);
});

test("the gradebook: one row per student (folder name, a bare file's stem), a column per part, the total", () => {
  const rows = parseCsv(fs.readFileSync(csvFile, "utf8"));
  assert.deepEqual(rows[0], [
    "student", "00-standin/scaleAdd", "00-standin/centeredGradient", "00-standin/momentumRule",
    "00-standin/00-why-new-array", "00-standin/00-centered-cost", "total",
  ]);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ["alice", BOB, "carol", "mallory"]);
  assert.deepEqual(rows.find((r) => r[0] === "alice")!.slice(1), ["3", "2", "2", "0", "0", "7"]);
  assert.deepEqual(rows.find((r) => r[0] === BOB)!.slice(1), ["3", "0", "0", "0", "0", "3"]);
  assert.deepEqual(rows.find((r) => r[0] === "carol")!.slice(1), ["0", "0", "0", "0", "0", "0"]);
});

test("the answers pages and manual.csv; the filled-in CSV comes back into totals and gradebook; re-grading never duplicates", () => {
  assert.deepEqual(fs.readdirSync(answersDir).sort(), ["00-centered-cost.html", "00-why-new-array.html", "manual.csv"]);
  const why = fs.readFileSync(path.join(answersDir, "00-why-new-array.html"), "utf8");
  assert.match(why, /So the caller keeps `a`\./);
  assert.match(why, /no idea/);
  assert.ok(!why.includes("<script>window"), "hostile answer text is escaped");
  assert.ok(why.includes("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"));
  const manual = parseCsv(fs.readFileSync(path.join(answersDir, "manual.csv"), "utf8"));
  assert.deepEqual(manual[0], ["student", "question", "points"]);
  assert.equal(manual.length - 1, 8, "4 students × 2 questions");
  // the instructor fills in some points (more than the maximum is capped at it)
  const filled = manual.map((r, i) => i === 0 ? r : r[0] === "alice" ? [r[0], r[1], r[1] === "00-why-new-array" ? "2" : "5"] : r[0] === BOB && r[1] === "00-why-new-array" ? [r[0], r[1], "0.5"] : r);
  const manualFile = path.join(tmp, "manual-filled.csv");
  fs.writeFileSync(manualFile, filled.map((r) => r.map((f) => /[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f).join(",")).join("\r\n") + "\r\n");
  const again = grade("--csv", csvFile, "--manual", manualFile, path.join(subs, "alice"), path.join(subs, BOB));
  const alice = again.find((r) => r.file.includes(`${path.sep}alice${path.sep}`))!;
  assert.deepEqual(alice.exercises.slice(3).map((e) => [e.name, e.score, e.max]), [["00-why-new-array", 2, 2], ["00-centered-cost", 1, 1]]);
  assert.equal(alice.score, 10);
  const rows = parseCsv(fs.readFileSync(csvFile, "utf8"));
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ["alice", BOB, "carol", "mallory"], "rows overwritten, never duplicated");
  assert.equal(rows[0].length, 7, "same columns");
  assert.deepEqual(rows.find((r) => r[0] === "alice")!.slice(1), ["3", "2", "2", "2", "1", "10"]);
  assert.deepEqual(rows.find((r) => r[0] === BOB)!.slice(1), ["3", "0", "0", "0.5", "0", "3.5"]);
  assert.deepEqual(rows.find((r) => r[0] === "carol")!.slice(1), ["0", "0", "0", "0", "0", "0"], "a student not re-graded keeps the row");
});

test("a bad --manual file is a clear error naming the option and the columns", () => {
  const bad = path.join(tmp, "bad.csv");
  fs.writeFileSync(bad, "name,points\nalice,3\n");
  const r = spawnSync(process.execPath, [CLI, "--exercises", EXERCISES, "--manual", bad, path.join(subs, "carol.ipynb")], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--manual .*bad\.csv: the first row must name the columns student,question,points, got name,points/);
  const missing = spawnSync(process.execPath, [CLI, "--manual", path.join(tmp, "nope.csv"), subs], { encoding: "utf8" });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /grade: --manual must be an existing CSV file/);
});

test("feedback pages: one per notebook; in Chromium no script of a hostile submission runs, no console error", async () => {
  const pages = fs.readdirSync(feedbackDir).sort();
  assert.equal(pages.length, 4, pages.join(", "));
  const evilPage = pages.find((p) => p.startsWith("mallory--"))!;
  const html = fs.readFileSync(path.join(feedbackDir, evilPage), "utf8");
  assert.ok(!/<script|<img/i.test(html), "no element from the submission");
  const answerPages = fs.readdirSync(answersDir).filter((f) => f.endsWith(".html")).map((f) => path.join(answersDir, f));
  const browser = await launch();
  try {
    for (const file of [...pages.map((p) => path.join(feedbackDir, p)), ...answerPages]) {
      for (const withPolicy of [true, false]) {
        // without the Content-Security-Policy too: escaping alone must keep the scripts out
        let target = file;
        if (!withPolicy) {
          target = path.join(tmp, `nocsp-${path.basename(file)}`);
          fs.writeFileSync(target, fs.readFileSync(file, "utf8").replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
        }
        const w = await watchedPage(browser);
        await w.page.goto(`file://${target}`);
        const state = await w.page.evaluate(() => ({
          pwned: (window as any).__pwned,
          scripts: document.querySelectorAll("script").length,
          imgs: document.querySelectorAll("img").length,
          text: document.body.innerText,
        }));
        assert.equal(state.pwned, undefined, `${file}: a script ran`);
        assert.equal(state.scripts + state.imgs, 0, `${file}: an element from the submission`);
        assert.deepEqual(w.errors, [], `${file}`);
        assert.deepEqual(w.network, [], `${file}`);
        if (file.endsWith(evilPage)) {
          assert.ok(state.text.includes("<script>window.__pwned = 1</script>"), "the hostile text shows as text");
          assert.match(state.text, /scaleAdd\s+0\s+3/);
        }
        await w.page.context().close();
      }
    }
    const alice = pages.find((p) => p.startsWith("alice--"))!;
    const w = await watchedPage(browser);
    await w.page.goto(`file://${path.join(feedbackDir, alice)}`);
    const text = await w.page.evaluate(() => document.body.innerText);
    assert.match(text, /Points: 7 of 10/);
    assert.match(text, /momentumRule\s+2\s+2/);
    await w.page.context().close();
  } finally {
    await browser.close();
  }
});
