/**
 * Student copies of the exercise notebooks (what nbgrader calls "generate assignment"):
 *
 *   // BEGIN SOLUTION … // END SOLUTION       →  // YOUR CODE HERE
 *                                                throw new Error("not implemented");
 *   // BEGIN HIDDEN TESTS … // END HIDDEN TESTS →  removed (a cell left empty is dropped)
 *   outputs and execution counts                →  cleared
 *   an answer cell's <!-- BEGIN SOLUTION -->…<!-- END SOLUTION -->  →  _Write your answer here._
 *
 * Every code cell of the copy is marked with its role in its metadata ("solution" or "given")
 * so the grader knows which cells hold the student's work, even after the student edits them.
 */
import * as fs from "fs";
import * as path from "path";
import {
  BEGIN_HIDDEN, BEGIN_SOLUTION, Cell, cellText, END_HIDDEN, END_SOLUTION, exerciseId, Notebook, parseNotebook,
  splitRegions, toSource,
} from "./notebook";
import { answerOf, studentAnswerText } from "./writtenAnswers";

export const STUB = ["// YOUR CODE HERE", 'throw new Error("not implemented");'];

/** The student copy of an exercise notebook (a new object; `nb` is not changed). */
export function studentCopy(nb: Notebook, file = "notebook"): Notebook {
  if (!exerciseId(nb)) throw new Error(`studentCopy: ${file} has no "optimlab.exercise" in its metadata`);
  const cells: Cell[] = [];
  nb.cells.forEach((cell, i) => {
    const where = `studentCopy: ${file} cell ${i + 1}`;
    const meta = { ...(cell.metadata ?? {}) };
    const own = { ...(meta.optimlab ?? {}) };
    if (cell.cell_type !== "code") {
      // an answer cell keeps its question and loses the model answer
      const text = answerOf(cell) ? studentAnswerText(cellText(cell), where) : cellText(cell);
      cells.push({ ...cell, metadata: meta, source: toSource(text) });
      return;
    }
    if (own.hidden === true) return;
    let text = cellText(cell);
    const hidden = splitRegions(text, BEGIN_HIDDEN, END_HIDDEN, where);
    if (hidden.regions.length > 0) {
      text = hidden.outside.join("\n");
      if (text.trim() === "") return;
    }
    const sol = splitRegions(text, BEGIN_SOLUTION, END_SOLUTION, where);
    let role: "solution" | "given" = "given";
    if (sol.regions.length > 0) {
      role = "solution";
      text = sol.parts
        .flatMap((p) => (typeof p === "string" ? [p] : STUB.map((s) => sol.regions[p].indent + s)))
        .join("\n");
    } else if (own.solution === true) {
      role = "solution";
      text = STUB.join("\n");
    }
    delete own.solution;
    const copy: Cell = {
      cell_type: "code",
      execution_count: null,
      metadata: { ...meta, optimlab: { ...own, role } },
      outputs: [],
      source: toSource(text),
    };
    if (cell.id !== undefined) copy.id = cell.id;
    cells.push(copy);
  });
  return {
    nbformat: nb.nbformat,
    nbformat_minor: nb.nbformat_minor,
    metadata: { ...nb.metadata, optimlab: { ...nb.metadata.optimlab, copy: "student" } },
    cells,
  };
}

/** The exercise source notebooks in a folder (sorted), skipping checkpoints. */
export function listExerciseFiles(dir: string): string[] {
  // Regular files only: a socket or link left in the folder is not an exercise.
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ipynb") && !e.name.endsWith(".nbconvert.ipynb"))
    .map((e) => e.name)
    .sort()
    .map((f) => path.join(dir, f));
}

/** Writes the student copy of every exercise in `sourceDir` to `outDir`; returns the files written. */
export function assignFolder(sourceDir: string, outDir: string): string[] {
  const files = listExerciseFiles(sourceDir);
  if (files.length === 0) throw new Error(`assign: no .ipynb exercises in ${sourceDir}`);
  fs.mkdirSync(outDir, { recursive: true });
  return files.map((file) => {
    const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
    const out = path.join(outDir, path.basename(file));
    fs.writeFileSync(out, JSON.stringify(studentCopy(nb, path.basename(file)), null, 1) + "\n");
    return out;
  });
}
