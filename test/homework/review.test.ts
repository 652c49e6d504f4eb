/**
 * The review of issue 12: attacks tried by a helper who had only the student copies and the
 * README, none of them in the list, each as a submission of the stand-in exercise
 * (scaleAdd 3 points, centeredGradient 2, momentumRule 2) with the exact outcome it must have,
 * graded in one batch under the real isolation, as in hostile.test.ts. Four of them broke the
 * grader before this review:
 *
 * - exitCodeChannel: a part whose process ends by itself was reported, at the default feedback
 *   level, as "the process ended before returning (exit code N)", and N is a byte the submission
 *   chooses (`process.exitCode = f(hidden input)`, then a promise that never settles): 8 bits of
 *   every hidden case's input in the report. The exit code and signal now show at "full" only.
 * - deepNotebook: a 20 MB notebook of nested brackets in its metadata cost the grader about 6 s
 *   and 700 MB in JSON.parse (seven of them: 3.6 GB, near the heap limit). Such a file is now
 *   refused before it is parsed.
 * - notUtf8: a file named with bytes that are not UTF-8 was listed, then failed as "cannot be read
 *   (ENOENT)" (its decoded name does not open it); it is now a row saying to rename it.
 * - (scorePart, the last test) doing nothing scored the edge cases of the course: an rmsprop whose step
 *   leaves x alone got 1 of 3 points, a relError returning 0 got 0.5 of 2.
 *
 * The others held; they stay here as guards.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { formatJson, formatReports } from "../../src/homework/formatReport";
import { gradeFiles, SubmissionReport } from "../../src/homework/grade";
import { MAX_NOTEBOOK_DEPTH, Notebook } from "../../src/homework/notebook";
import { batchReaders, gradeFolder, SOLUTIONS as honest, standinCourse, standinSubmission as submission } from "./standin";

const TIMEOUT = 4;
const course = standinCourse();
const dir = path.join(course.root, "subs");
const reports = new Map<string, SubmissionReport>();
let table = "";
let json = "";
let fullFeedback = "";

const withScale = (body: string) => `function scaleAdd(a: number[], b: number[], alpha: number): any { ${body} }`;
const withGradient = (body: string) => `function centeredGradient(f: any, x: Float64Array): any { ${body} }`;
const honestScale = "const out = new Float64Array(a.length); for (let i = 0; i < a.length; i++) out[i] = a[i] + alpha * b[i]; return out;";
const WRONG = "return new Float64Array(a.length).fill(12345);";
const onlyScale = (body: string) => ({ scaleAdd: withScale(body), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule });

/** name → [notebook, exact scores { scaleAdd, centeredGradient, momentumRule }] */
const attacks: Record<string, [Notebook, [number, number, number]]> = {};
const add = (name: string, nb: Notebook, s: [number, number, number]) => (attacks[name] = [nb, s]);

