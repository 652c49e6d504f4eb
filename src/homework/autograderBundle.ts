/**
 * The Gradescope autograder bundle (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * a ZIP with, at its root, `setup.sh` (run once as root when Gradescope builds the image; it
 * calls the course's one install script, then installs and builds the course) and
 * `run_autograder` (run per submission: grades /autograder/submission/*.ipynb and writes
 * /autograder/results/results.json), beside the course itself: package.json and its lock, the
 * library's src/ and its build dist/, scripts/, and the exercise SOURCES (the grader needs their
 * hidden tests; the bundle goes to Gradescope, never to students). Gradescope unpacks it in
 * /autograder/source. `AUTOGRADER_ROOT` moves /autograder (for tests).
 */
import * as fs from "fs";
import * as path from "path";
import { listExerciseFiles } from "./assign";
import { ZipEntry } from "./zipFile";

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, as root, in /autograder/source when it builds the autograder image.
set -euo pipefail
cd "$(dirname "$0")"
# Node >= 20 and bubblewrap for the grader's sandbox: the same script CI and npm test use.
bash scripts/install-machine.sh node isolation
npm ci --no-audit --no-fund
npm run build
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for every submission (in its own container, as root). It grades
# $AUTOGRADER_ROOT/submission/*.ipynb (default root /autograder) and writes
# $AUTOGRADER_ROOT/results/results.json after every sandbox has ended.
set -uo pipefail
root="\${AUTOGRADER_ROOT:-/autograder}"
cd "$root/source"
# Where bubblewrap cannot start, the sandbox runs as a uid of its own on this container's files: the
# hidden tests and the submission must be out of its reach (the grader checks and refuses otherwise).
chmod -R go-rwx "$root/source/notebooks/exercises" "$root/submission"
exec node dist/cli/autograder.js --run "$@"
`;

function addTree(entries: ZipEntry[], root: string, rel: string, keep: (rel: string) => boolean): void {
  const abs = path.join(root, rel);
  const st = fs.lstatSync(abs);
  if (st.isSymbolicLink() || !keep(rel)) return;
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) addTree(entries, root, path.join(rel, name), keep);
  } else if (st.isFile()) {
    entries.push({ name: rel.split(path.sep).join("/"), data: fs.readFileSync(abs), mode: st.mode & 0o111 ? 0o755 : 0o644 });
  }
}

/** The bundle's entries for the course at `root` (built: dist/ must exist), exercises from `exercisesDir`. */
export function autograderEntries(root: string, exercisesDir = path.join(root, "notebooks", "exercises")): ZipEntry[] {
  if (!fs.existsSync(path.join(root, "dist", "cli", "autograder.js"))) throw new Error(`autograder: ${root}/dist is not built; run npm run build first`);
  const entries: ZipEntry[] = [
    { name: "setup.sh", data: Buffer.from(SETUP_SH), mode: 0o755 },
    { name: "run_autograder", data: Buffer.from(RUN_AUTOGRADER), mode: 0o755 },
  ];
  for (const f of ["package.json", "package-lock.json", "tsconfig.json"]) addTree(entries, root, f, () => true);
  addTree(entries, root, "src", () => true);
  addTree(entries, root, "dist", (rel) => !rel.endsWith(".map"));
  addTree(entries, root, "scripts", () => true);
  for (const file of listExerciseFiles(exercisesDir)) {
    entries.push({ name: `notebooks/exercises/${path.basename(file)}`, data: fs.readFileSync(file), mode: 0o644 });
  }
  return entries;
}
