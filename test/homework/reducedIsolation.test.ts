/**
 * Hostile submissions against the REDUCED isolation (mode "uid": no bubblewrap, the grader is
 * root, the sandbox's node runs as a uid of its own on the machine's own process list), forced here with
 * OPTIMLAB_BWRAP pointing at no bwrap. Not as root there is no mode "uid": the same batch then runs
 * under the machine's full isolation, and every outcome must be the same.
 *
 * The stand-in exercise: scaleAdd 3 points, centeredGradient 2, momentumRule 2; honest parts are
 * honest, so a score shows which part an attack cost and that it cost nothing else.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gradeFiles, IsolationMissing, SubmissionReport } from "../../src/homework/grade";
import { findIsolation, Isolation, resetIsolation, SANDBOX_UID } from "../../src/homework/isolation";
import { Notebook } from "../../src/homework/notebook";
import { batchReaders, SOLUTIONS as honest, standinCourse, standinSubmission as submission } from "./standin";

const isRoot = process.getuid?.() === 0;
const course = standinCourse();
const dir = path.join(course.root, "subs");
const reports = new Map<string, SubmissionReport>();
const { scoresOf, feedbackOf } = batchReaders(reports);
const savedBwrap = process.env.OPTIMLAB_BWRAP;
/**
 * A process of the sandbox's own uid outside the sandbox (as root; no such process can exist but
 * this one, made on purpose, so the runner's own refusals are what is tested), and one of nobody
 * (65534), which the kernel keeps out of the sandbox's reach.
 */
let victim: ChildProcess;
let nobody: ChildProcess | undefined;
let iso: Isolation;
let victimEnded: string | null = null;
let staleTemp = "";
let liveTemp = "";

const socketFiles = ["/tmp", "/var/tmp", "/dev/shm"].map((d) => `${d}/optimlab-reduced-test-${process.pid}.sock`);
const socketLeftovers = () => socketFiles.flatMap((p) => [p, `${p}.http`, `${p}.raw`]).filter((p) => fs.existsSync(p));
const honestScale = "const out = new Float64Array(a.length); for (let i = 0; i < a.length; i++) out[i] = a[i] + alpha * b[i]; return out;";
const withScale = (body: string) =>
  submission({ scaleAdd: `function scaleAdd(a: number[], b: number[], alpha: number): any { ${body} ${honestScale} }`, centeredGradient: honest.centeredGradient, momentumRule: honest.momentumRule });

/** name → [notebook (built once the victim's pid is known), exact scores] */
const attacks: Record<string, [(pid: number) => Notebook, [number, number, number]]> = {
  // process.kill is blocked, but the raw methods it calls, and _debugProcess (SIGUSR1), were not:
  // both ended the victim (a process of the sandbox's uid), and with pid -1 would end every process of it
  rawKill: [(pid) => withScale(`(process as any)._kill(${pid}, 9);`), [0, 2, 2]],
  debugProcess: [(pid) => withScale(`(process as any)._debugProcess(${pid});`), [0, 2, 2]],
  // os.setPriority reniced the victim to 19 (in mode "uid", another grader's sandbox: slowed into its timeouts)
  renice: [(pid) => withScale(`try { require("os").setPriority(${pid}, 19); } catch {} require("node:os").setPriority(${pid}, 19);`), [0, 2, 2]],
  rawKillCaught: [(pid) => withScale(`try { (process as any)._kill(${pid}, 9); } catch {} try { (process as any)._debugProcess(${pid}); } catch {}`), [3, 2, 2]],
  // unix sockets bound in the machine's world-writable folders stayed there as files (owned by the sandbox's uid)
  socketFiles: [
    () => withScale(`const net = require("net"); for (const p of ${JSON.stringify(socketFiles)}) { try { net.createServer().listen(p); } catch {} try { require("http").createServer().listen({ path: p + ".http" }); } catch {} try { const c = net.connect({ path: "\\0x" }); c.on("error", () => {}); new (c as any)._handle.constructor(1).bind(p + ".raw"); } catch {} }`),
    [3, 2, 2],
  ],
  // regressions that held: its own group (the watcher is root), its parent (the grader, root)
  killOwnGroup: [() => withScale(`process.kill(0, "SIGKILL");`), [0, 2, 2]],
  killGrader: [() => withScale(`try { (process as any)._kill(process.ppid, 9); } catch {}`), [3, 2, 2]],
  // memory outside the heap (Buffers) meets the cgroup limit (or the poll)
  bufferMemory: [() => submission({ scaleAdd: honest.scaleAdd, centeredGradient: "function centeredGradient(): any { const hog: any[] = []; for (;;) hog.push(Buffer.alloc(1 << 26, 1)); }", momentumRule: honest.momentumRule }), [3, 0, 2]],
  // the permission model still holds: no sibling bundle (other hidden functions), no /proc
  readAround: [
    () => withScale(`const fs = require("fs"); const d = require("path").dirname(process.argv[1]); for (const p of [0, 1, 2, 3].map((i) => d + "/runner-" + i + ".js").filter((p) => p !== process.argv[1]).concat(["/proc/self/fd/0", "/proc/self/environ", "/proc/" + process.ppid + "/cmdline"])) { let read = false; try { fs.readFileSync(p); read = true; } catch {} if (read) return new Float64Array(a.length).fill(12345); }`),
    [3, 2, 2],
  ],
};