// ---- hidden inputs out through the grader's own words (BROKE: exit code in the report) ----
add("exitCodeChannel", submission(onlyScale("(process as any).exitCode = 3 + (Math.floor(Math.abs(a[0]) * 1000) % 250); return new Promise(() => {});")), [0, 2, 2]);
add("signalChannel", submission(onlyScale("try { (process as any)._kill(process.pid, a.length % 2 ? 15 : 12); } catch {} return new Promise(() => {});")), [0, 2, 2]);
add("errorNameChannel", submission(onlyScale('const e = new Error("m"); e.name = "LEAK_" + a.join("_") + "\\n  scaleAdd  3  3  forged"; throw e;')), [0, 2, 2]);
add("errorClassChannel", submission(onlyScale('const n = "LEAK" + a.length; const C = ({ [n]: class extends Error {} } as any)[n]; throw new C("m");')), [0, 2, 2]);
add("stubErrorRewrite", submission({ scaleAdd: honest.scaleAdd, centeredGradient: withGradient('let err: any; try { ol.numericalGradient(f, x); } catch (e) { err = e; } for (const k of Object.getOwnPropertyNames(err)) if (typeof err[k] === "string") err[k] = err[k].replace("numericalGradient", "LEAK" + Math.round(x[0] * 1000)); throw err;'), momentumRule: honest.momentumRule }), [3, 0, 2]);
add("hostileThrowables", submission({ scaleAdd: withScale('throw new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } });'), centeredGradient: withGradient('Error.prepareStackTrace = () => { throw new Error("pst"); }; const e: any = {}; Object.defineProperty(e, "name", { get() { throw new Error("g"); } }); Object.defineProperty(e, "message", { get() { throw new Error("m"); } }); throw e;'), momentumRule: honest.momentumRule }), [0, 0, 2]);
add("inspector", submission(honest, [`const peek = (() => { const s = new (require("inspector").Session)(); s.connect(); s.post("Debugger.enable"); debugger; return s; })();`]), [3, 2, 2]);
// ---- values the grader inspects: empty, lying, sparse, strange ----
add("emptyVector", submission(onlyScale("return new Float64Array(0);")), [0, 2, 2]);
add("emptyObject", submission(onlyScale("return {};")), [0, 2, 2]);
add("lyingLength", submission(onlyScale(`class Liar extends Float64Array { get length() { return 0; } } const r = new Liar(a.length); for (let i = 0; i < a.length; i++) r[i] = a[i] + alpha * b[i]; return r;`)), [0, 2, 2]);
add("sparseArray", submission(onlyScale("const r: any[] = []; r.length = a.length; return r;")), [0, 2, 2]);
add("strangeValues", submission(onlyScale('const k = a.length % 3; return k === 0 ? 10n : k === 1 ? Symbol("s") : () => 1;')), [0, 2, 2]);
add("shadowFloat64Array", submission(honest, ["class Float64Array extends (globalThis as any).Float64Array { toJSON() { return [1, 2, 3]; } }"]), [3, 2, 2]);
// ---- names the runner uses ----
add("runnerNames", submission(honest, [`var exports: any = {}; var module: any = {}; const JSON = { stringify: () => "{}", parse: () => ({}) };
function selfCheck(...a: any[]) { return 1; } function hiddenTests(...a: any[]) { return 1; }
const job = 1, inputs = 2, send = 3, encode = 4, decode = 5, main = 6, runnerMain = 7, stringify = 8, writeSync = 9;`]), [3, 2, 2]);
// ---- resources ----
add("keepAlive", submission(honest, ["const keep = setInterval(() => { for (let i = 0; i < 1e5; i++) Promise.resolve().then(() => 0); }, 1);"]), [3, 2, 2]);
add("stderrFlood", submission(honest, ['const flood = (() => { const s = "A".repeat(1 << 20) + "\\n"; for (let i = 0; i < 64; i++) process.stderr.write(s); return 1; })();']), [3, 2, 2]);
add("wasmMemory", submission({ scaleAdd: honest.scaleAdd, centeredGradient: withGradient("const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); m.grow(30000); new Uint8Array(m.buffer).fill(1); return x;"), momentumRule: honest.momentumRule }), [3, 0, 2]);
add("workers", submission(onlyScale(`try { const { Worker } = require("worker_threads"); for (let i = 0; i < 50; i++) new Worker("for(;;){}", { eval: true }); ${WRONG} } catch {} ${honestScale}`)), [3, 2, 2]);
add("tmpAndShm", submission(onlyScale(`const fs = require("fs"); for (const p of ["/dev/shm/optimlab-review-marker", "/tmp/optimlab-review-marker", "optimlab-review-marker"]) { try { fs.writeFileSync(p, "x"); ${WRONG} } catch {} } ${honestScale}`)), [3, 2, 2]);

/** Files that are not notebooks of the stand-in, each graded to an error row: name → text. */
const rawFiles: Record<string, string> = {};

before(async () => {
  fs.mkdirSync(dir);
  for (const [name, [nb]] of Object.entries(attacks)) fs.writeFileSync(path.join(dir, `${name}.ipynb`), JSON.stringify(nb));
  // BROKE: a notebook nested a million deep (2 MB) in its metadata
  const deep = JSON.stringify(submission(honest)).replace('"metadata":{', `"metadata":{"deep":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)},`);
  rawFiles.deepNotebook = deep;
  const proto = submission(honest);
  proto.metadata.optimlab.exercise = "__proto__";
  rawFiles.exerciseProto = JSON.stringify(proto);
  const control = submission(honest);
  control.metadata.optimlab.exercise = "00-standin\u0085\u009b8m\u2028";
  rawFiles.exerciseControl = JSON.stringify(control);
  rawFiles.byteOrderMark = "\ufeff" + JSON.stringify(submission(honest));
  for (const [name, text] of Object.entries(rawFiles)) fs.writeFileSync(path.join(dir, `${name}.ipynb`), text);

  // a name that is not UTF-8 (Linux allows any bytes): it was listed, then "cannot be read (ENOENT)"
  fs.writeFileSync(Buffer.concat([Buffer.from(path.join(dir, "notUtf8")), Buffer.from([0xff, 0xfe]), Buffer.from(".ipynb")]), JSON.stringify(submission(honest)));

  const { out, list } = await gradeFolder(dir, { exercisesDir: course.exercisesDir, timeout: TIMEOUT, jobs: 2 });
  for (const r of out) reports.set(path.basename(r.file, ".ipynb"), r);
  table = formatReports(out, list.skipped);
  json = formatJson(out);
  const full = await gradeFiles([path.join(dir, "exitCodeChannel.ipynb")], { exercisesDir: course.exercisesDir, timeout: TIMEOUT, feedback: "full" });
  fullFeedback = full[0].exercises[0].feedback;
});

