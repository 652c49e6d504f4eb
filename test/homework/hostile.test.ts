/**
 * Hostile submissions (issue 12): each attack below is a submission of the stand-in exercise
 * (scaleAdd 3 points, centeredGradient 2, momentumRule 2) or of a course exercise, graded in one
 * batch under the real isolation (bubblewrap, nobody's uid, cgroups), with the exact outcome it
 * must have. Honest parts are honest (SOLUTIONS), so a score shows which part an attack cost and
 * that it cost nothing else. Attack classes: ending the batch, borrowing scores, reaching the
 * reference, reaching the host, forging or hiding report rows, leaking hidden tests, amplification.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { formatJson, formatReports } from "../../src/homework/formatReport";
import { SubmissionReport } from "../../src/homework/grade";
import { Notebook } from "../../src/homework/notebook";
import { batchReaders, gradeFolder, SOLUTIONS as honest, standinCourse, standinSubmission as submission } from "./standin";

const TIMEOUT = 4;
const course = standinCourse();
const dir = path.join(course.root, "subs");
const hostMarker = path.join(course.root, "host-marker");
const hostSocket = path.join(course.root, "host.sock");
const plantedSocket = path.join(course.exercisesDir, "planted.sock");
let tcpPort = 0;
let hostConnections = 0;
let servers: net.Server[] = [];
const reports = new Map<string, SubmissionReport>();
let table = "";
let json = "";

const withScale = (body: string) => `function scaleAdd(a: number[], b: number[], alpha: number): any { ${body} }`;
const honestScale = "const out = new Float64Array(a.length); for (let i = 0; i < a.length; i++) out[i] = a[i] + alpha * b[i]; return out;";
const WRONG = "return new Float64Array(a.length).fill(12345);";
const fd3 = (s: string) => `require("fs").writeSync(3, ${s});`;

/** name → [notebook, exact scores { scaleAdd, centeredGradient, momentumRule }] */
const attacks: Record<string, [Notebook, [number, number, number]]> = {};
const add = (name: string, nb: Notebook, s: [number, number, number]) => (attacks[name] = [nb, s]);

