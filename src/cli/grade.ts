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
import { COMMANDS } from "./commands";
import { parseArgs, positiveNumber, usageError } from "./options";
import { NOTEBOOKS, runAsCommand } from "./paths";

// ---- command line (the shared parser: src/cli/options.ts; the options are in commands.ts) ----
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
  const spec = COMMANDS.grade;
  const args = parseArgs("grade", argv, spec);
  const jobs = positiveNumber("grade", args, "--jobs", spec);
  const feedback = args.options["--feedback"];
  if (feedback !== undefined && !FEEDBACK_LEVELS.includes(feedback as FeedbackLevel)) {
    throw usageError("grade", `--feedback must be one of ${FEEDBACK_LEVELS.join(", ")}, got ${String(feedback)}`, spec);
  }
  if (args.positionals.length === 0) throw usageError("grade", "no submissions given", spec);
  return {
    json: args.options["--json"] === true,
    jobs: jobs === undefined ? undefined : Math.floor(jobs),
    timeout: positiveNumber("grade", args, "--timeout", spec),
    memoryMb: positiveNumber("grade", args, "--memory", spec),
    exercisesDir: path.resolve(String(args.options["--exercises"] ?? path.join(NOTEBOOKS, "exercises"))),
    feedback: feedback as FeedbackLevel | undefined,
    noIsolation: args.options["--no-isolation"] === true,
    paths: args.positionals,
  };
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
