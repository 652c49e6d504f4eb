/**
 * The grader against real processes: a solution scores full marks, an untouched student copy
 * scores zero, and hostile submissions score what their honest functions earn, whatever they try,
 * without touching the hidden tests, the solutions or the other submissions' results.
 *
 * The stand-in exercise (standin.ts) has three parts: scaleAdd 3 points, centeredGradient 2,
 * momentumRule 2 (7 in all). One batch grades everything, so the suite pays for process start-up
 * once per job, not once per test.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { studentCopy } from "../../src/homework/assign";
import { gradeFiles, SubmissionReport } from "../../src/homework/grade";
import { formatReports } from "../../src/homework/formatReport";
import { Notebook, toSource } from "../../src/homework/notebook";
import { SOLUTIONS, standinCourse, standinSource } from "./standin";

const TIMEOUT = 2; // seconds per exercise: the infinite loops below cost this much
const course = standinCourse();
const marker = path.join(course.root, "pwned");
let reports = new Map<string, SubmissionReport>();
let sourceHash = "";
let gradeMs = 0;

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A student copy with its three solution cells replaced and extra cells appended. */
function submission(parts: { scaleAdd?: string; centeredGradient?: string; momentumRule?: string }, extra: string[] = []): Notebook {
  const nb = studentCopy(standinSource(), "standin");
  for (const cell of nb.cells) {
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    for (const name of ["scaleAdd", "centeredGradient", "momentumRule"] as const) {
      if (cell.metadata?.optimlab?.role === "solution" && text.includes(`function ${name}(`) && parts[name] !== undefined) {
        cell.source = toSource(parts[name]!);
      }
    }
  }
  for (const e of extra) nb.cells.push({ cell_type: "code", source: e, metadata: {}, outputs: [], execution_count: null });
  return nb;
}

const honest = SOLUTIONS;
const files: Record<string, Notebook | string> = {
  solution: standinSource(),
  filled: submission(honest),
  untouched: studentCopy(standinSource(), "standin"),
  // Prints a perfect score and writes fake "result" and "done" lines where the runner writes.
  fakeOutput: submission({}, [
    `const fake = (() => {
      console.log("scaleAdd 3/3\\ncenteredGradient 2/2\\nmomentumRule 2/2\\ntotal 7/7");
      const fs = require("fs");
      for (let id = 0; id < 3; id++) fs.writeSync(3, JSON.stringify({ type: "result", id, ok: true, value: { $f64: [1, 2, 3] } }) + "\\n");
      fs.writeSync(3, '{"type":"done"}\\n');
      return 1;
    })();`,
  ]),
  // Replaces Math, Object.prototype, Array.prototype, JSON and the library; scaleAdd is honest.
  overrides: submission({ scaleAdd: honest.scaleAdd, centeredGradient: "function centeredGradient(f: any, x: any) { return ol.numericalGradient(f, x); }" }, [
    `const tamper = (() => {
      Math.abs = () => 0; Math.max = () => 1e300; Number.isFinite = () => true;
      (Object.prototype as any).ok = true; (Object.prototype as any).score = 7;
      Array.prototype.every = () => true; Array.isArray = () => true;
      JSON.stringify = () => '{"type":"result","id":0,"ok":true,"value":0}';
      (ol as any).momentum = () => ({ step() {}, reset() {} });
      (globalThis as any).compare = () => ({ ok: true });
      return 1;
    })();`,
  ]),
  // Throws and returns things that are hard to read; momentumRule is honest.
  oddValues: submission(
    {
      scaleAdd: "function scaleAdd() { throw new Proxy({}, { get() { throw new Error('gotcha'); }, getPrototypeOf() { throw 1; } }); }",
      centeredGradient: "function centeredGradient(): any { const a: any = { x: 1 }; a.self = a; return new Proxy(a, { ownKeys() { throw 2; } }); }",
      momentumRule: honest.momentumRule,
    },
    ["const boom = (() => { throw Symbol('odd'); })();", "throw null;"],
  ),
  // Tries to end the process in every way it can; scaleAdd and momentumRule are honest.
  exits: submission(
    {
      scaleAdd: honest.scaleAdd,
      centeredGradient: "function centeredGradient(): any { process.exit(0); (process as any).reallyExit(0); process.kill(process.pid, 'SIGKILL'); }",
      momentumRule: honest.momentumRule,
    },
    ["const bye = process.exit(3);"],
  ),
  // Eats memory in one part: that part fails, the others are graded.
  memory: submission({
    scaleAdd: honest.scaleAdd,
    centeredGradient: "function centeredGradient(): any { const hog: Float64Array[] = []; for (;;) hog.push(new Float64Array(1 << 24).fill(1)); }",
  }),
  // Tries to start processes and threads, then computes honestly.
  fork: submission({
    scaleAdd: honest.scaleAdd.replace("{", `{ try { require("child_process").execSync("touch ${marker}"); } catch {}`),
    centeredGradient: honest.centeredGradient.replace(
      "{",
      `{ try { new (require("worker_threads").Worker)("require('fs').writeFileSync('${marker}', 'x')", { eval: true }); } catch {}`,
    ),
  }),
  // Reads the hidden tests (directly and through node_modules/optimlab, a link to the repository)
  // and writes over them; any success returns a wrong answer, so a full score proves all failed.
  files: submission({
    scaleAdd: honest.scaleAdd.replace(
      "{",
      `{ const fs = require("fs");
        for (const p of [${JSON.stringify(course.sourceFile)}, "/etc/hostname", "${path.resolve("node_modules/optimlab/package.json")}"]) {
          try { fs.readFileSync(p); return new Float64Array(0); } catch {}
        }
        for (const p of [${JSON.stringify(course.sourceFile)}, ${JSON.stringify(marker)}, "local.txt"]) {
          try { fs.writeFileSync(p, "{}"); return new Float64Array(0); } catch {}
        }`,
    ),
  }),
  // An infinite loop in one part: "timed out", the other parts graded.
  loop: submission({ scaleAdd: "function scaleAdd(): any { while (true) {} }", centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }),
  // An infinite loop at the top level: every part times out.
  topLoop: submission(honest, ["const spin = (() => { for (;;) {} })();"]),
  notJson: "{ this is not json",
  notCourse: JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }),
  syntaxError: submission({ scaleAdd: "function scaleAdd( {", momentumRule: honest.momentumRule }),
};

