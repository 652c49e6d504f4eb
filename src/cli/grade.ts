/**
 * `npm run grade -- [options] FILE|DIR…`
 *
 * Grades submissions (filled-in student copies; a folder stands for the notebooks in it, so
 * `submissions/` with one folder per student works) against the hidden tests of
 * notebooks/exercises/. Prints a table per submission and a total, or with --json:
 *   [{ "file", "exercise", "score", "max", "exercises": [{ "name", "score", "max", "feedback" }], "errors", "notes" }]
 * One row per file given; symbolic links and special files are rows with an error; files that
 * look like notebooks but are skipped are listed (on stderr with --json).
 * Exit code 0 when grading finished, whatever the scores; 1 when the grader itself failed (no
 * isolation, a broken exercise folder); 2 for a bad command line.
 */
import * as path from "path";
import { formatJson, formatReports, formatSkipped } from "../homework/formatReport";
import { gradeFiles, IsolationMissing } from "../homework/grade";
import { FEEDBACK_LEVELS, FeedbackLevel } from "../homework/scorePart";
import { listSubmissions } from "../homework/submissionFiles";
import { NOTEBOOKS, runAsCommand } from "./paths";

// ---- command line (kept in this one block) ----
const USAGE =
  "usage: npm run grade -- [--json] [--jobs N] [--timeout S] [--memory MB] [--exercises DIR]\n" +
  "                        [--feedback points|pass-fail|full] [--no-isolation] FILE|DIR…";

class UsageError extends Error {}

interface GradeArgs {
  json: boolean;
  jobs?: number;
  timeout?: number;
  memoryMb?: number;
  exercisesDir: string;
  feedback?: FeedbackLevel;
  noIsolation: boolean;
  paths: string[];
}

export function parseGradeArgs(argv: string[]): GradeArgs {
  const a: GradeArgs = { json: false, exercisesDir: path.join(NOTEBOOKS, "exercises"), noIsolation: false, paths: [] };
  const value = (flag: string, v: string | undefined): string => {
    if (v === undefined || v.startsWith("--")) throw new UsageError(`grade: ${flag} needs a value\n${USAGE}`);
    return v;
  };
  const number = (flag: string, v: string | undefined): number => {
    const n = Number(value(flag, v));
    if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`grade: ${flag} must be a number > 0, got ${v}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    if (f === "--json") a.json = true;
    else if (f === "--jobs") a.jobs = Math.floor(number(f, argv[++i]));
    else if (f === "--timeout") a.timeout = number(f, argv[++i]);
    else if (f === "--memory") a.memoryMb = number(f, argv[++i]);
    else if (f === "--exercises") a.exercisesDir = path.resolve(value(f, argv[++i]));
    else if (f === "--no-isolation") a.noIsolation = true;
    else if (f === "--feedback") {
      const v = value(f, argv[++i]);
      if (!FEEDBACK_LEVELS.includes(v as FeedbackLevel)) throw new UsageError(`grade: --feedback must be one of ${FEEDBACK_LEVELS.join(", ")}, got ${v}\n${USAGE}`);
      a.feedback = v as FeedbackLevel;
    } else if (f === "--") {
      a.paths.push(...argv.slice(i + 1));
      break;
    } else if (f.startsWith("--")) throw new UsageError(`grade: unknown option ${f}\n${USAGE}`);
    else a.paths.push(f);
  }
  if (a.paths.length === 0) throw new UsageError(`grade: no submissions given\n${USAGE}`);
  return a;
}
// ---- end of command line ----

async function grade(argv: string[]): Promise<number> {
  let args: GradeArgs;
  try {
    args = parseGradeArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const list = listSubmissions(args.paths);
  const refused = new Map(list.files.filter((f) => f.refused !== undefined).map((f) => [f.file, f.refused!]));
  try {
    const reports = await gradeFiles(list.files.map((f) => f.file), {
      exercisesDir: args.exercisesDir,
      jobs: args.jobs,
      timeout: args.timeout,
      memoryMb: args.memoryMb,
      feedback: args.feedback,
      noIsolation: args.noIsolation,
      refused,
    });
    if (args.json && list.skipped.length > 0) process.stderr.write(`not graded (they look like notebooks):\n${formatSkipped(list.skipped)}\n`);
    await new Promise<void>((resolve) =>
      process.stdout.write((args.json ? formatJson(reports) : formatReports(reports, list.skipped)) + "\n", () => resolve()),
    );
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof IsolationMissing ? "" : "grade: the grader failed: "}${(e as Error).message}\n`);
    return 1;
  }
}

runAsCommand(module, () => {
  grade(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`grade: the grader failed: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
});
