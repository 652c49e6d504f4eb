/**
 * Making sure the grader's isolation (bubblewrap, see src/homework/isolation.ts) is there:
 * `npm test` calls ensureIsolation as it does ensureJupyter. As root with apt, Debian's
 * `bubblewrap` is installed; elsewhere it stops with the one command to run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import { findIsolation, ISOLATION_INSTALL, resetIsolation } from "../homework/isolation";

function aptInstall(pkg: string): boolean {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !fs.existsSync("/usr/bin/apt-get")) return false;
  console.log(`optimlab: installing Debian package ${pkg} (apt, as root) for the grader's sandbox`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  return spawnSync("apt-get", ["install", "-y", "-q", "--no-install-recommends", pkg], { stdio: "inherit", env }).status === 0;
}

/** A one-line description of the isolation found; throws with the command to run where there is none. */
export function ensureIsolation(): string {
  let iso = findIsolation();
  if (!iso.ok && process.platform === "linux" && !fs.existsSync("/usr/bin/bwrap") && aptInstall("bubblewrap")) {
    resetIsolation();
    iso = findIsolation();
  }
  if (!iso.ok) {
    throw new Error(`optimlab: the grader cannot isolate submissions here: ${iso.reason}. Install it with\n  ${ISOLATION_INSTALL}\nthen run the command again.`);
  }
  const parts = [`bubblewrap at ${iso.bwrap}`];
  if (iso.setpriv) parts.push("unprivileged uid");
  parts.push(iso.cgroups ? "cgroup memory and pids limits" : "memory polled (no cgroup we may use)");
  return parts.join(", ");
}
