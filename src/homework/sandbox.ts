/**
 * Runs one job (one submission × one graded part) in a process of its own, walled in by the
 * operating system (isolation.ts: bubblewrap, an unprivileged uid, cgroup memory and pids
 * limits, RLIMIT_NOFILE) and, inside those walls, by Node's permission model (read only the
 * runner bundle; no child processes, worker threads, native addons or file writes) and by the
 * runner itself (no signals to other processes nor renicing them, no unix socket files: runner.ts).
 *
 * - the job (cells and INPUTS, never expected values) goes in on stdin; results come back as
 *   JSON lines on fd 3, read as untrusted input (messageReader.ts);
 * - an empty environment, `--max-old-space-size` for the JS heap, and a wall-clock limit for
 *   the whole part: the process group is killed when it runs out;
 * - every process is registered until it is gone: Ctrl-C or SIGTERM on the grader kills them
 *   all and removes their cgroups and the grader's temporary folders (interruptHandlers); a
 *   grader killed outright (SIGKILL) is noticed by each sandbox's watcher (isolation.ts
 *   `supervised`), which kills that sandbox.
 *
 * If the process dies part way (a crash, memory), the case it was on fails with the reason and
 * a fresh process carries on with the rest; a timeout ends the part.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { isolatedCommand, Isolation, LIFELINE_FD, MAX_PROCESSES, supervised } from "./isolation";
import { messageReader } from "./messageReader";
import type { Job } from "./runner";

/**
 * A failed case's error is the submission's message, or (byGrader) the grader's own words, with
 * `full` the same words plus what the submission could choose (its exit code, its signal): for
 * instructors only, as an exit code is a free byte a submission can fill with a hidden input.
 */
export type CaseOutcome = { ok: true; value: unknown } | { ok: false; error: string; byGrader?: boolean; full?: string };

export interface SandboxResult {
  /** By case id; a missing id means the case never ran (see `stopped`). */
  results: Map<number, CaseOutcome>;
  /** Errors of the submission's cells ("cell 4: ReferenceError: …"), sent before any case ran. */
  cellErrors: string[];
  /** Why some cases have no result: "timed out after 10 s", "used more than 512 MB…". */
  stopped?: string;
  /** `stopped` with the exit code or signal, if the process ended by itself (instructors only). */
  stoppedFull?: string;
  /** What the process printed on stderr before it died (may carry anything: instructors only). */
  detail?: string;
}

export interface SandboxOptions {
  /** The bundled runner (see runnerBundle.ts). */
  bundle: string;
  /** Wall-clock limit for the whole job, in seconds. */
  timeout: number;
  /** Memory limit, in MB. */
  memoryMb?: number;
  /** The walls (findIsolation()); undefined runs with Node's permission model only (--no-isolation). */
  isolation?: Isolation;
}

/** Where the runner bundle is inside the sandbox. */
export const INSIDE_BUNDLE = "/grader/runner.js";

export const SANDBOX_LIMITS = {
  maxResultBytes: 64 << 20,
  maxLineBytes: 32 << 20,
  maxDepth: 32,
  maxLogChars: 2000,
  maxRestarts: 3,
};

/** The flag that turns on Node's permission model on this Node (renamed in Node 22). */
export function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
}

// ---- everything alive, so an interrupted grader leaves nothing behind ----

const live = new Map<number, () => void>();
const tempDirs = new Set<string>();

