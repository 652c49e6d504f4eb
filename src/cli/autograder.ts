/**
 * `npm run autograder -- --out FILE.zip [--from DIR]`: builds the Gradescope autograder bundle
 * (src/homework/autograderBundle.ts) for the exercise sources of notebooks/exercises/ (or DIR).
 * `node dist/cli/autograder.js --run` (what the bundle's run_autograder calls): grades the
 * notebooks in $AUTOGRADER_ROOT/submission (default /autograder) with the grader of `npm run
 * grade` and writes $AUTOGRADER_ROOT/results/results.json in Gradescope's format
 * (src/homework/gradescopeResults.ts). The file is written once, after grading finished (every
 * sandbox process has ended), through a temporary file and a rename: no submission can write
 * it or leave a half-written one.
 */
import * as fs from "fs";
import * as path from "path";
import { autograderEntries } from "../homework/autograderBundle";
import { loadCourseExercises } from "../homework/courseExercises";
import { gradeFiles } from "../homework/grade";
import { gradescopeResults, GradescopeResults } from "../homework/gradescopeResults";
import { listSubmissions } from "../homework/submissionFiles";
import { addWrittenAnswers, courseQuestions } from "../homework/writtenAnswers";
import { writeZip } from "../homework/zipFile";
import { COMMANDS } from "./commands";
import { parseArgs, UsageError } from "./options";
import { NOTEBOOKS, ROOT, runAsCommand } from "./paths";

function writeResults(root: string, results: GradescopeResults): string {
  const dir = path.join(root, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "results.json");
  const tmp = path.join(dir, `.results-${process.pid}.json`);
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2) + "\n");
  fs.renameSync(tmp, file);
  return file;
}

/** Grades the submission folder; the results (already written). */
export async function runAutograder(root: string, noIsolation: boolean): Promise<GradescopeResults> {
  const started = Date.now();
  const exercisesDir = path.join(NOTEBOOKS, "exercises");
  const list = listSubmissions([path.join(root, "submission")]);
  const refused = new Map(list.files.filter((f) => f.refused !== undefined).map((f) => [f.file, f.refused!]));
  let results: GradescopeResults;
  try {
    const reports = await gradeFiles(list.files.map((f) => f.file), { exercisesDir, refused, noIsolation, jobs: 1 });
    const questions = courseQuestions(exercisesDir);
    for (const r of reports) addWrittenAnswers(r, "submission", questions, undefined);
    results = gradescopeResults(reports, loadCourseExercises(exercisesDir), (Date.now() - started) / 1000, list.skipped.map((s) => `${path.basename(s.file)}: ${s.why}`));
  } catch (e) {
    // the grader itself failed (no isolation, a broken exercise): say so, score nothing
    results = { score: 0, execution_time: Math.round((Date.now() - started) / 1000), output: `The autograder failed; ask your instructor. ${(e as Error).message}`, tests: [] };
    writeResults(root, results);
    throw e;
  }
  writeResults(root, results);
  return results;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs("autograder", argv, COMMANDS.autograder);
  if (args.options["--run"] === true) {
    const root = path.resolve(process.env.AUTOGRADER_ROOT || "/autograder");
    const r = await runAutograder(root, args.options["--no-isolation"] === true);
    console.log(`${r.output}\nscore ${r.score}; ${path.join(root, "results", "results.json")} written`);
    return 0;
  }
  const out = args.options["--out"];
  if (typeof out !== "string") throw new UsageError(`autograder: give --out FILE.zip to build the bundle, or --run to grade (options: --out FILE.zip, --from DIR, --run, --no-isolation)`);
  if (!out.endsWith(".zip")) throw new UsageError(`autograder: --out must name a .zip file, got ${out}`);
  const from = path.resolve(String(args.options["--from"] ?? path.join(NOTEBOOKS, "exercises")));
  const entries = autograderEntries(ROOT, from);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, writeZip(entries));
  console.log(`wrote ${out}: setup.sh, run_autograder and the course (${entries.length} files); upload it as the assignment's autograder`);
  return 0;
}

runAsCommand(module, () => {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof UsageError ? e.message : `autograder: ${(e as Error).message}`);
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
});
