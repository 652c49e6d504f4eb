/**
 * The autograder: grades submissions (filled-in student copies) against the course's hidden
 * tests. The grade is decided HERE, from plain values: every expected value is computed in this
 * process by the reference implementations (courseExercises.ts), the submission's functions run
 * in a sandboxed process of their own (sandbox.ts) that receives only the inputs, and each case
 * scores when the returned value matches within its tolerance. Partial credit per case.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compare, formatNumber } from "./compare";
import { compileCell } from "./compileCells";
import { CourseExercise, loadCourseExercises } from "./courseExercises";
import { HiddenExercise } from "./hiddenTests";
import {
  BEGIN_HIDDEN, BEGIN_SOLUTION, cellRole, cellText, END_HIDDEN, exerciseId, Notebook, parseNotebook, splitRegions,
} from "./notebook";
import type { JobCell } from "./runner";
import { buildRunnerBundle, runInSandbox } from "./sandbox";
import { decode } from "./wire";

export interface ExerciseReport {
  name: string;
  score: number;
  max: number;
  feedback: string;
}

export interface SubmissionReport {
  file: string;
  score: number;
  max: number;
  exercises: ExerciseReport[];
  errors: string[];
}

export interface GradeOptions {
  /** The source notebooks with solutions and hidden tests (notebooks/exercises). */
  exercisesDir: string;
  /** Processes at once (default: the number of cores). */
  jobs?: number;
  /** Seconds per exercise, overriding each exercise's own limit. */
  timeout?: number;
  /** Memory per process, in MB (default 512). */
  memoryMb?: number;
}

const MAX_NOTEBOOK_BYTES = 20 << 20;

/** A tiny pool: at most `n` of the tasks run at once. */
async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, tasks.length)) }, worker));
  return out;
}

/**
 * The cells whose definitions are graded: in a student copy, the cells marked "solution" and any
 * cell the student added; in a source notebook, the cells with solutions. Hidden test code is
 * never kept, even if a submission contains some.
 */
export function gradedCells(nb: Notebook): { label: string; text: string }[] {
  const studentCopy = nb.metadata?.optimlab?.copy === "student";
  const out: { label: string; text: string }[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code" || cell.metadata?.optimlab?.hidden === true) return;
    const label = `cell ${i + 1}`;
    let text = cellText(cell);
    try {
      text = splitRegions(text, BEGIN_HIDDEN, END_HIDDEN, label).outside.join("\n");
    } catch {
      return;
    }
    const role = cellRole(cell) ??
      (studentCopy ? undefined : text.includes(BEGIN_SOLUTION) || cell.metadata?.optimlab?.solution === true ? "solution" : "given");
    if (role !== "given") out.push({ label, text });
  });
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Scores one graded part from the values the sandbox returned. */
function scorePart(part: HiddenExercise, run: Awaited<ReturnType<typeof runInSandbox>>, compileErrors: string[]): ExerciseReport {
  const total = part.cases.reduce((s, c) => s + c.weight, 0);
  let passed = 0;
  let nPassed = 0;
  const failures: { label: string; reason: string }[] = [];
  part.cases.forEach((c, id) => {
    const r = run.results.get(id);
    if (!r) return failures.push({ label: c.label, reason: run.stopped ?? "no result" });
    if (!r.ok) return failures.push({ label: c.label, reason: r.error });
    const cmp = compare(decode(r.value), c.expected, c.tol);
    if (cmp.ok) {
      passed += c.weight;
      nPassed++;
    } else {
      const err = Number.isFinite(cmp.relativeError) ? `, relative error ${formatNumber(cmp.relativeError)} (tolerance ${c.tol})` : "";
      failures.push({ label: c.label, reason: `${cmp.detail}${err}` });
    }
  });
  const n = part.cases.length;
  let feedback: string;
  if (failures.length === 0) feedback = `all ${n} cases passed`;
  else {
    // The same message for every failed case (a stub, a timeout) is said once.
    const same = failures.every((f) => f.reason === failures[0].reason);
    const listed = same && failures.length > 1
      ? [`every failed case: ${failures[0].reason}`]
      : failures.slice(0, 3).map((f) => `${f.label}: ${f.reason}`);
    const more = !same && failures.length > 3 ? ` (and ${failures.length - 3} more)` : "";
    feedback = `${nPassed}/${n} cases passed; ${listed.join("; ")}${more}`;
    const cells = [...compileErrors, ...run.cellErrors];
    if (cells.length > 0) feedback += `. Cell errors: ${cells.slice(0, 2).join("; ")}`;
  }
  return { name: part.name, score: round2((part.points * passed) / total), max: part.points, feedback };
}

interface Prepared {
  report: SubmissionReport;
  exercise?: CourseExercise;
  cells: JobCell[];
  compileErrors: string[];
}

function prepare(file: string, course: Map<string, CourseExercise>): Prepared {
  const report: SubmissionReport = { file, score: 0, max: 0, exercises: [], errors: [] };
  const fail = (message: string): Prepared => {
    report.errors.push(message);
    return { report, cells: [], compileErrors: [] };
  };
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_NOTEBOOK_BYTES) return fail(`${file}: larger than ${MAX_NOTEBOOK_BYTES >> 20} MB`);
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return fail(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let nb: Notebook;
  try {
    nb = parseNotebook(text, file);
  } catch (e) {
    return fail((e as Error).message);
  }
  const id = exerciseId(nb);
  const exercise = id === undefined ? undefined : course.get(id);
  if (!exercise) {
    const known = [...course.keys()].join(", ");
    return fail(
      `${file}: not a notebook of this course's exercises (its metadata "optimlab.exercise" is ` +
        `${id === undefined ? "missing" : JSON.stringify(id)}; known: ${known})`,
    );
  }
  const cells: JobCell[] = [];
  const compileErrors: string[] = [];
  for (const c of gradedCells(nb)) {
    const compiled = compileCell(c.text, c.label);
    if (compiled.error) compileErrors.push(compiled.error);
    else if (compiled.code.trim() !== "") cells.push({ label: compiled.label, code: compiled.code });
  }
  report.max = exercise.parts.reduce((s, p) => s + p.points, 0);
  return { report, exercise, cells, compileErrors };
}

/** Grades every file; one report per file, in order. Resolves when grading finished. */
export async function gradeFiles(files: string[], options: GradeOptions): Promise<SubmissionReport[]> {
  const course = loadCourseExercises(options.exercisesDir);
  const prepared = files.map((f) => prepare(f, course));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-grader-"));
  try {
    const bundle = await buildRunnerBundle(tmp);
    const tasks: (() => Promise<void>)[] = [];
    for (const p of prepared) {
      if (!p.exercise) continue;
      p.report.exercises = p.exercise.parts.map((part) => ({ name: part.name, score: 0, max: part.points, feedback: "" }));
      p.exercise.parts.forEach((part, k) => {
        tasks.push(async () => {
          const run = await runInSandbox(
            {
              cells: p.cells,
              hide: part.hide,
              cases: part.cases.map((c, id) => ({ id, driver: c.driver, fn: c.fn, args: c.args })),
            },
            { bundle, timeout: options.timeout ?? part.timeout, memoryMb: options.memoryMb },
          );
          p.report.exercises[k] = scorePart(part, run, p.compileErrors);
        });
      });
    }
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    await pool(tasks, options.jobs ?? cores);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const p of prepared) p.report.score = round2(p.report.exercises.reduce((s, e) => s + e.score, 0));
  return prepared.map((p) => p.report);
}
