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
import { COMMANDS } from "./commands";
import { parseArgs, positiveNumber, UsageError } from "./options";
import { NOTEBOOKS } from "./paths";

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
  const spec = COMMANDS.grade;
  const args = parseArgs("grade", argv, spec);
  const json = args.options["--json"] === true;
  const jobsOption = positiveNumber("grade", args, "--jobs", spec);
  const jobs = jobsOption === undefined ? undefined : Math.floor(jobsOption);
  const timeout = positiveNumber("grade", args, "--timeout", spec);
  const memoryMb = positiveNumber("grade", args, "--memory", spec);
  const exercisesDir = path.resolve(String(args.options["--exercises"] ?? path.join(NOTEBOOKS, "exercises")));
  const files = args.positionals.flatMap(expand);
  if (files.length === 0) throw new UsageError("grade: no submissions given (usage: npm run grade -- [options] FILE|DIR…)");
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