before(async () => {
  sourceHash = sha(course.sourceFile);
  const paths: string[] = [];
  for (const [name, nb] of Object.entries(files)) {
    const p = path.join(course.root, `${name}.ipynb`);
    fs.writeFileSync(p, typeof nb === "string" ? nb : JSON.stringify(nb));
    paths.push(p);
  }
  const t0 = Date.now();
  const list = await gradeFiles(paths, { exercisesDir: course.exercisesDir, timeout: TIMEOUT, jobs: 2, memoryMb: 256 });
  gradeMs = Date.now() - t0;
  reports = new Map(list.map((r) => [path.basename(r.file, ".ipynb"), r]));
  console.log(formatReports(list));
  console.log(`graded ${list.length} submissions in ${gradeMs} ms`);
});

after(() => fs.rmSync(course.root, { recursive: true, force: true }));

function scores(name: string): Record<string, number> {
  const r = reports.get(name)!;
  assert.deepEqual(r.errors, [], `${name}: ${r.errors.join("; ")}`);
  return Object.fromEntries(r.exercises.map((e) => [e.name, e.score]));
}

function feedback(name: string, part: string): string {
  return reports.get(name)!.exercises.find((e) => e.name === part)!.feedback;
}

test("the source notebook and a filled-in copy score full marks (3 + 2 + 2 = 7)", () => {
  for (const name of ["solution", "filled"]) {
    assert.deepEqual(scores(name), { scaleAdd: 3, centeredGradient: 2, momentumRule: 2 });
    assert.equal(reports.get(name)!.score, 7);
    assert.equal(reports.get(name)!.max, 7);
    assert.match(feedback(name, "scaleAdd"), /all 3 hidden cases passed/);
  }
});

test("an untouched student copy scores zero and says the functions are not implemented", () => {
  assert.deepEqual(scores("untouched"), { scaleAdd: 0, centeredGradient: 0, momentumRule: 0 });
  assert.equal(reports.get("untouched")!.max, 7);
  assert.match(feedback("untouched", "scaleAdd"), /0\/3 hidden cases passed; every failed case: not implemented/);
});

test("fake printed results and fake result lines score nothing", () => {
  assert.deepEqual(scores("fakeOutput"), { scaleAdd: 0, centeredGradient: 0, momentumRule: 0 });
});

