/**
 * Making sure the grader's isolation (bubblewrap, see src/homework/isolation.ts) is there:
 * `npm test` calls ensureIsolation as it does ensureJupyter. As root with apt, Debian's
 * `bubblewrap` is installed by scripts/install-machine.sh; elsewhere it stops with the one command to run.
 */
import * as fs from "fs";
import { findIsolation, ISOLATION_INSTALL, resetIsolation } from "../homework/isolation";
import { installMachinePart } from "./tools";

/** A one-line description of the isolation found; throws with the command to run where there is none. */
export function ensureIsolation(): string {
  let iso = findIsolation();
  if (!iso.ok && process.platform === "linux" && !fs.existsSync("/usr/bin/bwrap") && installMachinePart("isolation")) {
    resetIsolation();
    iso = findIsolation();
  }
  if (!iso.ok) {
    throw new Error(`optimlab: the grader cannot isolate submissions here: ${iso.reason}. Install it with\n  ${ISOLATION_INSTALL}\nthen run the command again.`);
  }
  const parts = [iso.mode === "bubblewrap" ? `bubblewrap at ${iso.bwrap}` : `REDUCED, no namespaces (${iso.reason})`];
  if (iso.setpriv) parts.push("unprivileged uid");
  parts.push(iso.cgroups ? "cgroup memory and pids limits" : "memory polled (no cgroup we may use)");
  return parts.join(", ");
}