// ---- one submission ends the batch (issue: exit 2, no report) ----
add("f64OfObject", submission({ scaleAdd: withScale("return { $f64: [{}] };") , centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [0, 2, 2]);
add("f64NotList", submission({ scaleAdd: withScale('return { $f64: "x", $i32: {}, $num: 1 };'), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [0, 2, 2]);
add("nestedBrackets", submission(honest, [`const deep = ${"[".repeat(1000)}${"]".repeat(1000)};`]), [3, 2, 2]);
add("deepLine", submission({ scaleAdd: withScale(`${fd3(`"[".repeat(200000) + "]".repeat(200000) + "\\n"`)} ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [0, 2, 2]);
add("floodUnknownIds", submission({ scaleAdd: honest.scaleAdd, centeredGradient: `function centeredGradient(f: any, x: any): any { const l = '{"type":"result","id":424242,"ok":true,"value":1}\\n'.repeat(1000); for (let i = 0; i < 400; i++) require("fs").writeSync(3, l); return x; }`, momentumRule: honest.momentumRule }), [3, 0, 2]);
add("longLine", submission({ scaleAdd: withScale(`const s = "x".repeat(1 << 20); for (let i = 0; i < 40; i++) require("fs").writeSync(3, s); ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [0, 2, 2]);
add("forgedDoneThenResults", submission({}, [`const forged = (() => { ${fd3(`'{"type":"result","id":0,"ok":true,"value":{"$f64":[0]}}\\n{"type":"done"}\\n'`)} return 1; })();`]), [0, 0, 0]);
add("manyCells", (() => { const nb = submission(honest); for (let i = 0; i < 10000; i++) nb.cells.push({ cell_type: "code", source: `const c${i} = ${i};`, metadata: {}, outputs: [], execution_count: null }); return nb; })(), [0, 0, 0]);
add("hugeCell", submission(honest, [`const big = "${"y".repeat(1_100_000)}";`]), [0, 0, 0]);
// ---- the reference is reachable ----
add("reEvalBundle", submission({ scaleAdd: honest.scaleAdd, centeredGradient: `function centeredGradient(f: any, x: any): any {
  const src = require("fs").readFileSync(process.argv[1], "utf8");
  const m: any = { exports: {} };
  try { new Function("module", "exports", "require", src.replace(/runnerMain\\(\\);?\\s*$/, ""))(m, m.exports, require); } catch {}
  for (const v of Object.values(globalThis as any)) if (v && typeof (v as any).numericalGradient === "function") try { return (v as any).numericalGradient(f, x); } catch {}
  return (globalThis as any).ol.numericalGradient(f, x);
}`, momentumRule: honest.momentumRule }), [3, 0, 2]);
add("viaNesterov", submission({ scaleAdd: honest.scaleAdd, centeredGradient: honest.centeredGradient, momentumRule: `function momentumRule(o: any) { return ol.nesterov(o); }` }), [3, 2, 0]);
add("viaSgd", submission({ scaleAdd: honest.scaleAdd, centeredGradient: honest.centeredGradient, momentumRule: `function momentumRule(o: any) { return ol.sgd(o); }` }), [3, 2, 0]);
add("viaGradCheck", submission({ scaleAdd: honest.scaleAdd, centeredGradient: `function centeredGradient(f: any, x: any) { const r: any = ol.gradCheck(f, (y: any) => new Float64Array(y.length), x, { samples: x.length }); return Float64Array.from(r.entries.map((e: any) => e.numerical)); }`, momentumRule: honest.momentumRule }), [3, 0, 2]);
add("requireOptimlab", submission({ scaleAdd: honest.scaleAdd, centeredGradient: `function centeredGradient(f: any, x: any) { return require("optimlab").numericalGradient(f, x); }`, momentumRule: `function momentumRule(o: any) { return require("node:module").createRequire("/")("optimlab").momentum(o); }` }), [3, 0, 0]);
// ---- the host is reachable ----
add("plantSocket", submission({ scaleAdd: withScale(`try { require("net").createServer().listen(${JSON.stringify(plantedSocket)}); } catch {} ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("unixConnect", submission({ scaleAdd: withScale(`return new Promise((res) => { const s = require("net").connect({ path: ${JSON.stringify(hostSocket)} }); s.on("connect", () => { s.write("leak"); res(new Float64Array(0)); }); s.on("error", () => { ${honestScale.replace("return out;", "res(out);")} }); });`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("tcpLocalhost", submission({ scaleAdd: withScale(`return new Promise((res) => { const s = require("net").connect(PORT, "127.0.0.1"); s.on("connect", () => { s.write("leak"); res(new Float64Array(0)); }); s.on("error", () => { ${honestScale.replace("return out;", "res(out);")} }); });`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("probeHostPaths", submission({ scaleAdd: withScale(`const fs = require("fs"); for (const p of [${JSON.stringify(course.sourceFile)}, ${JSON.stringify(course.root)}, "/work", "/etc/passwd", "/root"]) { try { fs.realpathSync(p); ${WRONG} } catch {} try { if (fs.existsSync(p)) { ${WRONG} } } catch {} } ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("writeHost", submission({ scaleAdd: withScale(`const fs = require("fs"); for (const p of [${JSON.stringify(hostMarker)}, "/tmp/optimlab-hostile-marker", ${JSON.stringify(course.sourceFile)}]) { try { fs.writeFileSync(p, "x"); ${WRONG} } catch {} } ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("rootUid", submission({ scaleAdd: withScale(`if (process.getuid!() === 0 || process.getgid!() === 0) { ${WRONG} } ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("envLeak", submission({ scaleAdd: withScale(`if (Object.keys(process.env).some((k) => k !== "PWD")) { ${WRONG} } ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("manySockets", submission({ scaleAdd: withScale(`return new Promise((res) => { const net = require("net"); const socks: any[] = []; let opened = 0, failed = 0; const srv = net.createServer((c: any) => socks.push(c)).listen(0, "127.0.0.1", () => { const port = srv.address().port; for (let i = 0; i < 8000; i++) { const s = net.connect(port, "127.0.0.1"); s.on("connect", () => { opened++; }); s.on("error", () => { failed++; }); socks.push(s); } setTimeout(() => { if (opened > 100) res(new Float64Array(0)); else { ${honestScale.replace("return out;", "res(out);")} } }, 500); }); srv.on("error", () => { ${honestScale.replace("return out;", "res(out);")} }); });`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("typedArrayMemory", submission({ scaleAdd: honest.scaleAdd, centeredGradient: "function centeredGradient(): any { const hog: Float64Array[] = []; for (;;) hog.push(new Float64Array(1 << 24).fill(1)); }", momentumRule: honest.momentumRule }), [3, 0, 2]);
add("forkProcess", submission({ scaleAdd: withScale(`try { require("child_process").execSync("touch ${hostMarker}"); ${WRONG} } catch {} ${honestScale}`), centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule }), [3, 2, 2]);
add("outliveTimers", submission(honest, [`const t = setInterval(() => { try { require("fs").writeSync(3, '{"type":"result","id":0,"ok":true,"value":1}\\n'); } catch {} }, 1);`]), [3, 2, 2]);
// ---- reports forged or hiding the total ----
add("ansiCellError", submission({}, [`const boom = (() => { throw new Error("\\n  scaleAdd  3  3  all passed\\n  total  7  7\\u001b[8m\\u202e"); })();`]), [0, 0, 0]);
// ---- feedback leaks hidden tests (echo inputs through every channel) ----
add("echoInputs", submission({
  scaleAdd: withScale(`(globalThis as any).seen = JSON.stringify([a, b]); throw new Error("inputs " + JSON.stringify([a, b]));`),
  centeredGradient: `function centeredGradient(f: any, x: any): any { console.error("x = " + Array.from(x)); require("fs").writeSync(3, JSON.stringify({ type: "cell", label: "cell 9", error: "x " + Array.from(x).join(" ") }) + "\\n"); return x; }`,
  momentumRule: `function momentumRule(o: any) { return { name: "noop", step(x: any, dx: any) { (globalThis as any).g = (globalThis as any).g ?? []; (globalThis as any).g.push(Array.from(dx)); if ((globalThis as any).g.length > 2) setTimeout(() => { throw new Error("grads " + JSON.stringify((globalThis as any).g)); }); }, reset() {} }; }`,
}), [0, 0, 0]);

before(async () => {
  fs.mkdirSync(dir);
  // the host's sockets and TCP port that no sandbox may reach
  await new Promise<void>((r) => { const s = net.createServer((c) => { hostConnections++; c.destroy(); }).listen(hostSocket, r); servers.push(s); });
  await new Promise<void>((r) => { const s = net.createServer((c) => { hostConnections++; c.destroy(); }).listen(0, "127.0.0.1", () => { tcpPort = (s.address() as net.AddressInfo).port; r(); }); servers.push(s); });
  for (const [name, [nb]] of Object.entries(attacks)) {
    fs.writeFileSync(path.join(dir, `${name}.ipynb`), JSON.stringify(nb).replace(/PORT/g, String(tcpPort)));
  }
  // borrowed scores: links to the instructor's source and to another student's file; special files
  const bob = path.join(course.root, "bob");
  fs.mkdirSync(bob);
  fs.writeFileSync(path.join(bob, "00-standin.ipynb"), JSON.stringify(submission(honest)));
  fs.symlinkSync(course.sourceFile, path.join(dir, "linkToSource.ipynb"));
  fs.symlinkSync(path.join(bob, "00-standin.ipynb"), path.join(dir, "linkToBob.ipynb"));
  fs.linkSync(course.sourceFile, path.join(dir, "hardLinkToSource.ipynb"));
  fs.symlinkSync(bob, path.join(dir, "bobsFolder"));
  spawnSync("mkfifo", [path.join(dir, "fifo.ipynb")]);
  await new Promise<void>((r) => { const s = net.createServer().listen(path.join(dir, "socket.ipynb"), r); servers.push(s); });
  // skipped but listed; a name that forges rows; one exercise handed in twice
  fs.writeFileSync(path.join(dir, "UPPER.IPYNB"), JSON.stringify(submission(honest)));
  fs.writeFileSync(path.join(dir, ".hidden.ipynb"), JSON.stringify(submission(honest)));
  fs.mkdirSync(path.join(dir, ".dotfolder"));
  fs.writeFileSync(path.join(dir, ".dotfolder", "x.ipynb"), JSON.stringify(submission(honest)));
  fs.writeFileSync(path.join(dir, "evil\n  total  99  7\u001b[8m.ipynb"), JSON.stringify(submission({})));
  fs.writeFileSync(path.join(dir, "zzTwice.ipynb"), JSON.stringify(submission(honest)));

  const { out, list } = await gradeFolder(dir, { exercisesDir: course.exercisesDir, timeout: TIMEOUT, jobs: 2 });
  for (const r of out) reports.set(path.basename(r.file, ".ipynb"), r);
  table = formatReports(out, list.skipped);
  json = formatJson(out);
  skipped = list.skipped.map((s) => `${path.relative(dir, s.file)}: ${s.why}`);
  console.log(table);
});

let skipped: string[] = [];
after(() => {
  for (const s of servers) s.close();
  fs.rmSync(course.root, { recursive: true, force: true });
  fs.rmSync("/tmp/optimlab-hostile-marker", { force: true });
});

const { scoresOf, feedbackOf } = batchReaders(reports);

test("at least 30 attacks, each with its exact score per part", () => {
  // + 11 attacks through files: two symbolic links, a linked folder, a hard link, a FIFO, a socket, *.IPYNB, a dotfile, a dot-folder, a forging name, a duplicate
  assert.ok(Object.keys(attacks).length + 11 >= 30, `${Object.keys(attacks).length} attacks`);
  for (const [name, [, expected]] of Object.entries(attacks)) {
    if (name === "manyCells" || name === "hugeCell") continue; // rows with an error, below
    assert.deepEqual(scoresOf(name), expected, `${name}: ${reports.get(name)!.exercises.map((e) => e.feedback).join(" | ")}`);
  }
});

test("a value the grader cannot decode, deep lines, floods and long lines cost only their own part", () => {
  assert.match(feedbackOf("deepLine", 0), /every failed case: sent a value nested deeper than 32/);
  assert.match(feedbackOf("floodUnknownIds", 1), /every failed case: sent more than \d+ messages/);
  assert.match(feedbackOf("longLine", 0), /every failed case: sent a line longer than 32 MB/);
  assert.match(feedbackOf("f64OfObject", 0), /every failed case: wrong result/);
  assert.match(feedbackOf("typedArrayMemory", 1), /used more than 512 MB of memory/);
});

test("compiling is bounded: 1000 nested brackets, 10,000 cells, a 1 MB cell are that file's error", () => {
  assert.deepEqual(reports.get("nestedBrackets")!.errors, []);
  assert.match(reports.get("manyCells")!.errors[0], /manyCells\.ipynb: has 10006 cells; at most 2000 are graded/);
  assert.match(reports.get("hugeCell")!.errors[0], /hugeCell\.ipynb: its graded cells hold \d+ characters; at most 1048576/);
  assert.equal(reports.get("manyCells")!.exercise, "00-standin");
});

test("symbolic links (to the source, to bob's file) and special files are refused rows with 0 points", () => {
  for (const [name, what] of [["linkToSource", "a symbolic link"], ["linkToBob", "a symbolic link"], ["fifo", "not a regular file"], ["socket", "not a regular file"]]) {
    const r = reports.get(name)!;
    assert.equal(r.score, 0, name);
    assert.deepEqual(r.exercises, []);
    assert.match(r.errors[0], new RegExp(`${name}\\.ipynb: ${what}: refused`));
    assert.equal(r.exercise, null);
  }
});

test("a hard link to the instructor's source is refused, not graded as the source", () => {
  const r = reports.get("hardLinkToSource")!;
  assert.equal(r.score, 0);
  assert.deepEqual(r.exercises, []);
  assert.match(r.errors[0], /hardLinkToSource\.ipynb: a hard link to the instructor's source notebook: refused/);
});

test("the host stays out of reach: no socket planted, no connection, no file written, not root", () => {
  assert.deepEqual(fs.readdirSync(course.exercisesDir), ["00-standin.ipynb"]);
  assert.equal(hostConnections, 0);
  assert.equal(fs.existsSync(hostMarker), false);
  assert.equal(fs.existsSync("/tmp/optimlab-hostile-marker"), false);
});

test("the reference is out of reach: the re-evaluated bundle and every equivalent are hidden", () => {
  assert.match(feedbackOf("reEvalBundle", 1), /every failed case: called numericalGradient, which is hidden while grading/);
  assert.match(feedbackOf("viaNesterov", 2), /called nesterov, which is hidden while grading/);
  assert.match(feedbackOf("viaSgd", 2), /called sgd, which is hidden while grading/);
  assert.match(feedbackOf("viaGradCheck", 1), /called gradCheck, which is hidden while grading/);
});

test("rows cannot be forged: control characters escaped in the table and JSON; every row has its exercise id", () => {
  assert.equal(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/.test(table), false);
  assert.match(table, /evil\\x0a  total  99  7\\x1b\[8m\.ipynb/);
  assert.match(table, /\\x0a  total  7  7\\x1b\[8m\\u202e/);
  assert.equal(/[\u007f-\u009f\u202e]/.test(json), false);
  const parsed = JSON.parse(json) as SubmissionReport[];
  assert.equal(parsed.length, reports.size);
  for (const r of parsed) assert.ok("exercise" in r);
  assert.equal(parsed.filter((r) => r.exercise === "00-standin").length, Object.keys(attacks).length + 2);
  // one "total" line per graded submission, none forged
  assert.equal(table.split("\n").filter((l) => /^  total /.test(l)).length, parsed.filter((r) => r.exercises.length > 0).length);
});

test("skipped look-alikes are listed; one exercise handed in twice is flagged on every copy", () => {
  assert.deepEqual(skipped.sort(), [".dotfolder: a dot-folder", ".hidden.ipynb: a dotfile", 'UPPER.IPYNB: not named "*.ipynb"', "bobsFolder: a symbolic link (never followed)"]);
  assert.match(table, /not graded \(they look like notebooks\):/);
  for (const name of ["zzTwice", "f64OfObject"]) {
    assert.ok(reports.get(name)!.notes.some((n) => /exercise 00-standin handed in more than once in this folder/.test(n)), name);
  }
});

test("no expected value or input of a hidden test reaches any report channel", () => {
  // the stand-in's hidden inputs and expected values, as the grader computed them
  const { loadCourseExercises } = require("../../src/homework/courseExercises") as typeof import("../../src/homework/courseExercises");
  const { decode } = require("../../src/homework/wire") as typeof import("../../src/homework/wire");
  const numbers: number[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === "number") numbers.push(v);
    else if (ArrayBuffer.isView(v)) numbers.push(...Array.from(v as Float64Array));
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  for (const part of loadCourseExercises(course.exercisesDir).get("00-standin")!.parts) {
    for (const c of part.cases) {
      collect(decode(c.args));
      collect(c.expected);
    }
  }
  const distinctive = numbers.filter((x) => Number.isFinite(x) && !Number.isInteger(x * 10)).map((x) => Math.abs(x).toPrecision(4));
  assert.ok(distinctive.length > 20);
  const echo = [table, json].join("\n");
  for (const s of distinctive) assert.equal(echo.includes(s), false, `${s} is in a report`);
  assert.equal(/expected|got |inputs |grads |x = /.test(echo), false);
  assert.match(feedbackOf("echoInputs", 0), /^0\/3 hidden cases passed; every failed case: threw Error$/);
});
