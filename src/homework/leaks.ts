/**
 * Leak check for what students get: every line of a SOLUTION or HIDDEN TESTS region of the
 * exercise sources (code regions, whole solution/hidden cells, answer cells' model answers),
 * whitespace-normalized, 25 characters or longer, looked for in every file of a folder.
 * A line the library's own files (src/) contain is not a secret: the library ships with the
 * course (the practice exercises' answers are in it, DESIGN.md §7), so `withoutLibraryLines`
 * drops those; and a line the sources themselves give students outside every region (the buggy
 * gradients exercise 09 hands out, which its hidden tests must repeat to grade against) is public
 * by the instructor's choice: `withoutGivenLines` drops those.
 */
import * as fs from "fs";
import * as path from "path";
import { listExerciseFiles } from "./assign";
import { BEGIN_HIDDEN, BEGIN_SOLUTION, cellText, END_HIDDEN, END_SOLUTION, parseNotebook, splitRegions } from "./notebook";
import { BEGIN_ANSWER, END_ANSWER } from "./writtenAnswers";

export const MIN_LEAK_LENGTH = 25;

const normalize = (s: string) => s.replace(/\s+/g, " ").trim();

/** The secret lines of the sources in `exercisesDir`, normalized. */
export function secretLines(exercisesDir: string): Set<string> {
  const out = new Set<string>();
  const add = (lines: string[]) => {
    for (const l of lines) {
      const n = normalize(l);
      if (n.length >= MIN_LEAK_LENGTH) out.add(n);
    }
  };
  for (const file of listExerciseFiles(exercisesDir)) {
    const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
    nb.cells.forEach((cell, i) => {
      const text = cellText(cell);
      const own = cell.metadata?.optimlab ?? {};
      const where = `${file} cell ${i + 1}`;
      if (cell.cell_type === "code" && (own.hidden === true || own.solution === true)) add(text.split("\n"));
      const pairs = cell.cell_type === "code" ? [[BEGIN_SOLUTION, END_SOLUTION], [BEGIN_HIDDEN, END_HIDDEN]] : [[BEGIN_ANSWER, END_ANSWER]];
      for (const [b, e] of pairs) for (const r of splitRegions(text, b, e, where).regions) add(r.lines);
    });
  }
  return out;
}

/**
 * The lines the sources show students: the text of every cell outside its SOLUTION, HIDDEN TESTS
 * and answer regions, in cells that are not whole solution or hidden cells, normalized.
 */
export function givenLines(exercisesDir: string): Set<string> {
  const out = new Set<string>();
  for (const file of listExerciseFiles(exercisesDir)) {
    const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
    nb.cells.forEach((cell, i) => {
      const own = cell.metadata?.optimlab ?? {};
      if (cell.cell_type === "code" && (own.hidden === true || own.solution === true)) return;
      const where = `${file} cell ${i + 1}`;
      const pairs = cell.cell_type === "code" ? [[BEGIN_SOLUTION, END_SOLUTION], [BEGIN_HIDDEN, END_HIDDEN]] : [[BEGIN_ANSWER, END_ANSWER]];
      let lines = cellText(cell).split("\n");
      for (const [b, e] of pairs) lines = splitRegions(lines.join("\n"), b, e, where).outside;
      for (const l of lines) out.add(normalize(l));
    });
  }
  return out;
}

/** `secrets` without the lines the sources give students outside every region. */
export function withoutGivenLines(secrets: Set<string>, exercisesDir: string): Set<string> {
  const given = givenLines(exercisesDir);
  return new Set([...secrets].filter((s) => !given.has(s)));
}

/** The text a file shows: a notebook's cells and outputs, any other file as it is. */
function fileText(file: string): string {
  const raw = fs.readFileSync(file);
  if (raw.includes(0)) return raw.toString("latin1");
  const text = raw.toString("utf8");
  if (!file.endsWith(".ipynb")) return text;
  try {
    const nb = JSON.parse(text);
    return (nb.cells ?? []).map((c: any) => [cellText(c), JSON.stringify(c.outputs ?? [])].join("\n")).join("\n") + "\n" + text;
  } catch {
    return text;
  }
}

/** Every (file, line) of `secrets` found under `dir`, skipping the top-level folders in `skip`. */
export function findLeaks(dir: string, secrets: Set<string>, skip: string[] = []): { file: string; line: string }[] {
  const found: { file: string; line: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (skip.includes(rel.split(path.sep)[0])) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const text = normalize(fileText(p));
        for (const s of secrets) if (text.includes(s)) found.push({ file: rel, line: s });
      }
    }
  };
  walk(dir);
  return found;
}

/** `secrets` without the lines found in the library's source folder (they ship anyway). */
export function withoutLibraryLines(secrets: Set<string>, librarySrc: string): Set<string> {
  const inLibrary = new Set(findLeaks(librarySrc, secrets).map((l) => l.line));
  return new Set([...secrets].filter((s) => !inLibrary.has(s)));
}
