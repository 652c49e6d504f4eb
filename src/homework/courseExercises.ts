/**
 * The course's exercises as the grader knows them: read from the SOURCE notebooks (with
 * solutions and hidden tests), never from a submission. The hidden test cells are TypeScript the
 * instructor wrote; they run here, in the grader's process, with the real library, and declare
 * their cases through `hiddenTests` (expected values computed here too).
 */
import * as fs from "fs";
import * as path from "path";
import { listExerciseFiles } from "./assign";
import { collectHiddenTests, HiddenExercise, hiddenTests } from "./hiddenTests";
import { BEGIN_HIDDEN, cellText, END_HIDDEN, exerciseId, parseNotebook, splitRegions } from "./notebook";

export interface CourseExercise {
  id: string;
  title: string;
  /** The source notebook. */
  file: string;
  /** Graded parts, in notebook order. */
  parts: HiddenExercise[];
}

/** The hidden test code of a source notebook, cell by cell. */
export function hiddenCode(file: string, text: string): string[] {
  const nb = parseNotebook(text, file);
  const out: string[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    if (cell.metadata?.optimlab?.hidden === true) out.push(cellText(cell));
    else {
      const r = splitRegions(cellText(cell), BEGIN_HIDDEN, END_HIDDEN, `${file} cell ${i + 1}`);
      for (const region of r.regions) out.push(region.lines.join("\n"));
    }
  });
  return out;
}

/** Reads every exercise in `dir` and runs its hidden test cells to collect the cases. */
export function loadCourseExercises(dir: string): Map<string, CourseExercise> {
  const ts = require("typescript") as typeof import("typescript");
  const library = require("../index") as Record<string, unknown>;
  const ol = { ...library, hiddenTests };
  const homework = { ...require("./index"), hiddenTests };
  // Notebooks import the homework helpers as "optimlab/dist/homework"; here they must be THIS copy.
  const localRequire = (id: string) => (id === "optimlab" ? ol : /^optimlab\/dist\/homework(\/index(\.js)?)?$/.test(id) ? homework : require(id));
  const out = new Map<string, CourseExercise>();
  for (const file of listExerciseFiles(dir)) {
    const text = fs.readFileSync(file, "utf8");
    const nb = parseNotebook(text, file);
    const id = exerciseId(nb);
    if (!id) throw new Error(`grade: ${file} has no "optimlab.exercise" in its metadata`);
    if (out.has(id)) throw new Error(`grade: exercise id "${id}" is used by ${out.get(id)!.file} and ${file}`);
    const parts = collectHiddenTests(() => {
      for (const code of hiddenCode(file, text)) {
        const js = ts.transpileModule(code, {
          compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS },
        }).outputText;
        // eslint-disable-next-line no-new-func
        new Function("ol", "hiddenTests", "require", "exports", js)(ol, hiddenTests, localRequire, {});
      }
    });
    if (parts.length === 0) throw new Error(`grade: ${file} has no hidden tests`);
    out.set(id, { id, title: String(nb.metadata.optimlab.title ?? path.basename(file)), file, parts });
  }
  return out;
}