test("overriding Math, prototypes, JSON and the library scores only the honest scaleAdd", () => {
  // centeredGradient calls ol.numericalGradient, which the grader hides for that part
  assert.deepEqual(scores("overrides"), { scaleAdd: 3, centeredGradient: 0, momentumRule: 0 });
  assert.match(feedback("overrides", "centeredGradient"), /called numericalGradient, which is hidden while grading/);
});

test("odd thrown and returned values fail their parts and nothing else", () => {
  assert.deepEqual(scores("oddValues"), { scaleAdd: 0, centeredGradient: 0, momentumRule: 2 });
  assert.match(feedback("oddValues", "scaleAdd"), /every failed case: threw an error/);
  assert.match(feedback("oddValues", "centeredGradient"), /every failed case: wrong result/);
});

test("process.exit and friends cannot end the grading of the other parts", () => {
  assert.deepEqual(scores("exits"), { scaleAdd: 3, centeredGradient: 0, momentumRule: 2 });
  assert.match(feedback("exits", "centeredGradient"), /process\.exit is not allowed while grading/);
});

test("a part that eats memory is stopped; the other parts are graded", () => {
  assert.deepEqual(scores("memory"), { scaleAdd: 3, centeredGradient: 0, momentumRule: 0 });
  assert.match(feedback("memory", "centeredGradient"), /used more than 256 MB of memory/);
});

test("starting processes or threads is refused (no marker file) and honest code still scores", () => {
  assert.deepEqual(scores("fork"), { scaleAdd: 3, centeredGradient: 2, momentumRule: 0 });
  assert.equal(fs.existsSync(marker), false);
});

test("reading or writing files outside the working copy is refused; the hidden tests are untouched", () => {
  assert.deepEqual(scores("files"), { scaleAdd: 3, centeredGradient: 0, momentumRule: 0 });
  assert.equal(sha(course.sourceFile), sourceHash);
  assert.equal(fs.existsSync(marker), false);
  assert.deepEqual(fs.readdirSync(course.exercisesDir), ["00-standin.ipynb"]);
});

test(`an infinite loop costs its part, "timed out after ${TIMEOUT} s"; the others are graded`, () => {
  assert.deepEqual(scores("loop"), { scaleAdd: 0, centeredGradient: 2, momentumRule: 2 });
  assert.match(feedback("loop", "scaleAdd"), new RegExp(`timed out after ${TIMEOUT} s`));
  assert.deepEqual(scores("topLoop"), { scaleAdd: 0, centeredGradient: 0, momentumRule: 0 });
  assert.match(feedback("topLoop", "momentumRule"), /timed out/);
});

test("a cell that does not compile costs what it defines and is named in the feedback", () => {
  assert.deepEqual(scores("syntaxError"), { scaleAdd: 0, centeredGradient: 0, momentumRule: 2 });
  assert.match(feedback("syntaxError", "scaleAdd"), /scaleAdd is not defined.*cell \d+ does not compile/);
});

test("a file that is not JSON, or not one of the course's notebooks, gets a clear error", () => {
  const bad = reports.get("notJson")!;
  assert.equal(bad.score, 0);
  assert.deepEqual(bad.exercises, []);
  assert.match(bad.errors[0], /notJson\.ipynb: not valid JSON/);
  assert.match(reports.get("notCourse")!.errors[0], /not a notebook of this course's exercises.*"optimlab\.exercise" is missing; known: 00-standin/);
});

test("the batch of hostile submissions did not change the honest ones' results", () => {
  // same scores as when graded alone (first test), and every report accounted for
  assert.equal(reports.size, Object.keys(files).length);
  assert.equal(reports.get("filled")!.score, 7);
});

test("npm run grade -- --json prints the report format and exits 0 whatever the scores", () => {
  const cli = path.resolve(__dirname, "../../src/cli/grade.js");
  const r = spawnSync(
    process.execPath,
    [cli, "--json", "--exercises", course.exercisesDir, path.join(course.root, "untouched.ipynb"), path.join(course.root, "notJson.ipynb")],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.length, 2);
  assert.deepEqual(Object.keys(out[0]), ["file", "exercise", "score", "max", "exercises", "errors", "notes"]);
  assert.equal(out[0].exercise, "00-standin");
  assert.equal(out[1].exercise, null);
  assert.deepEqual(Object.keys(out[0].exercises[0]), ["name", "score", "max", "feedback"]);
  assert.equal(out[0].score, 0);
  assert.equal(out[0].max, 7);
  assert.match(out[1].errors[0], /not valid JSON/);
});
