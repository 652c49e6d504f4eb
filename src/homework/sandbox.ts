/**
 * Runs one job (one submission × one exercise) in a process of its own, walled in:
 *
 * - Node's permission model: the process may read only its fresh temporary working folder and
 *   the runner bundle (runner + library in ONE file: not node_modules, where a symlink leads
 *   back to the repository and its hidden tests); it may write no file, start no process or
 *   worker thread, and load no native addon;
 * - no network where `unshare -rn` works (a user namespace with no network: Linux);
 * - an empty environment (no secrets inherited), `--max-old-space-size` for the JS heap and a
 *   watchdog on the process's resident memory (typed arrays live outside that heap);
 * - a wall-clock limit for the whole exercise: the process is killed when it runs out;
 * - its output read through a pipe, with caps, as plain JSON lines.
 *
 * If the process dies part way (a crash, memory), the case it was on fails with the reason and
 * a fresh process carries on with the rest; a timeout ends the exercise.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Job, RunnerMessage } from "./runner";

export type CaseOutcome = { ok: true; value: unknown } | { ok: false; error: string };

export interface SandboxResult {
  /** By case id; a missing id means the case never ran (see `stopped`). */
  results: Map<number, CaseOutcome>;
  /** Errors of the submission's cells ("cell 4: ReferenceError: …"). */
  cellErrors: string[];
  /** Why some cases have no result: "timed out after 10 s", "…ended the process…". */
  stopped?: string;
}

export interface SandboxOptions {
  /** The bundled runner (see buildRunnerBundle). */
  bundle: string;
  /** Wall-clock limit for the whole job, in seconds. */
  timeout: number;
  /** Memory limit, in MB (heap and resident size). */
  memoryMb?: number;
}

const MAX_RESULT_BYTES = 64 << 20;
const MAX_LOG_CHARS = 2000;
const MAX_RESTARTS = 3;

/** Packages left out of the runner bundle: big, or for tools only; graded functions never need them. */
export const NOT_BUNDLED = ["typescript", "esbuild", "mathjs", "plotly.js", "tslab", "mnist"];

/**
 * Bundles runner.js with the library into `dir/runner.js` (esbuild, well under a second). Each
 * package of NOT_BUNDLED becomes a stand-in whose functions throw "… is not available while
 * grading", so the library loads without them (mathjs alone would add 3 MB and seconds of start-up
 * to every process).
 */
export async function buildRunnerBundle(dir: string): Promise<string> {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const outfile = path.join(dir, "runner.js");
  const names = NOT_BUNDLED.map((n) => n.replace(/[.]/g, "\\.")).join("|");
  await esbuild.build({
    stdin: { contents: `require(${JSON.stringify(path.join(__dirname, "runner.js"))}).runnerMain();`, resolveDir: __dirname, loader: "js" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "silent",
    plugins: [
      {
        name: "not-bundled",
        setup(build) {
          build.onResolve({ filter: new RegExp(`^(${names})(/.*)?$`) }, (a) => ({ path: a.path, namespace: "not-bundled" }));
          build.onLoad({ filter: /.*/, namespace: "not-bundled" }, (a) => ({
            loader: "js",
            contents: `const fail = (k) => () => { throw new Error(${JSON.stringify(a.path)} + "." + String(k) + " is not available while grading"); };
module.exports = new Proxy({}, { get: (t, k) => (k === "__esModule" || typeof k === "symbol" ? undefined : fail(k)), ownKeys: () => [] });`,
          }));
        },
      },
    ],
  });
  return outfile;
}

let isolation: string[] | undefined;
/** ["unshare", "-rn"] where that gives a process with no network, else []. */
export function networkIsolation(): string[] {
  if (isolation === undefined) {
    isolation = [];
    if (process.platform === "linux") {
      const r = spawnSync("unshare", ["-rn", process.execPath, "-e", "0"], { stdio: "ignore", timeout: 5000 });
      if (r.status === 0) isolation = ["unshare", "-rn"];
    }
  }
  return isolation;
}

/** The flag that turns on Node's permission model on this Node (renamed in Node 22). */
export function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
}

const live = new Set<number>();
process.once("exit", () => {
  for (const pid of live) killGroup(pid);
});

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