/** A folder the grader made; removed when grading ends or is interrupted. */
export function registerTempDir(dir: string): void {
  tempDirs.add(dir);
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Kills every sandbox still running and removes the temporary folders. Synchronous. */
export function killEverything(): void {
  for (const kill of [...live.values()]) kill();
  live.clear();
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/**
 * While grading: on SIGINT or SIGTERM kill every sandbox, remove the temporary folders, then end
 * with the signal's usual status; on exit, kill whatever is left. Returns the uninstaller.
 */
export function interruptHandlers(): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    killEverything();
    process.stderr.write(`grade: interrupted (${signal}); every sandbox stopped, temporary folders removed\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("exit", killEverything);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", killEverything);
  };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

// ---- cgroups (v1): one memory and one pids group per process ----

let groupSeq = 0;
interface Groups {
  memory: string;
  pids: string;
}

function makeGroups(iso: Isolation | undefined, memoryMb: number): Groups | undefined {
  if (!iso?.cgroups) return undefined;
  const name = `optimlab-${process.pid}-${++groupSeq}`;
  const g = { memory: path.join(iso.cgroups.memory, name), pids: path.join(iso.cgroups.pids, name) };
  fs.mkdirSync(g.memory);
  fs.mkdirSync(g.pids);
  const bytes = String(memoryMb * (1 << 20));
  fs.writeFileSync(path.join(g.memory, "memory.limit_in_bytes"), bytes);
  try {
    fs.writeFileSync(path.join(g.memory, "memory.memsw.limit_in_bytes"), bytes); // no swap either
  } catch {
    /* swap accounting off: there is no swap to use */
  }
  fs.writeFileSync(path.join(g.pids, "pids.max"), String(MAX_PROCESSES));
  try {
    fs.writeFileSync(path.join(g.memory, "memory.kmem.tcp.limit_in_bytes"), bytes); // socket buffers are counted apart in v1
  } catch {
    /* not offered by this kernel: RLIMIT_NOFILE still bounds the sockets */
  }
  return g;
}

function groupPids(g: Groups): number[] {
  const out: number[] = [];
  for (const dir of [g.memory, g.pids]) {
    try {
      for (const l of fs.readFileSync(path.join(dir, "cgroup.procs"), "utf8").split("\n")) if (l.trim()) out.push(Number(l));
    } catch {
      /* gone */
    }
  }
  return out;
}

function memoryHitLimit(g: Groups): boolean {
  try {
    // failcnt stays 0 when the kernel reclaims nothing and kills at once; oom_kill counts the kills
    const oom = /oom_kill (\d+)/.exec(fs.readFileSync(path.join(g.memory, "memory.oom_control"), "utf8"));
    return (oom !== null && Number(oom[1]) > 0) || Number(fs.readFileSync(path.join(g.memory, "memory.failcnt"), "utf8")) > 0;
  } catch {
    return false;
  }
}

function removeGroups(g: Groups): void {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const pid of groupPids(g)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    let left = 0;
    for (const dir of [g.memory, g.pids]) {
      try {
        fs.rmdirSync(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") left++;
      }
    }
    if (left === 0) return;
    const until = Date.now() + 10;
    while (Date.now() < until) {
      /* the kernel reaps the killed processes */
    }
  }
}

// ---- one job ----

/** Runs `job` and resolves with every value it returned; never rejects for anything the job does. */
export async function runInSandbox(job: Job, options: SandboxOptions): Promise<SandboxResult> {
  const results = new Map<number, CaseOutcome>();
  const cellErrors: string[] = [];
  const deadline = Date.now() + options.timeout * 1000;
  let pending = job.cases;
  let detail: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const run = await runOnce({ ...job, cases: pending }, options, deadline - Date.now());
    for (const [id, r] of run.results) if (!results.has(id)) results.set(id, r);
    if (attempt === 0) cellErrors.push(...run.cellErrors);
    if (run.log) detail = run.log;
    pending = pending.filter((c) => !results.has(c.id));
    if (pending.length === 0 || run.done) return { results, cellErrors, detail };
    if (run.timedOut || run.refused || attempt >= SANDBOX_LIMITS.maxRestarts || Date.now() >= deadline) {
      const stopped = run.timedOut ? `timed out after ${options.timeout} s` : run.why;
      return { results, cellErrors, detail, stopped, stoppedFull: run.timedOut ? stopped : run.whyFull || run.why };
    }
    // The case in flight killed the process: it fails, a fresh process takes the others.
    results.set(pending[0].id, { ok: false, error: run.why, byGrader: true, full: run.whyFull || run.why });
    pending = pending.slice(1);
    if (pending.length === 0) return { results, cellErrors, detail };
  }
}

interface OnceResult {
  results: Map<number, CaseOutcome>;
  cellErrors: string[];
  done: boolean;
  timedOut: boolean;
  /** The wire broke a rule: no restart. */
  refused: boolean;
  /** Why the process stopped, in the grader's words only. */
  why: string;
  /** `why` with the exit code or signal, when the process ended by itself ("" otherwise). */
  whyFull: string;
  log: string;
}

function runOnce(job: Job, options: SandboxOptions, msLeft: number): Promise<OnceResult> {
  const memoryMb = options.memoryMb ?? 512;
  const out: OnceResult = { results: new Map(), cellErrors: [], done: false, timedOut: false, refused: false, why: "", whyFull: "", log: "" };
  const iso = options.isolation;
  // Inside bubblewrap the bundle is a copy at INSIDE_BUNDLE; otherwise the file itself.
  const bwrap = iso?.mode === "bubblewrap";
  const bundle = bwrap ? INSIDE_BUNDLE : options.bundle;
  const nodeArgs = [
    permissionFlag(),
    `--allow-fs-read=${bundle}`,
    `--max-old-space-size=${Math.max(32, Math.floor(memoryMb / 2))}`,
    "--unhandled-rejections=warn",
    "--no-warnings",
    bundle,
  ];
  let groups: Groups | undefined;
  let argv: string[];
  let bundleFd: number | undefined;
  try {
    groups = makeGroups(iso, memoryMb);
    const node = [process.execPath, ...nodeArgs];
    const ro = process.execPath.startsWith("/usr/") ? [] : [path.dirname(process.execPath)];
    if (bwrap) bundleFd = fs.openSync(options.bundle, "r");
    argv = supervised(iso ? isolatedCommand(iso, { ro, data: bwrap ? [{ fd: 4, dest: INSIDE_BUNDLE }] : [] }, node) : node, groups);
  } catch (e) {
    if (groups) removeGroups(groups);
    if (bundleFd !== undefined) fs.closeSync(bundleFd);
    out.why = `the grader could not start a sandbox: ${(e as Error).message}`;
    out.refused = true;
    return Promise.resolve(out);
  }
  const wanted = new Set(job.cases.map((c) => c.id));
  return new Promise((resolve) => {
    // 0 the job, 2 the log, 3 the results, 4 the bundle (bubblewrap), LIFELINE_FD the watcher's pipe
    const stdio: ("pipe" | "ignore" | number)[] = ["pipe", "ignore", "pipe", "pipe", bundleFd ?? "ignore"];
    stdio[LIFELINE_FD] = "pipe";
    const child = spawn(argv[0], argv.slice(1), { cwd: path.dirname(options.bundle), env: {}, stdio, detached: true });
    if (bundleFd !== undefined) fs.closeSync(bundleFd);
    let reason = "";
    let finished = false;
    const killAll = () => {
      if (child.pid) killGroup(child.pid);
      if (groups) for (const pid of groupPids(groups)) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
    };
    if (child.pid) {
      live.set(child.pid, () => {
        killAll();
        if (groups) removeGroups(groups);
      });
    }
    const stop = (why: string) => {
      if (!reason) reason = why;
      killAll();
    };
    child.stdin!.on("error", () => undefined); // the process may die before reading its job
    child.stdin!.end(JSON.stringify(job));
    child.stderr!.on("data", (chunk: Buffer) => {
      if (out.log.length < SANDBOX_LIMITS.maxLogChars) out.log += chunk.toString("utf8").slice(0, SANDBOX_LIMITS.maxLogChars - out.log.length);
    });
    let cellsDone = false;
    let bytes = 0;
    const reader = messageReader(
      { maxLineBytes: SANDBOX_LIMITS.maxLineBytes, maxDepth: SANDBOX_LIMITS.maxDepth, maxMessages: 2 * job.cases.length + 64 },
      (m) => {
        if (m.type === "cell" && !cellsDone) {
          if (out.cellErrors.length < 20 && typeof m.label === "string" && typeof m.error === "string") {
            out.cellErrors.push(`${m.label.slice(0, 40)}: ${m.error.slice(0, 400)}`);
          }
        } else if (m.type === "cells") cellsDone = true;
        else if (m.type === "result" && typeof m.id === "number" && wanted.has(m.id) && !out.results.has(m.id)) {
          cellsDone = true;
          if (m.ok === true) out.results.set(m.id, { ok: true, value: m.value });
          else out.results.set(m.id, { ok: false, error: typeof m.error === "string" ? m.error.slice(0, 400) : "threw an error" });
        } else if (m.type === "done") {
          out.done = true;
          stop("done");
        }
      },
    );
    const results = child.stdio[3] as NodeJS.ReadableStream;
    results.on("data", (chunk: Buffer) => {
      if (reason) return;
      bytes += chunk.length;
      if (bytes > SANDBOX_LIMITS.maxResultBytes) {
        out.refused = true;
        return stop(`returned more than ${SANDBOX_LIMITS.maxResultBytes >> 20} MB of values`);
      }
      const broke = reader.push(chunk);
      if (broke) {
        out.refused = true;
        stop(broke);
      }
    });
    const timer = setTimeout(() => {
      out.timedOut = true;
      stop("timed out");
    }, Math.max(0, msLeft));
    // Without a memory cgroup, resident memory is polled (typed arrays live outside the heap).
    const watchdog = groups
      ? undefined
      : setInterval(() => {
          if (residentMb(child.pid) > memoryMb) stop(`used more than ${memoryMb} MB of memory`);
        }, 100);
    const finish = (code: number | null, signal: string | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (watchdog) clearInterval(watchdog);
      killAll();
      if (child.pid) live.delete(child.pid);
      const oom = groups ? memoryHitLimit(groups) : false;
      if (groups) removeGroups(groups);
      if (!out.done && !out.timedOut) {
        if (reason) out.why = reason;
        else if (oom || /heap out of memory|Allocation failed/i.test(out.log)) out.why = `used more than ${memoryMb} MB of memory`;
        else {
          out.why = "the process ended before returning";
          out.whyFull = `${out.why} (${signal ? `signal ${signal}` : `exit code ${code}`})`;
        }
      }
      resolve(out);
    };
    child.on("error", (e) => {
      out.why = `could not start the submission's process: ${e.message}`;
      out.refused = true;
      finish(null, null);
    });
    // the command ended: kill what it left in its group (the watcher too, which ends the lifeline)
    child.on("exit", killAll);
    child.on("close", finish);
  });
}

/** Resident memory of a process and all its descendants in MB (Linux /proc; 0 where it cannot be read). */
function residentMb(pid: number | undefined): number {
  if (!pid || process.platform !== "linux") return 0;
  let total = 0;
  const todo = [pid];
  for (let n = 0; todo.length > 0 && n < 256; n++) {
    const p = todo.pop()!;
    try {
      total += (Number(fs.readFileSync(`/proc/${p}/statm`, "utf8").split(" ")[1]) * 4096) / (1 << 20);
      for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").trim();
        if (kids) todo.push(...kids.split(" ").map(Number));
      }
    } catch {
      /* gone */
    }
  }
  return total;
}
