/**
 * A submission made ready to run: read, parsed, checked against the course, and its graded
 * cells compiled, within bounds that keep one notebook from costing the grader much time
 * (at most MAX_CELLS cells, MAX_GRADED_CELLS graded ones, MAX_GRADED_CHARS of their source,
 * brackets nested at most MAX_NESTING deep: TypeScript's parser recurses on nesting).
 * Whatever goes wrong is the report's error, never an exception.
 */
import { compileCell } from "./compileCells";
import type { CourseExercise } from "./courseExercises";
import {
  BEGIN_HIDDEN, BEGIN_SOLUTION, cellRole, cellText, END_HIDDEN, exerciseId, Notebook, parseNotebook, splitRegions,
} from "./notebook";
import { emptyReport, SubmissionReport } from "./report";
import type { JobCell } from "./runner";
import * as fs from "fs";
import * as path from "path";
import { readSubmissionFile } from "./submissionFiles";

export const COMPILE_LIMITS = { cells: 2000, gradedCells: 200, gradedChars: 1 << 20, nesting: 100 };

export interface Prepared {
  report: SubmissionReport;
  exercise?: CourseExercise;
  cells: JobCell[];
  compileErrors: string[];
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

/** The deepest nesting of ( [ { in `text` (strings included: a bound, not a parser). */
export function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return max;
}

export function prepareSubmission(file: string, course: Map<string, CourseExercise>): Prepared {
  const report = emptyReport(file);
  const fail = (message: string): Prepared => {
    report.errors.push(message);
    return { report, cells: [], compileErrors: [] };
  };
  let nb: Notebook;
  try {
    const read = readSubmissionFile(file);
    // A hard link to an instructor's source (outside the exercise folder) would borrow its marks.
    for (const ex of course.values()) {
      if (path.resolve(ex.file) === path.resolve(file)) continue;
      const st = fs.statSync(ex.file);
      if (st.dev === read.dev && st.ino === read.ino) return fail(`${file}: a hard link to the instructor's source notebook: refused`);
    }
    nb = parseNotebook(read.text, file);
  } catch (e) {
    return fail(e instanceof Error ? e.message : `${file}: cannot be read`);
  }
  const id = exerciseId(nb);
  const exercise = id === undefined ? undefined : course.get(id);
  if (!exercise) {
    const known = [...course.keys()].join(", ");
    const shown = id === undefined ? "missing" : JSON.stringify(id.length > 60 ? id.slice(0, 60) + "…" : id);
    return fail(`${file}: not a notebook of this course's exercises (its metadata "optimlab.exercise" is ${shown}; known: ${known})`);
  }
  report.exercise = exercise.id;
  report.max = exercise.parts.reduce((s, p) => s + p.points, 0);
  if (nb.cells.length > COMPILE_LIMITS.cells) return fail(`${file}: has ${nb.cells.length} cells; at most ${COMPILE_LIMITS.cells} are graded`);
  const graded = gradedCells(nb);
  if (graded.length > COMPILE_LIMITS.gradedCells) {
    return fail(`${file}: has ${graded.length} cells to grade (solution cells and added ones); at most ${COMPILE_LIMITS.gradedCells}`);
  }
  const chars = graded.reduce((s, c) => s + c.text.length, 0);
  if (chars > COMPILE_LIMITS.gradedChars) return fail(`${file}: its graded cells hold ${chars} characters; at most ${COMPILE_LIMITS.gradedChars}`);
  const cells: JobCell[] = [];
  const compileErrors: string[] = [];
  for (const c of graded) {
    const depth = bracketDepth(c.text);
    if (depth > COMPILE_LIMITS.nesting) {
      compileErrors.push(`${c.label} nests brackets ${depth} deep; at most ${COMPILE_LIMITS.nesting} are compiled`);
      continue;
    }
    try {
      const compiled = compileCell(c.text, c.label);
      if (compiled.error) compileErrors.push(compiled.error);
      else if (compiled.code.trim() !== "") cells.push({ label: compiled.label, code: compiled.code });
    } catch (e) {
      compileErrors.push(`${c.label} does not compile (${e instanceof Error ? e.name : "error"})`);
    }
  }
  return { report, exercise, cells, compileErrors };
}
