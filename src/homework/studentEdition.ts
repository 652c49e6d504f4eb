/**
 * The student edition (`npm run assign -- --out DIR`): a folder that is a course on its own.
 *
 *   DIR/package.json, package-lock.json, tsconfig.json, README.md, scripts/   as in the course
 *   DIR/src/                          the library (the build makes dist/, the kernelspec with
 *                                     the output fix of src/jupyter/ preloaded, tslab pinned)
 *   DIR/notebooks/*.ipynb, solutions/ the lessons and the lessons' worked solutions
 *   DIR/notebooks/exercises/          the STUDENT COPIES (no solution, no hidden test)
 *
 * `npm install && npm start` inside it builds and opens Jupyter on notebooks/. Before it is
 * written, every file outside the library's own (src/) is checked for leaks: no line of a
 * SOLUTION or HIDDEN TESTS region of the sources (whitespace-normalized, 25 characters or
 * longer) may appear in it, unless the library itself holds that line (leaks.ts). A worked
 * solution of a lesson (notebooks/solutions/) that holds such a line is left out of the edition
 * and named (the lesson's exercise solves what a homework exercise asks); a leak anywhere else
 * stops assign and names the file and the line.
 */
import * as fs from "fs";
import * as path from "path";
import { assignFolder } from "./assign";
import { findLeaks, secretLines, withoutGivenLines, withoutLibraryLines } from "./leaks";

/** What the edition copies from the course root, besides notebooks/ (handled apart). */
export const EDITION_FILES = ["package.json", "package-lock.json", "tsconfig.json", "README.md", ".gitignore", "src", "scripts"];

function copyTree(from: string, to: string): void {
  const st = fs.lstatSync(from);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) copyTree(path.join(from, name), path.join(to, name));
  } else if (st.isFile()) {
    fs.copyFileSync(from, to);
    fs.chmodSync(to, st.mode & 0o777);
  }
}

/** Writes the edition of the course at `root` (exercise sources in `exercisesDir`) to `out`. */
export function writeStudentEdition(root: string, exercisesDir: string, out: string): { copies: string[]; leftOut: { file: string; line: string }[] } {
  const notebooks = path.join(root, "notebooks");
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    throw new Error(`assign: --out ${out} must be a new or empty folder (the student edition is written whole)`);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const name of EDITION_FILES) if (fs.existsSync(path.join(root, name))) copyTree(path.join(root, name), path.join(out, name));
  const nbOut = path.join(out, "notebooks");
  fs.mkdirSync(nbOut, { recursive: true });
  for (const e of fs.readdirSync(notebooks, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith(".ipynb") && !e.name.endsWith(".nbconvert.ipynb")) copyTree(path.join(notebooks, e.name), path.join(nbOut, e.name));
  }
  if (fs.existsSync(path.join(notebooks, "solutions"))) copyTree(path.join(notebooks, "solutions"), path.join(nbOut, "solutions"));
  const copies = assignFolder(exercisesDir, path.join(nbOut, "exercises"));
  const secrets = withoutGivenLines(withoutLibraryLines(secretLines(exercisesDir), path.join(root, "src")), exercisesDir);
  const leftOut: { file: string; line: string }[] = [];
  for (const leak of findLeaks(out, secrets, ["src", "node_modules", "dist"])) {
    if (!leak.file.startsWith(path.join("notebooks", "solutions") + path.sep) || leftOut.some((l) => l.file === leak.file)) continue;
    fs.rmSync(path.join(out, leak.file), { force: true });
    leftOut.push(leak);
  }
  const leaks = findLeaks(out, secrets, ["src", "node_modules", "dist"]);
  if (leaks.length > 0) {
    fs.rmSync(out, { recursive: true, force: true });
    throw new Error(`assign: the student edition would leak ${leaks.length} line(s) of solutions or hidden tests, e.g. ${leaks[0].file}: "${leaks[0].line}" (nothing written)`);
  }
  return { copies, leftOut };
}
