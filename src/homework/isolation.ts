/**
 * The walls the operating system puts around a submission's process (DESIGN.md §7), found once
 * per grader process:
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
 * Without bubblewrap there is no isolation: the grader refuses to run unless the instructor
 * passes --no-isolation, and then every row of the report says so.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The one command that provides the isolation on Debian and Ubuntu. */
export const ISOLATION_INSTALL = "sudo apt-get install bubblewrap";

export const SANDBOX_UID = 65534;
export const MAX_OPEN_FILES = 64;
export const MAX_PROCESSES = 48; // threads count: node runs about a dozen

export interface Isolation {
  /** true when bubblewrap works here. */
  ok: boolean;
  bwrap?: string;
  /** setpriv: drops root to SANDBOX_UID (when the grader runs as root) and sets the parent-death signal. */
  setpriv?: string;
  prlimit?: string;
  /** Parent cgroup folders of the memory and pids controllers we may create groups in. */
  cgroups?: { memory: string; pids: string };
  /** Why isolation is missing (when !ok). */
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

/** The command prefix that runs `argv` inside the walls (see the file comment). */
export function isolatedCommand(
  iso: Isolation,
  binds: { ro: string[]; data?: { fd: number; dest: string }[] },
  argv: string[],
  cgroups?: { memory: string; pids: string },
): string[] {
  if (!iso.ok || !iso.bwrap) throw new Error("isolatedCommand: no isolation on this machine");
  const bwrap = [
    iso.bwrap, "--unshare-all", "--die-with-parent",
    "--ro-bind", "/usr", "/usr",
    ...["lib", "lib64", "bin"].flatMap((d) => (isSymlink(`/${d}`) ? ["--symlink", fs.readlinkSync(`/${d}`), `/${d}`] : fs.existsSync(`/${d}`) ? ["--ro-bind", `/${d}`, `/${d}`] : [])),
    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
    ...binds.ro.flatMap((p) => ["--ro-bind", p, p]),
    // a file handed over as an open descriptor: the unprivileged uid need not reach its folder
    ...(binds.data ?? []).flatMap((d) => ["--perms", "0444", "--ro-bind-data", String(d.fd), d.dest]),
    "--chdir", "/tmp", "--clearenv",
    ...argv,
  ];
  // The sandbox dies with the grader even when the grader is killed outright (SIGKILL): setpriv sets
  // the parent-death signal after it drops root (a uid change clears it), and a shell then checks that
  // its parent is still this grader, so a grader that died before the signal was set is noticed too
  // (bwrap is not set-uid, so the signal survives its exec; bwrap then sets its own, --die-with-parent).
  const parentCheck = ["/bin/sh", "-c", 'read -r _pid _comm _state ppid _rest < /proc/$$/stat && [ "$ppid" = "$0" ] && exec "$@"', String(process.pid)];
  const drop = iso.setpriv
    ? [iso.setpriv, ...(isRoot() ? [`--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, "--clear-groups"] : []), "--pdeathsig", "KILL", "--", ...parentCheck]
    : [];
  const limit = iso.prlimit ? [iso.prlimit, `--nofile=${MAX_OPEN_FILES}:${MAX_OPEN_FILES}`, "--"] : [];
  // A shell puts itself in the cgroups BEFORE it becomes the sandbox, so no child escapes them.
  const join = cgroups ? ["/bin/sh", "-c", 'echo $$ > "$0/cgroup.procs" && echo $$ > "$1/cgroup.procs" && shift && exec "$@"', cgroups.memory, cgroups.pids] : [];
  return [...join, ...limit, ...drop, ...bwrap];
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

let found: Isolation | undefined;

/** What isolation this machine gives (probed once: bwrap really runs node inside its walls). */
export function findIsolation(): Isolation {
  if (found) return found;
  if (process.platform !== "linux") return (found = { ok: false, reason: "bubblewrap needs Linux" });
  // OPTIMLAB_BWRAP names a bwrap installed elsewhere (set to a missing path, it shows the refusal).
  const env = process.env.OPTIMLAB_BWRAP;
  const bwrap = env !== undefined ? which([env]) : which(BWRAP);
  if (!bwrap) return (found = { ok: false, reason: `bubblewrap (bwrap) is not installed${env !== undefined ? ` at ${env} (OPTIMLAB_BWRAP)` : ""}` });
  const iso: Isolation = {
    ok: true,
    bwrap,
    setpriv: which(["/usr/bin/setpriv", "/bin/setpriv"]),
    prlimit: which(["/usr/bin/prlimit", "/bin/prlimit"]),
  };
  if (isRoot() && !iso.setpriv) return (found = { ok: false, reason: "setpriv (util-linux) is missing: the sandbox cannot drop root" });
  const memory = cgroupParent("memory");
  const pids = cgroupParent("pids");
  if (memory && pids) iso.cgroups = { memory, pids };
  const r = spawnSync(isolatedCommand(iso, { ro: [] }, [])[0], [...isolatedCommand(iso, { ro: [] }, [process.execPath, "-e", "process.getuid()"]).slice(1)], {
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 10_000,
    encoding: "utf8",
  });
  if (r.status !== 0) {
    return (found = { ok: false, reason: `bubblewrap cannot start a sandbox here (${(r.stderr || r.error?.message || `exit ${r.status}`).trim().slice(0, 200)})` });
  }
  return (found = iso);
}

/** For tests: forget what was found. */
export function resetIsolation(): void {
  found = undefined;
}
