/**
 * `npm run grade` as a command: its three exit codes, its refusal without isolation (and every
 * row saying so with --no-isolation), the feedback levels, and Ctrl-C / SIGTERM ending every
 * sandbox within 2 s with no temporary folder left.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SOLUTIONS, standinCourse, standinSubmission } from "./standin";

const CLI = path.resolve(__dirname, "../../src/cli/grade.js");
const course = standinCourse();
const isRoot = process.getuid?.() === 0;
const filled = path.join(course.root, "filled.ipynb");
const untouched = path.join(course.root, "untouched.ipynb");
fs.writeFileSync(filled, JSON.stringify(standinSubmission(SOLUTIONS)));
fs.writeFileSync(untouched, JSON.stringify(standinSubmission({})));
after(() => fs.rmSync(course.root, { recursive: true, force: true }));

function grade(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [CLI, "--exercises", course.exercisesDir, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
}

test("exit 2 for a bad command line, naming the option and what was expected", () => {
  for (const [args, message] of [
    [["--bogus", filled], /grade: unknown option --bogus/],
    [["--feedback-level", "loud", filled], /grade: --feedback-level must be one of points, pass-fail, full, got loud/],
    [["--jobs", "0", filled], /grade: --jobs must be a number > 0, got 0/],
    [[], /grade: no submissions given/],
  ] as [string[], RegExp][]) {
    const r = grade(args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.match(r.stderr, /usage: npm run grade/);
    assert.equal(r.stdout, "");
  }
});

test("without isolation grade refuses (exit 1) with the one command that provides it", () => {
  // no bubblewrap, and (as root) no setpriv for the reduced mode either
  const r = grade([filled], { OPTIMLAB_BWRAP: "/nonexistent/bwrap", OPTIMLAB_SETPRIV: "/nonexistent/setpriv" });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "");
  const why = isRoot ? /setpriv \(util-linux\) is missing/ : /bubblewrap \(bwrap\) is not installed at \/nonexistent\/bwrap/;
  assert.match(r.stderr, /refusing to run submissions without isolation: /);
  assert.match(r.stderr, why);
  assert.match(r.stderr, /sudo apt-get install bubblewrap/);
  assert.match(r.stderr, /--no-isolation/);
});

test("exit 1 when the grader itself fails (no exercise folder)", () => {
  const r = spawnSync(process.execPath, [CLI, "--exercises", path.join(course.root, "missing"), filled], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /grade: the grader failed: .*ENOENT/);
});

test("with --no-isolation it grades (exit 0) and every row says so, in the table and in JSON", () => {
  const env = { OPTIMLAB_BWRAP: "/nonexistent/bwrap", OPTIMLAB_SETPRIV: "/nonexistent/setpriv" };
  const t = grade(["--no-isolation", filled, untouched, path.join(course.root, "missing.ipynb")], env);
  assert.equal(t.status, 0, t.stderr);
  assert.equal(t.stdout.split("\n").filter((l) => /note: graded WITHOUT isolation \(--no-isolation\)/.test(l)).length, 3);
  const j = grade(["--json", "--no-isolation", filled, untouched], env);
  assert.equal(j.status, 0, j.stderr);
  const rows = JSON.parse(j.stdout);
  assert.deepEqual(rows.map((r: any) => r.score), [7, 0]);
  for (const r of rows) assert.match(r.notes[0], /^graded WITHOUT isolation/);
});

test("exit 0 with isolation whatever the scores; feedback levels: pass-fail by default, points, full", () => {
  const d = grade(["--json", untouched]);
  assert.equal(d.status, 0, d.stderr);
  const row = JSON.parse(d.stdout)[0];
  assert.deepEqual(row.notes, []);
  assert.equal(row.exercises[0].feedback, "0/3 hidden cases passed; every failed case: not implemented");
  const p = JSON.parse(grade(["--json", "--feedback-level", "points", untouched]).stdout)[0];
  assert.deepEqual(p.exercises.map((e: any) => e.feedback), ["", "", ""]);
  const f = JSON.parse(grade(["--json", "--feedback-level", "full", untouched]).stdout)[0];
  assert.match(f.exercises[0].feedback, /every failed case: Error: not implemented/);
});

/** pid, ppid and process group of every process (zombies left out). */
function processes(): { pid: number; ppid: number; pgid: number }[] {
  return fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return fields[0] === "Z" ? [] : [{ pid: Number(d), ppid: Number(fields[1]), pgid: Number(fields[2]) }];
    } catch {
      return [];
    }
  });
}