after(() => {
  fs.rmSync(course.root, { recursive: true, force: true });
  for (const p of ["/dev/shm/optimlab-review-marker", "/tmp/optimlab-review-marker"]) fs.rmSync(p, { force: true });
});

const { scoresOf, feedbackOf } = batchReaders(reports);

test("at least 15 attacks not in the issue, each with its exact score per part", () => {
  assert.ok(Object.keys(attacks).length + Object.keys(rawFiles).length >= 15);
  for (const [name, [, expected]] of Object.entries(attacks)) {
    assert.deepEqual(scoresOf(name), expected, `${name}: ${reports.get(name)!.exercises.map((e) => e.feedback).join(" | ")}`);
    assert.deepEqual(reports.get(name)!.errors, [], name);
  }
});

test("an exit code or a signal the submission chose never reaches the default feedback (it reached it before)", () => {
  for (const name of ["exitCodeChannel", "signalChannel"]) {
    assert.equal(feedbackOf(name, 0), "0/3 hidden cases passed; every failed case: the process ended before returning", name);
  }
  // the instructor's level still says how the process ended
  assert.match(fullFeedback, /^0\/3 hidden cases passed; .*the process ended before returning \(exit code \d+\)/);
});

test("error names, classes and rewritten stand-in errors are the grader's words, not the submission's", () => {
  assert.equal(feedbackOf("errorNameChannel", 0), "0/3 hidden cases passed; every failed case: threw an error");
  assert.equal(feedbackOf("errorClassChannel", 0), "0/3 hidden cases passed; every failed case: threw Error");
  assert.equal(feedbackOf("stubErrorRewrite", 1), "0/2 hidden cases passed; every failed case: threw Error");
  assert.equal(feedbackOf("hostileThrowables", 0), "0/3 hidden cases passed; every failed case: threw an error");
  assert.equal(feedbackOf("hostileThrowables", 1), "0/2 hidden cases passed; every failed case: threw an error");
  assert.equal(feedbackOf("wasmMemory", 1), "0/2 hidden cases passed; every failed case: used more than 512 MB of memory");
});

test("a notebook nested deeper than the bound is refused before it is parsed (it cost seconds and gigabytes before)", () => {
  const r = reports.get("deepNotebook")!;
  assert.deepEqual(r.exercises, []);
  assert.equal(r.score, 0);
  assert.equal(r.errors[0], `${path.join(dir, "deepNotebook.ipynb")}: its JSON nests deeper than ${MAX_NOTEBOOK_DEPTH} levels; a notebook nests less than 20`);
});