before(async () => {
  if (isRoot) process.env.OPTIMLAB_BWRAP = "/nonexistent/bwrap";
  resetIsolation();
  iso = findIsolation();
  if (isRoot) assert.equal(iso.mode, "uid", `mode "uid" as root without bwrap (${iso.reason})`);
  const sleep = ["/bin/sleep", "120"];
  const as = (uid: number) => spawn(iso.setpriv!, [`--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--", ...sleep], { stdio: "ignore" });
  victim = isRoot ? as(iso.uid!) : spawn(sleep[0], sleep.slice(1), { stdio: "ignore" });
  if (isRoot) nobody = as(SANDBOX_UID);
  victim.on("exit", (code, signal) => (victimEnded = signal ?? `exit ${code}`));
  await new Promise((r) => setTimeout(r, 200)); // setpriv has become sleep
  // a grader killed outright left its temporary folder; a live one's is kept
  const gone = spawnSync("/bin/true").pid;
  staleTemp = fs.mkdtempSync(path.join(os.tmpdir(), `optimlab-grader-${gone}-`));
  liveTemp = fs.mkdtempSync(path.join(os.tmpdir(), `optimlab-grader-${victim.pid}-`));
  fs.mkdirSync(dir);
  const files = Object.entries(attacks).map(([name, [nb]]) => {
    const f = path.join(dir, `${name}.ipynb`);
    fs.writeFileSync(f, JSON.stringify(nb(victim.pid!)));
    return f;
  });
  const graded = await gradeFiles(files, { exercisesDir: course.exercisesDir, timeout: 4, memoryMb: 256 });
  for (const r of graded) reports.set(path.basename(r.file, ".ipynb"), r);
});

after(() => {
  for (const d of [staleTemp, liveTemp]) if (d) fs.rmSync(d, { recursive: true, force: true });
  for (const p of socketLeftovers()) fs.rmSync(p, { force: true });
  victim?.kill("SIGKILL");
  nobody?.kill("SIGKILL");
  if (savedBwrap === undefined) delete process.env.OPTIMLAB_BWRAP;
  else process.env.OPTIMLAB_BWRAP = savedBwrap;
  resetIsolation();
  fs.rmSync(course.root, { recursive: true, force: true });
});

test("each attack has its exact scores", () => {
  for (const [name, [, expected]] of Object.entries(attacks)) assert.deepEqual(scoresOf(name), expected, name);
});

test("a sandbox cannot signal or renice a process of its own uid outside it (raw _kill, _debugProcess, os.setPriority)", () => {
  assert.equal(victimEnded, null, `the victim ended: ${victimEnded}`);
  assert.doesNotThrow(() => process.kill(victim.pid!, 0));
  assert.equal(os.getPriority(victim.pid!), 0, "the victim's niceness");
  assert.match(feedbackOf("renice", 0), /os\.setPriority is not allowed while grading/);
  assert.match(feedbackOf("rawKill", 0), /process\._kill is not allowed while grading/);
  assert.match(feedbackOf("debugProcess", 0), /process\._debugProcess is not allowed while grading/);
  assert.match(feedbackOf("killOwnGroup", 0), /process\.kill is not allowed while grading/);
  assert.match(feedbackOf("bufferMemory", 1), /used more than 256 MB of memory/);
});

test("mode \"uid\": the sandbox's uid is its own (not nobody's), and the kernel refuses it a signal to nobody's processes", () => {
  if (!isRoot) return assert.equal(iso.mode, "bubblewrap");
  assert.ok(iso.uid! >= 0x70000000 && iso.uid !== SANDBOX_UID, `uid ${iso.uid}`);
  const r = spawnSync(iso.setpriv!, [`--reuid=${iso.uid}`, `--regid=${iso.uid}`, "--clear-groups", "--", "/bin/kill", "-0", String(nobody!.pid)], { encoding: "utf8" });
  assert.notEqual(r.status, 0, "kill -0 on nobody's process from the sandbox's uid");
  assert.match(r.stderr, /not permitted/i);
});

test("a sandbox leaves no socket file in the machine's /tmp, /var/tmp or /dev/shm", () => {
  assert.deepEqual(socketLeftovers(), []);
});

test("grading removes the temporary folder a grader killed outright left (its pid gone), not a live one's", () => {
  assert.equal(fs.existsSync(staleTemp), false, staleTemp);
  assert.equal(fs.existsSync(liveTemp), true, liveTemp);
});

test("every row says what isolation it was graded with", () => {
  for (const r of reports.values()) {
    if (isRoot) assert.match(r.notes[0], /^graded with REDUCED isolation \(bubblewrap \(bwrap\) is not installed at \/nonexistent\/bwrap/);
    else assert.ok(!r.notes.some((n) => /REDUCED|WITHOUT isolation/.test(n)), r.notes.join("; "));
  }
});

test("it refuses while the sandbox's uid can read a copy of the hidden tests in the exercise folder (Jupyter's checkpoints)", async () => {
  // the source itself unreadable, its folder open, and the copy Jupyter keeps beside it readable
  const open = standinCourse();
  try {
    fs.chmodSync(open.root, 0o755);
    fs.chmodSync(open.exercisesDir, 0o755);
    fs.chmodSync(open.sourceFile, 0o600);
    const checkpoints = path.join(open.exercisesDir, ".ipynb_checkpoints");
    fs.mkdirSync(checkpoints, { mode: 0o755 });
    const copy = path.join(checkpoints, "00-standin-checkpoint.ipynb");
    fs.copyFileSync(open.sourceFile, copy);
    fs.chmodSync(copy, 0o644);
    const graded = gradeFiles([path.join(dir, "rawKill.ipynb")], { exercisesDir: open.exercisesDir, timeout: 4 });
    if (isRoot) {
      await assert.rejects(graded, (e: Error) => e instanceof IsolationMissing && e.message.includes(`uid ${iso.uid} could read ${copy}.`));
      fs.chmodSync(copy, 0o600); // then it grades
      assert.deepEqual((await gradeFiles([path.join(dir, "rawKill.ipynb")], { exercisesDir: open.exercisesDir, timeout: 4 }))[0].exercises.map((e) => e.score), [0, 2, 2]);
    } else {
      // with full isolation the sandbox sees none of the machine's files: no such check, it grades
      assert.deepEqual((await graded)[0].exercises.map((e) => e.score), [0, 2, 2]);
    }
  } finally {
    fs.rmSync(open.root, { recursive: true, force: true });
  }
});