function descendants(root: number): number[] {
  const all = processes();
  const out: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = all.filter((p) => frontier.includes(p.ppid)).map((p) => p.pid);
    out.push(...next);
    frontier = next;
  }
  return out;
}

const alive = (pid: number) => processes().some((p) => p.pid === pid);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  test(`${signal} on the grader ends every sandbox within 2 s and leaves no temporary folder or cgroup`, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-signal-test-"));
    const spin = path.join(course.root, `spin-${signal}.ipynb`);
    fs.writeFileSync(spin, JSON.stringify(standinSubmission(SOLUTIONS, ["const spin = (() => { for (;;) {} })();"])));
    const child = spawn(process.execPath, [CLI, "--exercises", course.exercisesDir, "--timeout", "60", "--jobs", "2", spin, spin], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: "ignore",
    });
    try {
      // wait for two sandboxes (bwrap and the node inside it) to be running
      let sandboxes: number[] = [];
      for (let i = 0; i < 300 && sandboxes.length < 4; i++) {
        await sleep(100);
        sandboxes = descendants(child.pid!).filter((pid) => {
          try {
            return /^(bwrap|node)$/.test(fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim());
          } catch {
            return false;
          }
        });
      }
      assert.ok(sandboxes.length >= 4, `sandboxes running: ${sandboxes.length}`);
      assert.equal(fs.readdirSync(tmp).length, 1); // the grader's folder of runner bundles
      const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
      const t0 = Date.now();
      child.kill(signal);
      const code = await exited;
      while (sandboxes.some(alive) && Date.now() - t0 < 5000) await sleep(20);
      const ms = Date.now() - t0;
      console.log(`${signal}: ${sandboxes.length} sandbox processes ended ${ms} ms after the signal`);
      assert.deepEqual(sandboxes.filter(alive), []);
      assert.ok(ms < 2000, `sandboxes ended ${ms} ms after ${signal}`);
      assert.equal(code, signal === "SIGINT" ? 130 : 143);
      assert.deepEqual(fs.readdirSync(tmp), []);
      const groups = ["memory", "pids"].flatMap((c) => {
        const parent = fs.readFileSync("/proc/self/cgroup", "utf8").split("\n").find((l) => l.split(":")[1] === c)?.split(":")[2] ?? "/";
        const dir = path.join("/sys/fs/cgroup", c, parent);
        return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith(`optimlab-${child.pid}-`)) : [];
      });
      assert.deepEqual(groups, []);
    } finally {
      child.kill("SIGKILL");
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
};

// bubblewrap's --die-with-parent alone is not enough: a grader killed while bwrap is still setting
// up (the first milliseconds of a sandbox) left bwrap's first process in the namespace running, so
// the grader is killed at several moments from the first sandbox's start on.
test("SIGKILL on the grader (no handler can run), at any moment of a sandbox's start: the watcher still ends every sandbox", async () => {
  const spin = path.join(course.root, "spin-kill.ipynb");
  fs.writeFileSync(spin, JSON.stringify(standinSubmission(SOLUTIONS, ["const spin = (() => { for (;;) {} })();"])));
  for (const delay of [0, 1, 2, 4, 8, 16, 200]) {
    const child = spawn(process.execPath, [CLI, "--exercises", course.exercisesDir, "--timeout", "60", "--jobs", "2", spin], { stdio: "ignore" });
    const seen = new Set<number>();
    let started = 0;
    for (const t0 = Date.now(); Date.now() - t0 < 30_000; ) {
      await new Promise((r) => setImmediate(r));
      const now = descendants(child.pid!);
      for (const pid of now) seen.add(pid);
      // a sandbox's watcher (a shell waiting on the grader's pipe) is the first sign of a sandbox
      if (!started && now.some((pid) => cmdline(pid).includes("read -r _"))) started = Date.now();
      if (started && Date.now() - started >= delay) break;
    }
    assert.ok(started > 0, "no sandbox started");
    // each sandbox is a process group led by the grader's child: a process born after the last
    // look (bwrap's namespace is made in the last microseconds) is still found by its group
    const groups = new Set(processes().filter((p) => p.ppid === child.pid).map((p) => p.pid));
    child.kill("SIGKILL");
    const sandboxes = [...seen];
    const leftover = () => processes().filter((p) => seen.has(p.pid) || groups.has(p.pgid));
    const t0 = Date.now();
    while (leftover().length > 0 && Date.now() - t0 < 10_000) await sleep(50);
    const left = leftover().map((p) => `${p.pid} ${cmdline(p.pid).replace(/\0/g, " ").slice(0, 80)}`);
    console.log(`SIGKILL ${delay} ms into a sandbox's start: ${sandboxes.length} processes ended ${Date.now() - t0} ms after the grader was killed`);
    assert.deepEqual(left, [], `killed ${delay} ms into a sandbox's start`);
  }
});