/** Runs `job` and resolves with every value it returned; never rejects for anything the job does. */
export async function runInSandbox(job: Job, options: SandboxOptions): Promise<SandboxResult> {
  const results = new Map<number, CaseOutcome>();
  const cellErrors: string[] = [];
  const deadline = Date.now() + options.timeout * 1000;
  let pending = job.cases;
  for (let attempt = 0; ; attempt++) {
    const run = await runOnce({ ...job, cases: pending }, options, deadline - Date.now());
    for (const [id, r] of run.results) if (!results.has(id)) results.set(id, r);
    if (attempt === 0) cellErrors.push(...run.cellErrors);
    pending = pending.filter((c) => !results.has(c.id));
    if (pending.length === 0 || run.done) return { results, cellErrors };
    if (run.timedOut || attempt >= MAX_RESTARTS || Date.now() >= deadline) {
      return { results, cellErrors, stopped: run.timedOut ? `timed out after ${options.timeout} s` : run.why };
    }
    // The case in flight killed the process: it fails, a fresh process takes the others.
    results.set(pending[0].id, { ok: false, error: run.why });
    pending = pending.slice(1);
    if (pending.length === 0) return { results, cellErrors };
  }
}

interface OnceResult {
  results: Map<number, CaseOutcome>;
  cellErrors: string[];
  done: boolean;
  timedOut: boolean;
  why: string;
}

function runOnce(job: Job, options: SandboxOptions, msLeft: number): Promise<OnceResult> {
  const memoryMb = options.memoryMb ?? 512;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-submission-"));
  fs.writeFileSync(path.join(work, "job.json"), JSON.stringify(job));
  const nodeArgs = [
    permissionFlag(),
    `--allow-fs-read=${work}${path.sep}`,
    `--allow-fs-read=${options.bundle}`,
    `--max-old-space-size=${Math.max(32, Math.floor(memoryMb / 2))}`,
    "--unhandled-rejections=warn",
    "--no-warnings",
    options.bundle,
  ];
  const net = networkIsolation();
  const [cmd, ...args] = [...net, process.execPath, ...nodeArgs];
  const out: OnceResult = { results: new Map(), cellErrors: [], done: false, timedOut: false, why: "" };
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: work,
      env: {},
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      detached: true,
    });
    if (child.pid) live.add(child.pid);
    let log = "";
    let bytes = 0;
    let buffered = "";
    let reason = "";
    const stop = (why: string) => {
      if (!reason) reason = why;
      if (child.pid) killGroup(child.pid);
    };
    const keepLog = (chunk: Buffer) => {
      if (log.length < MAX_LOG_CHARS) log += chunk.toString("utf8").slice(0, MAX_LOG_CHARS - log.length);
    };
    child.stdout!.on("data", () => undefined); // printing is allowed and ignored
    child.stderr!.on("data", keepLog);
    const results = child.stdio[3] as NodeJS.ReadableStream;
    results.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_RESULT_BYTES) return stop(`returned more than ${MAX_RESULT_BYTES >> 20} MB of values`);
      buffered += chunk.toString("utf8");
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        handle(line);
      }
    });
    const handle = (line: string) => {
      let m: RunnerMessage;
      try {
        m = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof m !== "object" || m === null) return;
      if (m.type === "cell" && typeof m.label === "string" && typeof m.error === "string") {
        if (out.cellErrors.length < 20) out.cellErrors.push(`${m.label.slice(0, 40)}: ${m.error.slice(0, 400)}`);
      } else if (m.type === "result" && typeof m.id === "number" && !out.results.has(m.id)) {
        if (m.ok === true) out.results.set(m.id, { ok: true, value: m.value });
        else out.results.set(m.id, { ok: false, error: String((m as { error?: unknown }).error).slice(0, 400) });
      } else if (m.type === "done") {
        out.done = true;
        stop("done");
      }
    };
    const timer = setTimeout(() => {
      out.timedOut = true;
      stop("timed out");
    }, Math.max(0, msLeft));
    const watchdog = setInterval(() => {
      const rss = residentMb(child.pid);
      if (rss > memoryMb) stop(`used more than ${memoryMb} MB of memory`);
    }, 100);
    const finish = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      if (child.pid) live.delete(child.pid);
      fs.rmSync(work, { recursive: true, force: true });
      if (!out.done && !out.timedOut) {
        if (reason) out.why = reason;
        else if (/heap out of memory|Allocation failed/i.test(log)) out.why = `used more than ${memoryMb} MB of memory`;
        else {
          const lines = log.split("\n").map((l) => l.trim()).filter((l) => l !== "");
          const tail = lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.slice(-1)[0] ?? "";
          out.why = `the process ended before returning (${signal ? `signal ${signal}` : `exit code ${code}`})` +
            (tail ? `: ${tail.slice(0, 200)}` : "");
        }
      }
      resolve(out);
    };
    child.on("error", (e) => {
      out.why = `could not start the submission's process: ${e.message}`;
      finish(null, null);
    });
    child.on("close", finish);
  });
}

/** Resident memory of a process in MB (Linux /proc; 0 where it cannot be read). */
function residentMb(pid: number | undefined): number {
  if (!pid || process.platform !== "linux") return 0;
  try {
    const pages = Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return (pages * 4096) / (1 << 20);
  } catch {
    return 0;
  }
}
