/**
 * The walls the operating system puts around a submission's process (DESIGN.md §7), found once
 * per grader process. Where user namespaces work (a desktop, CI, most servers), mode "bubblewrap":
 *
 * - bubblewrap (`bwrap --unshare-all --die-with-parent`): a private filesystem view holding only
 *   /usr (read-only: node and its libraries), a fresh /proc and /dev, an empty /tmp and a
 *   read-only copy of the runner bundle (handed over as an open file descriptor), and
 *   private network, pid, ipc and uts namespaces (no network at all: loopback only);
 * - an unprivileged uid (nobody, 65534) when the grader runs as root, dropped with setpriv
 *   before bwrap starts, so nothing the sandbox does can write the grader's files;
 * - cgroup v1 `memory` and `pids` controllers where the grader may create groups (root), so
 *   memory (sockets and typed arrays included) and the number of processes and threads are
 *   limited by the kernel; elsewhere resident memory is polled, and the report says so;
 * - RLIMIT_NOFILE (prlimit) for open files and sockets. Not RLIMIT_AS (it breaks WebAssembly)
 *   nor RLIMIT_NPROC (root ignores it).
 *
 * Where bubblewrap cannot start but the grader is root (a Gradescope container without user
 * namespaces), mode "uid": a uid of its own (REDUCED_UID_BASE + the grader's pid, so the kernel
 * stops it from signalling any other process), no-new-privileges, cgroups and RLIMIT_NOFILE, but
 * the machine's own filesystem view, network and process list. The grader then refuses to
 * run unless the sandbox's uid cannot read the exercise sources and the submissions
 * (`readableToSandbox`), and every row of the report says what isolation was left
 * (`isolationNote`).
 *
 * Without either there is no isolation: the grader refuses to run unless the instructor passes
 * --no-isolation, and then every row of the report says so.
 *
 * Whatever the mode, every sandbox runs under a watcher (`supervised`) that kills it when the
 * grader ends, even by SIGKILL.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The one command that provides the isolation on Debian and Ubuntu. */
export const ISOLATION_INSTALL = "sudo apt-get install bubblewrap";

/** The sandbox's uid in mode "bubblewrap" (nobody): its namespaces keep it apart from other processes of that uid. */
export const SANDBOX_UID = 65534;
/**
 * Mode "uid" has no namespaces, so its sandbox gets a uid no account and no other program uses:
 * one per grader process, above the uid ranges systemd hands to containers (below 0x70000000).
 * Another process of that uid cannot exist, so the kernel itself stops the sandbox from signalling,
 * renicing or tracing anything outside it (bubblewrap's pid namespace does that in the other mode).
 */
export const REDUCED_UID_BASE = 0x70000000;
export const MAX_OPEN_FILES = 64;
export const MAX_PROCESSES = 48; // threads count: node runs about a dozen

export interface Isolation {
  /** true when a sandbox can start here (in either mode). */
  ok: boolean;
  /** "bubblewrap": namespaces and all; "uid": an unprivileged uid and kernel limits only. */
  mode?: "bubblewrap" | "uid";
  bwrap?: string;
  /** The uid the sandbox runs as, when the grader is root: SANDBOX_UID, or a uid of its own in mode "uid". */
  uid?: number;
  /** setpriv: drops root to `uid` (when the grader runs as root). */
  setpriv?: string;
  prlimit?: string;
  /** Parent cgroup folders of the memory and pids controllers we may create groups in. */
  cgroups?: { memory: string; pids: string };
  /** Why isolation is missing (when !ok), or why bubblewrap could not start (mode "uid"). */
  reason?: string;
}

const BWRAP = ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"];

