/**
 * The autograder: grades submissions (filled-in student copies) against the course's hidden
 * tests. The grade is decided HERE, from plain values: every expected value is computed in this
 * process by the reference implementations (courseExercises.ts); each part of a submission runs
 * in a sandbox of its own (sandbox.ts, isolation.ts) given only the inputs and a library
 * without the functions that part asks for (runnerBundle.ts); each case scores when the
 * returned value matches within its tolerance (scorePart.ts). One row per file given, whatever
 * happens to any one of them.
 *
 *   submissionFiles.ts   which files, read safely       prepareSubmission.ts  parse, compile
 *   sandbox.ts           run one part, walled in        scorePart.ts          score, feedback
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CourseExercise, loadCourseExercises } from "./courseExercises";
import { findIsolation, ISOLATION_INSTALL, Isolation, isolationNote, readableToSandbox } from "./isolation";
import { Prepared, prepareSubmission } from "./prepareSubmission";
import { emptyReport, SubmissionReport } from "./report";
import { buildRunnerBundle } from "./runnerBundle";
import { interruptHandlers, registerTempDir, removeTempDir, runInSandbox } from "./sandbox";
import { FeedbackLevel, scorePart } from "./scorePart";

export type { SubmissionReport, ExerciseReport } from "./report";

export interface GradeOptions {
  /** The source notebooks with solutions and hidden tests (notebooks/exercises). */
  exercisesDir: string;
  /** Processes at once (default: the number of cores). */
  jobs?: number;
  /** Seconds per exercise, overriding each exercise's own limit. */
  timeout?: number;
  /** Memory per process, in MB (default 512). */
  memoryMb?: number;
  /** What students see of the hidden tests (default: each part's own, else "pass-fail"). */
  feedback?: FeedbackLevel;
  /** Grade without the operating system's walls (the report says so on every row). */
  noIsolation?: boolean;
  /** Files refused before grading (symlinks, special files): rows with that error. */
  refused?: Map<string, string>;
}

/** Thrown when there is no isolation and --no-isolation was not given. */
export class IsolationMissing extends Error {}

export const NO_ISOLATION_NOTE = "graded WITHOUT isolation (--no-isolation): the submission's code ran with the grader's user, files and network";

/** A tiny pool: at most `n` of the tasks run at once. */
async function pool(tasks: (() => Promise<void>)[], n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, tasks.length)) }, worker));
}

/** The walls to use, or an IsolationMissing error with the one command that provides them. */
export function requireIsolation(noIsolation: boolean | undefined): Isolation | undefined {
  if (noIsolation) return undefined;
  const iso = findIsolation();
  if (!iso.ok) {
    throw new IsolationMissing(
      `grade: refusing to run submissions without isolation: ${iso.reason}.\n` +
        `Install it with\n  ${ISOLATION_INSTALL}\nor, knowing that every submission's code then runs as you, pass --no-isolation.`,
    );
  }
  return iso;
}

/**
 * Where the sandbox shares the machine's files (mode "uid"), refuses to grade while its uid can
 * read an exercise source (the hidden tests) or a submission (another student's answers).
 */
function requireUnreadable(iso: Isolation, files: string[]): void {
  const readable = readableToSandbox(iso, files);
  if (readable.length === 0) return;
  const shown = readable.slice(0, 3).join(", ") + (readable.length > 3 ? ` and ${readable.length - 3} more` : "");
  throw new IsolationMissing(
    `grade: refusing to grade with reduced isolation (${iso.reason}): the sandbox's uid ${iso.uid} could read ${shown}.\n` +
      `Make the exercise sources and the submissions unreadable to other users (chmod -R go-rwx DIR), or install bubblewrap:\n  ${ISOLATION_INSTALL}`,
  );
}

/**
 * Every file below `dir` (symbolic links included, not followed): the exercise folder holds more
 * than the sources graded from, e.g. Jupyter's .ipynb_checkpoints copies, hidden tests and all.
 */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/**
 * Temporary folders of graders killed outright (no handler runs on SIGKILL to remove them):
 * optimlab-grader-<pid>-XXXXXX, a folder of this user whose pid is gone. Removed at the next start.
 */