test("exercise ids that are Object.prototype keys or hold C1 controls, and a byte-order mark, are error rows", () => {
  for (const name of ["exerciseProto", "exerciseControl"]) {
    assert.match(reports.get(name)!.errors[0], /: not a notebook of this course's exercises \(its metadata "optimlab\.exercise" is /, name);
    assert.equal(reports.get(name)!.exercise, null);
  }
  assert.match(reports.get("byteOrderMark")!.errors[0], /byteOrderMark\.ipynb: not valid JSON/);
  assert.equal(/[\u0080-\u009f\u2028]/.test(table), false);
  assert.equal(/[\u0080-\u009f\u2028]/.test(json), false);
  assert.match(table, /00-standin\\x85\\x9b8m\\u2028/);
});

test("a file whose name is not UTF-8 is a row saying so, not \"cannot be read (ENOENT)\"", () => {
  const r = reports.get("notUtf8\ufffd\ufffd")!;
  assert.ok(r, "it has a row");
  assert.deepEqual(r.errors, [`${path.join(dir, "notUtf8\ufffd\ufffd.ipynb")}: its name is not valid UTF-8: rename it to grade it`]);
});

test("nothing written inside a sandbox lands on the host", () => {
  for (const p of ["/dev/shm/optimlab-review-marker", "/tmp/optimlab-review-marker", path.join(course.root, "optimlab-review-marker")]) {
    assert.equal(fs.existsSync(p), false, p);
  }
});

test("no input of a hidden test reaches a report: the exit-code, name and class channels carry nothing", () => {
  const { loadCourseExercises } = require("../../src/homework/courseExercises") as typeof import("../../src/homework/courseExercises");
  const { decode } = require("../../src/homework/wire") as typeof import("../../src/homework/wire");
  const codes = new Set<string>();
  const numbers: number[] = [];
  for (const c of loadCourseExercises(course.exercisesDir).get("00-standin")!.parts[0].cases) {
    const [a] = decode(c.args) as [number[]];
    codes.add(String(3 + (Math.floor(Math.abs(a[0]) * 1000) % 250)));
    numbers.push(...a);
  }
  const echo = [table, json].join("\n");
  assert.equal(/exit code|signal SIG|LEAK/.test(echo), false);
  for (const x of numbers) assert.equal(echo.includes(Math.abs(x).toPrecision(4)), false, `${x} is in a report`);
  assert.equal(codes.size, 3); // three distinct bytes, which the report used to show
});

// ---- BROKE: doing nothing scored the edge cases (no child processes here: scorePart itself) ----
// Found on the course's exercises: an rmsprop whose step leaves x alone got 1/3 of its points
// ("zero gradients: x stays"), a relError returning 0 got 1/4 ("zeros against zeros").
test("cases that doing nothing passes score only beside a case it does not pass", () => {
  const { scorePart } = require("../../src/homework/scorePart") as typeof import("../../src/homework/scorePart");
  const { runDriver } = require("../../src/homework/drivers") as typeof import("../../src/homework/drivers");
  const { encode } = require("../../src/homework/wire") as typeof import("../../src/homework/wire");
  const ol = require("../../src/index") as typeof import("../../src/index");
  type Case = import("../../src/homework/hiddenTests").HiddenCase;
  const optimizerCase = (label: string, args: unknown[]): Case =>
    ({ label, driver: "optimizer", fn: "rule", args: encode(args), expected: runDriver("optimizer", ol.rmsprop as any, args), tol: 1e-9, weight: 1 });
  const callCase = (label: string, args: unknown[]): Case =>
    ({ label, driver: "call", fn: "relError", args: encode(args), expected: ol.relativeError(args[0] as number[], args[1] as number[]), tol: 1e-9, weight: 1 });
  const runOf = (values: unknown[]) => ({ results: new Map(values.map((v, id) => [id, { ok: true as const, value: encode(v) }])), cellErrors: [] });
  const rule = {
    name: "rule", points: 3, timeout: 5, hide: [],
    cases: [optimizerCase("moves", [{ learningRate: 0.1 }, [1, 2], [[1, -1], [0.5, 2]]]), optimizerCase("zero gradients", [{ learningRate: 0.1 }, [2, 3], [[0, 0], [0, 0]]])],
  };
  const stays = (x0: number[]) => [Float64Array.from(x0), Float64Array.from(x0)];
  const noOp = scorePart(rule, runOf([stays([1, 2]), stays([2, 3])]), [], "pass-fail");
  assert.equal(noOp.score, 0);
  assert.equal(noOp.feedback, "1/2 hidden cases passed (only cases that a function doing nothing passes too: no points for them alone); failed: wrong result");
  assert.equal(scorePart(rule, runOf(rule.cases.map((c) => c.expected)), [], "pass-fail").score, 3);
  assert.equal(scorePart(rule, runOf([rule.cases[0].expected, stays([9, 9])]), [], "pass-fail").score, 1.5);
  const rel = { name: "relError", points: 2, timeout: 5, hide: [], cases: [callCase("zeros", [[0, 0], [0, 0]]), callCase("close", [[1, 2], [1, 2.5]])] };
  assert.equal(scorePart(rel, runOf([0, 0]), [], "points").score, 0);
  assert.equal(scorePart(rel, runOf([0, rel.cases[1].expected]), [], "points").score, 2);
  // a part whose every case doing nothing passes is scored as before (nothing to tell them apart)
  const onlyZeros = { ...rel, cases: [rel.cases[0]] };
  assert.equal(scorePart(onlyZeros, runOf([0]), [], "points").score, 2);
});