function which(candidates: string[]): string | undefined {
  return candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The cgroup v1 folder of this process for `controller`, if we may create groups in it. */
function cgroupParent(controller: "memory" | "pids"): string | undefined {
  if (!isRoot()) return undefined;
  try {
    const line = fs.readFileSync("/proc/self/cgroup", "utf8").split("\n").find((l) => l.split(":")[1]?.split(",").includes(controller));
    if (!line) return undefined;
    const dir = path.join("/sys/fs/cgroup", controller, line.split(":")[2] ?? "/");
    const probe = path.join(dir, `optimlab-probe-${process.pid}`);
    fs.mkdirSync(probe);
    fs.rmdirSync(probe);
    removeStaleGroups(dir);
    return dir;
  } catch {
    return undefined;
  }
}

/** Empty groups left by a grader that was killed outright (optimlab-<its pid>-<n>, pid gone). */
function removeStaleGroups(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const m = /^optimlab-(\d+)-\d+$/.exec(name);
    if (!m || fs.existsSync(`/proc/${m[1]}`)) continue;
    try {
      fs.rmdirSync(path.join(dir, name)); // fails while a process is still in it: kept
    } catch {
      /* not empty or gone */
    }
  }
}

/** The command that runs `argv` inside the walls (see the file comment); cgroups are joined by `supervised`. */
export function isolatedCommand(iso: Isolation, binds: { ro: string[]; data?: { fd: number; dest: string }[] }, argv: string[]): string[] {
  if (!iso.ok) throw new Error("isolatedCommand: no isolation on this machine");
  const limit = iso.prlimit ? [iso.prlimit, `--nofile=${MAX_OPEN_FILES}:${MAX_OPEN_FILES}`, "--"] : [];
  const uid = iso.uid ?? SANDBOX_UID;
  const drop = iso.setpriv && isRoot() ? [iso.setpriv, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--no-new-privs", "--"] : [];
  if (iso.mode === "uid") return [...limit, ...drop, ...argv];
  const bwrap = [
    iso.bwrap!, "--unshare-all", "--die-with-parent",
    "--ro-bind", "/usr", "/usr",
    ...["lib", "lib64", "bin"].flatMap((d) => (isSymlink(`/${d}`) ? ["--symlink", fs.readlinkSync(`/${d}`), `/${d}`] : fs.existsSync(`/${d}`) ? ["--ro-bind", `/${d}`, `/${d}`] : [])),
    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
    ...binds.ro.flatMap((p) => ["--ro-bind", p, p]),
    // a file handed over as an open descriptor: the unprivileged uid need not reach its folder
    ...(binds.data ?? []).flatMap((d) => ["--perms", "0444", "--ro-bind-data", String(d.fd), d.dest]),
    "--chdir", "/tmp", "--clearenv",
    ...argv,
  ];
  return [...limit, ...drop, ...bwrap];
}

/** The descriptor on which a supervised command's watcher waits for the grader to end. */
export const LIFELINE_FD = 5;

/**
 * `command` under a watcher, with its process group (and cgroups, if any) killed when the grader
 * ends, however it ends. A shell forks the watcher, joins the cgroups (so no child escapes them)
 * and becomes `command`. The watcher blocks reading descriptor LIFELINE_FD, a pipe whose other end
 * only the grader holds: the read returns when the grader has ended or closed it, even after a
 * SIGKILL no handler sees (bubblewrap's --die-with-parent alone leaves its namespace's first
 * process running if the grader dies while bwrap is still setting up). Then the watcher kills
 * everything in the cgroups and its own process group (the sandbox's, itself included).
 */
export function supervised(command: string[], cgroups?: { memory: string; pids: string }): string[] {
  const script = [
    'm=$0 p=$1; shift',
    `( read -r _ <&${LIFELINE_FD}`,
    '  if [ -n "$m" ]; then for pid in $(cat "$m/cgroup.procs" "$p/cgroup.procs"); do kill -KILL "$pid"; done; fi',
    `  kill -KILL 0 ) </dev/null >/dev/null 2>&1 3>&- 4<&- &`,
    `exec ${LIFELINE_FD}<&-`,
    'if [ -n "$m" ]; then { echo $$ > "$m/cgroup.procs" && echo $$ > "$p/cgroup.procs"; } || exit 125; fi',
    'exec "$@"',
  ].join("\n");
  return ["/bin/sh", "-c", script, cgroups?.memory ?? "", cgroups?.pids ?? "", ...command];
}

/**
 * Of `paths`, those the sandbox's uid can read (mode "uid" only, where the sandbox shares the
 * machine's files: the exercise sources and other students' submissions must not be among them).
 * Asked of the kernel, as that uid.
 */
export function readableToSandbox(iso: Isolation, paths: string[]): string[] {
  if (iso.mode !== "uid" || !iso.setpriv || iso.uid === undefined || paths.length === 0) return [];
  const check = 'for f; do if [ -r "$f" ]; then printf "%s\\0" "$f"; fi; done';
  const uid = iso.uid;
  const r = spawnSync(iso.setpriv, [`--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--", "/bin/sh", "-c", check, "sh", ...paths], { encoding: "utf8", timeout: 30_000 });
  if (r.status !== 0) throw new Error(`could not check what uid ${uid} can read: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
  return r.stdout.split("\0").filter((f) => f !== "");
}

/** What a report row says about the isolation it was graded with ("" for full isolation). */
export function isolationNote(iso: Isolation): string {
  if (iso.mode !== "uid") return "";
  const limits = [iso.cgroups ? "cgroup memory and pids limits" : "memory polled (no cgroup)", ...(iso.prlimit ? ["an open-file limit"] : [])];
  return (
    `graded with REDUCED isolation (${iso.reason}): the submission's code ran as uid ${iso.uid}, a uid of its own, with ${limits.join(" and ")}, ` +
    "unable to read the exercise sources or submissions, but with the machine's network and process list"
  );
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

let found: Isolation | undefined;

/** Runs a trivial node inside the walls of `iso`: "" when it works, else why not. */
function probe(iso: Isolation): string {
  const argv = isolatedCommand(iso, { ro: [] }, [process.execPath, "-e", "process.getuid()"]);
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ["ignore", "ignore", "pipe"], timeout: 10_000, encoding: "utf8" });
  return r.status === 0 ? "" : (r.stderr || r.error?.message || `exit ${r.status}`).trim().slice(0, 200);
}

/** What isolation this machine gives (probed once: node really runs inside the walls). */
export function findIsolation(): Isolation {
  if (found) return found;
  if (process.platform !== "linux") return (found = { ok: false, reason: "bubblewrap needs Linux" });
  // OPTIMLAB_BWRAP names a bwrap installed elsewhere (set to a missing path, it shows the refusal or
  // the reduced mode); OPTIMLAB_SETPRIV likewise for setpriv.
  const bwrapEnv = process.env.OPTIMLAB_BWRAP;
  const setprivEnv = process.env.OPTIMLAB_SETPRIV;
  const base: Isolation = {
    ok: true,
    setpriv: setprivEnv !== undefined ? which([setprivEnv]) : which(["/usr/bin/setpriv", "/bin/setpriv"]),
    prlimit: which(["/usr/bin/prlimit", "/bin/prlimit"]),
  };
  if (isRoot() && !base.setpriv) return (found = { ok: false, reason: "setpriv (util-linux) is missing: the sandbox cannot drop root" });
  const memory = cgroupParent("memory");
  const pids = cgroupParent("pids");
  if (memory && pids) base.cgroups = { memory, pids };
  const bwrap = bwrapEnv !== undefined ? which([bwrapEnv]) : which(BWRAP);
  let why = `bubblewrap (bwrap) is not installed${bwrapEnv !== undefined && !bwrap ? ` at ${bwrapEnv} (OPTIMLAB_BWRAP)` : ""}`;
  if (bwrap) {
    const full: Isolation = { ...base, mode: "bubblewrap", bwrap, ...(isRoot() ? { uid: SANDBOX_UID } : {}) };
    const failed = probe(full);
    if (!failed) return (found = full);
    why = `bubblewrap cannot start a sandbox here (${failed})`;
  }
  if (isRoot()) {
    const reduced: Isolation = { ...base, mode: "uid", uid: REDUCED_UID_BASE + process.pid, reason: why };
    const failed = probe(reduced);
    if (!failed) return (found = reduced);
    why += `; node cannot run as uid ${reduced.uid} either (${failed})`;
  }
  return (found = { ok: false, reason: why });
}

/** For tests: forget what was found. */
export function resetIsolation(): void {
  found = undefined;
}