/** The uid and the pid namespace of a process, from /proc. */
function owner(pid: number): { uid: number; ownPidNamespace: boolean } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const uid = Number(/^Uid:\s+(\d+)/m.exec(status)![1]);
  return { uid, ownPidNamespace: fs.readlinkSync(`/proc/${pid}/ns/pid`) !== fs.readlinkSync("/proc/self/ns/pid") };
}

test("without bubblewrap as root (a Gradescope container): a uid of its own, kernel limits, every row says REDUCED; refuses while sources are readable; not root: refuses", async () => {
  const env = { OPTIMLAB_BWRAP: "/nonexistent/bwrap" };
  if (!isRoot) {
    const r = grade([filled], env);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /refusing to run submissions without isolation: bubblewrap \(bwrap\) is not installed/);
    return;
  }
  const j = grade(["--json", filled, untouched], env);
  assert.equal(j.status, 0, j.stderr);
  const rows = JSON.parse(j.stdout);
  assert.deepEqual(rows.map((r: any) => r.score), [7, 0]);
  for (const r of rows) assert.match(r.notes[0], /^graded with REDUCED isolation \(bubblewrap \(bwrap\) is not installed at \/nonexistent\/bwrap.*\): the submission's code ran as uid \d+, a uid of its own/);

  // the submission's process: uid 0x70000000 + the grader's pid, in the machine's pid namespace, killed with a SIGKILLed grader
  const spin = path.join(course.root, "spin-uid.ipynb");
  fs.writeFileSync(spin, JSON.stringify(standinSubmission(SOLUTIONS, ["const spin = (() => { for (;;) {} })();"])));
  const child = spawn(process.execPath, [CLI, "--exercises", course.exercisesDir, "--timeout", "60", "--jobs", "2", spin], { env: { ...process.env, ...env }, stdio: "ignore" });
  let runners: number[] = [];
  for (let i = 0; i < 300 && runners.length < 1; i++) {
    await sleep(100);
    runners = descendants(child.pid!).filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "node" && cmdline(pid).includes("runner-");
      } catch {
        return false;
      }
    });
  }
  await sleep(300);
  const sandboxes = descendants(child.pid!);
  const running = sandboxes.filter((pid) => cmdline(pid).includes("runner-") && !cmdline(pid).startsWith("/bin/sh"));
  child.kill("SIGKILL");
  assert.ok(runners.length >= 1, `runners: ${runners.length}`);
  // --jobs 2 asked, but one sandbox at a time: all of them share the grader's sandbox uid and the process list
  assert.equal(running.length, 1, `sandboxes running at once: ${running.join(" ")}`);
  for (const pid of runners) {
    try {
      assert.deepEqual(owner(pid), { uid: 0x70000000 + child.pid!, ownPidNamespace: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e; // a case that already ended
    }
  }
  const t0 = Date.now();
  while (sandboxes.some(alive) && Date.now() - t0 < 10_000) await sleep(50);
  assert.deepEqual(sandboxes.filter(alive), []);

  // an exercise source the sandbox's uid could read: refused, naming it
  fs.chmodSync(course.root, 0o755);
  try {
    const r = grade([filled], env);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /refusing to grade with reduced isolation .*uid \d+ could read .*00-standin\.ipynb/);
    assert.match(r.stderr, /chmod -R go-rwx/);
  } finally {
    fs.chmodSync(course.root, 0o700);
  }
});
