/**
 * `npm run grade -- [options] FILE|DIR…`
 *
 * Grades submissions (filled-in student copies; a folder stands for the notebooks in it, so
 * `submissions/` with one folder per student works) against the hidden tests of
 * notebooks/exercises/. Prints a table per submission and a total, or with --json:
 *   [{ "file", "exercise", "score", "max", "exercises": [{ "name", "score", "max", "feedback" }], "errors", "notes" }]
 * One row per file given; symbolic links and special files are rows with an error; files that
 * look like notebooks but are skipped are listed (on stderr with --json).
 *
 * A student is the folder a notebook sits in below a folder given (submissions/alice/…), or a
 * bare file's stem. Reports beside the table:
 *   --csv FILE        the gradebook (src/homework/gradebook.ts), updated in place
 *   --feedback DIR    one HTML page per graded notebook (src/homework/feedbackPages.ts)
 *   --answers DIR     one HTML page per written question, and manual.csv to fill in
 *   --manual FILE     the filled-in student,question,points: added to the totals and the gradebook
 *   --feedback-level points|pass-fail|full   what the messages show of the hidden tests
 * Exit code 0 when grading finished, whatever the scores; 1 when the grader itself failed (no
 * isolation, a broken exercise folder); 2 for a bad command line.
 */
import * as fs from "fs";
import * as path from "path";
import { CollectedAnswer, writeAnswerPages } from "../homework/answerPages";
import { writeFeedbackPages } from "../homework/feedbackPages";
import { formatJson, formatReports, formatSkipped } from "../homework/formatReport";
import { gradeFiles, IsolationMissing } from "../homework/grade";
import { writeGradebook } from "../homework/gradebook";
import type { SubmissionReport } from "../homework/report";
import { FEEDBACK_LEVELS, FeedbackLevel } from "../homework/scorePart";
import { listSubmissions, SubmissionList } from "../homework/submissionFiles";
import { addWrittenAnswers, courseQuestions, ManualPoints, readManualPoints, readSubmittedAnswers, studentOf } from "../homework/writtenAnswers";
import { COMMANDS } from "./commands";
import { parseArgs, positiveNumber, usageError } from "./options";
import { NOTEBOOKS, runAsCommand } from "./paths";

// ---- command line (the shared parser: src/cli/options.ts; the options are in commands.ts) ----
export interface GradeArgs {
  json: boolean;
  jobs?: number;
  timeout?: number;
  memoryMb?: number;
  exercisesDir: string;
  feedback?: FeedbackLevel;
  noIsolation: boolean;
  csv?: string;
  feedbackDir?: string;
  answersDir?: string;
  manual?: string;
  paths: string[];
}

/** Every bad command line is one line ending with the usage (usageError, as the shared parser's own errors). */
export function parseGradeArgs(argv: string[]): GradeArgs {
  const spec = COMMANDS.grade;
  const args = parseArgs("grade", argv, spec);
  const jobs = positiveNumber("grade", args, "--jobs", spec);
  const feedback = args.options["--feedback-level"];
  if (feedback !== undefined && !FEEDBACK_LEVELS.includes(feedback as FeedbackLevel)) {
    throw usageError("grade", `--feedback-level must be one of ${FEEDBACK_LEVELS.join(", ")}, got ${String(feedback)}`, spec);
  }
  const file = (o: string) => (args.options[o] === undefined ? undefined : path.resolve(String(args.options[o])));
  const manual = file("--manual");
  if (manual !== undefined && !fs.existsSync(manual)) throw usageError("grade", `--manual must be an existing CSV file (student,question,points), got ${String(args.options["--manual"])}`, spec);
  if (args.positionals.length === 0) throw usageError("grade", "no submissions given", spec);
  return {
    json: args.options["--json"] === true,
    jobs: jobs === undefined ? undefined : Math.floor(jobs),
    timeout: positiveNumber("grade", args, "--timeout", spec),
    memoryMb: positiveNumber("grade", args, "--memory", spec),
    exercisesDir: path.resolve(String(args.options["--exercises"] ?? path.join(NOTEBOOKS, "exercises"))),
    feedback: feedback as FeedbackLevel | undefined,
    noIsolation: args.options["--no-isolation"] === true,
    csv: file("--csv"),
    feedbackDir: file("--feedback"),
    answersDir: file("--answers"),
    manual,
    paths: args.positionals,
  };
}
// ---- end of command line ----

/** Grades and writes every report asked for; the reports, with written answers merged in. */
export async function gradeAndReport(args: GradeArgs, list: SubmissionList): Promise<{ student: string; report: SubmissionReport }[]> {
  const refused = new Map(list.files.filter((f) => f.refused !== undefined).map((f) => [f.file, f.refused!]));
  const manual: ManualPoints | undefined = args.manual ? readManualPoints(args.manual) : undefined;
  const questions = courseQuestions(args.exercisesDir);
  const reports = await gradeFiles(list.files.map((f) => f.file), {
    exercisesDir: args.exercisesDir,
    jobs: args.jobs,
    timeout: args.timeout,
    memoryMb: args.memoryMb,
    feedback: args.feedback,
    noIsolation: args.noIsolation,
    refused,
  });
  const graded = reports.map((report) => ({ student: studentOf(report.file, args.paths), report }));
  for (const g of graded) addWrittenAnswers(g.report, g.student, questions, manual);
  if (args.csv) writeGradebook(args.csv, graded);
  if (args.feedbackDir) writeFeedbackPages(args.feedbackDir, graded);
  if (args.answersDir) {
    const asked = [...questions.values()].flat();
    const byQuestion = new Map<string, CollectedAnswer[]>();
    for (const g of graded) {
      const qs = g.report.exercise ? questions.get(g.report.exercise) ?? [] : [];
      if (qs.length === 0 || refused.has(g.report.file)) continue;
      const texts = readSubmittedAnswers(g.report.file);
      for (const q of qs) byQuestion.set(q.id, [...(byQuestion.get(q.id) ?? []), { student: g.student, file: g.report.file, text: texts.get(q.id) }]);
    }
    writeAnswerPages(args.answersDir, asked, byQuestion);
  }
  return graded;
}

async function grade(argv: string[]): Promise<number> {
  let args: GradeArgs;
  try {
    args = parseGradeArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const list = listSubmissions(args.paths);
  try {
    const reports = (await gradeAndReport(args, list)).map((g) => g.report);
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
