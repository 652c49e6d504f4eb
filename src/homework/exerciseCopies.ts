/**
 * The self-paced learner's copies (`npm start`): where notebooks/exercises/ holds the SOURCES
 * (solutions and hidden tests), the student copy of each is written to notebooks/my-exercises/
 * the first time, and never overwritten (the learner's work lives there). Where it already
 * holds student copies (the student edition), nothing is made.
 */
import * as fs from "fs";
import * as path from "path";
import { listExerciseFiles, studentCopy } from "./assign";
import { parseNotebook } from "./notebook";

export const COPIES_FOLDER = "my-exercises";

/** True when the exercise folder holds sources rather than student copies. */
export function holdsSources(exercisesDir: string): boolean {
  if (!fs.existsSync(exercisesDir)) return false;
  return listExerciseFiles(exercisesDir).some((f) => parseNotebook(fs.readFileSync(f, "utf8"), f).metadata?.optimlab?.copy !== "student");
}

/** Writes the missing copies into `copiesDir`; returns the files written now. */
export function makeMissingCopies(exercisesDir: string, copiesDir: string): string[] {
  fs.mkdirSync(copiesDir, { recursive: true });
  const written: string[] = [];
  for (const file of listExerciseFiles(exercisesDir)) {
    const out = path.join(copiesDir, path.basename(file));
    if (fs.existsSync(out)) continue;
    const copy = studentCopy(parseNotebook(fs.readFileSync(file, "utf8"), file), path.basename(file));
    // "wx": never replace a file that appeared in the meantime
    fs.writeFileSync(out, JSON.stringify(copy, null, 1) + "\n", { flag: "wx" });
    written.push(out);
  }
  return written;
}
