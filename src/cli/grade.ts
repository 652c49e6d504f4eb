/**
 * `npm run grade -- [--json] [--jobs N] [--timeout S] [--memory MB] [--exercises DIR] FILE|DIR…`
 *
 * Grades submissions (filled-in student copies; a folder stands for the notebooks in it, so
 * `submissions/` with one folder per student works) against the hidden tests of
 * notebooks/exercises/. Prints a table per submission and a total, or with --json:
 *   [{ "file", "score", "max", "exercises": [{ "name", "score", "max", "feedback" }], "errors": [] }]
 * Exit code 0 when grading finished, whatever the scores; 2 for a bad command line.
 */
import * as fs from "fs";
import * as path from "path";
import { formatReports } from "../homework/formatReport";
import { gradeFiles } from "../homework/grade";
import { NOTEBOOKS } from "./paths";

const USAGE = "usage: npm run grade -- [--json] [--jobs N] [--timeout S] [--memory MB] [--exercises DIR] FILE|DIR…";

/** Files as given; a folder gives its .ipynb files (recursively, sorted, no checkpoints). */
function expand(p: string): string[] {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(p);
  } catch {
    return [p]; // reported as unreadable by the grader
  }
  if (!st.isDirectory()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      if (e.name.startsWith(".")) return [];
      const q = path.join(p, e.name);
      return e.isDirectory() ? expand(q) : e.name.endsWith(".ipynb") ? [q] : [];
    });
}

async function main(argv: string[]): Promise<void> {
  let json = false;
  let jobs: number | undefined;
  let timeout: number | undefined;
  let memoryMb: number | undefined;
  let exercisesDir = path.join(NOTEBOOKS, "exercises");
  const files: string[] = [];
  const number = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!(n > 0)) throw new Error(`grade: ${flag} must be a number > 0, got ${v}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--jobs") jobs = Math.floor(number(a, argv[++i]));
    else if (a === "--timeout") timeout = number(a, argv[++i]);
    else if (a === "--memory") memoryMb = number(a, argv[++i]);
    else if (a === "--exercises") exercisesDir = path.resolve(argv[++i] ?? "");
    else if (a.startsWith("--")) throw new Error(`grade: unknown option ${a}\n${USAGE}`);
    else files.push(...expand(a));
  }
  if (files.length === 0) throw new Error(`grade: no submissions given\n${USAGE}`);
  const reports = await gradeFiles(files, { exercisesDir, jobs, timeout, memoryMb });
  process.stdout.write(json ? JSON.stringify(reports, null, 2) + "\n" : formatReports(reports) + "\n");
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    console.error((e as Error).message);
    process.exit(2);
  },
);