function removeStaleTempDirs(): void {
  const dir = os.tmpdir();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^optimlab-grader-(\d+)-[A-Za-z0-9]{6}$/.exec(name);
    if (!m || fs.existsSync(`/proc/${m[1]}`)) continue;
    const p = path.join(dir, name);
    try {
      const st = fs.lstatSync(p);
      if (st.isDirectory() && st.uid === process.getuid?.()) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      /* gone, or not ours to remove */
    }
  }
}

/** Two files of one folder (one student) handing in the same exercise are flagged on both rows. */
function flagDuplicates(prepared: Prepared[]): void {
  const seen = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (!p.report.exercise) continue;
    const key = `${path.dirname(path.resolve(p.report.file))}\0${p.report.exercise}`;
    seen.set(key, [...(seen.get(key) ?? []), p]);
  }
  for (const group of seen.values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const others = group.filter((q) => q !== p).map((q) => path.basename(q.report.file));
      const shown = others.slice(0, 3).join(", ") + (others.length > 3 ? ` and ${others.length - 3} more` : "");
      p.report.notes.push(`exercise ${p.report.exercise} handed in more than once in this folder (also as ${shown})`);
    }
  }
}

/** Grades every file; one report per file, in order. Resolves when grading finished. */
export async function gradeFiles(files: string[], options: GradeOptions): Promise<SubmissionReport[]> {
  const isolation = requireIsolation(options.noIsolation);
  const course = loadCourseExercises(options.exercisesDir);
  const prepared: Prepared[] = files.map((f) => {
    const refused = options.refused?.get(f);
    if (refused === undefined) return prepareSubmission(f, course);
    const report = emptyReport(f);
    report.errors.push(`${f}: ${refused}`);
    return { report, cells: [], compileErrors: [] };
  });
  flagDuplicates(prepared);
  // the exercise folder's files include every source loaded from it, and whatever else lies there
  if (isolation?.mode === "uid") requireUnreadable(isolation, [...filesUnder(options.exercisesDir), ...files]);
  const note = isolation ? isolationNote(isolation) : NO_ISOLATION_NOTE;
  if (note) for (const p of prepared) p.report.notes.unshift(note);
  const uninstall = interruptHandlers();
  removeStaleTempDirs();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `optimlab-grader-${process.pid}-`));
  registerTempDir(tmp);
  // Without bubblewrap the sandbox's uid reads the bundles where they are (they hold no answers).
  const shareBundles = isolation?.mode === "uid";
  if (shareBundles) fs.chmodSync(tmp, 0o711);
  try {
    // One bundle per distinct set of hidden functions.
    const bundles = new Map<string, Promise<{ file: string; hidden: string[] }>>();
    const bundleFor = (hide: string[]) => {
      const key = [...hide].sort().join(",");
      if (!bundles.has(key)) {
        const file = path.join(tmp, `runner-${bundles.size}.js`);
        bundles.set(
          key,
          buildRunnerBundle(file, hide).then((hidden) => {
            if (shareBundles) fs.chmodSync(file, 0o444);
            return { file, hidden };
          }),
        );
      }
      return bundles.get(key)!;
    };
    const tasks: (() => Promise<void>)[] = [];
    for (const p of prepared) {
      if (!p.exercise) continue;
      const exercise: CourseExercise = p.exercise;
      p.report.exercises = exercise.parts.map((part) => ({ name: part.name, score: 0, max: part.points, feedback: "" }));
      exercise.parts.forEach((part, k) => {
        tasks.push(async () => {
          const bundle = await bundleFor(part.hide);
          const run = await runInSandbox(
            {
              cells: p.cells,
              hide: bundle.hidden,
              cases: part.cases.map((c, id) => ({ id, driver: c.driver, fn: c.fn, args: c.args })),
            },
            { bundle: bundle.file, timeout: options.timeout ?? part.timeout, memoryMb: options.memoryMb, isolation },
          );
          const level = options.feedback ?? part.feedback ?? "pass-fail";
          p.report.exercises[k] = scorePart({ ...part, hide: bundle.hidden }, run, p.compileErrors, level);
        });
      });
    }
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    // Sharing one uid and the machine's process list, two sandboxes could signal each other: one at a time.
    await pool(tasks, isolation?.mode === "uid" ? 1 : (options.jobs ?? cores));
  } finally {
    removeTempDir(tmp);
    uninstall();
  }
  for (const p of prepared) p.report.score = Math.round(p.report.exercises.reduce((s, e) => s + e.score, 0) * 100) / 100;
  return prepared.map((p) => p.report);
}
