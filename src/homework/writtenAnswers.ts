/**
 * Written answers (CS231n's "inline questions"): a markdown cell that poses the question, then
 * an ANSWER cell, a markdown cell whose metadata is
 *
 *   "optimlab": { "answer": "01-why-vectorize", "points": 2, "prompt": "Why is the loop slow?" }
 *
 * In the source notebook the answer cell holds the instructor's model answer between
 * `<!-- BEGIN SOLUTION -->` and `<!-- END SOLUTION -->`; the student copy has
 * `_Write your answer here._` in its place. The grader finds answer cells by their metadata
 * (students may move cells), never runs them, and gives them no automatic points: the points,
 * and the maximum, come from the SOURCE notebook; the instructor's CSV `student,question,points`
 * (`--manual FILE`) adds them.
 */
import * as fs from "fs";
import * as path from "path";
import { listExerciseFiles } from "./assign";
import { Cell, cellText, exerciseId, Notebook, parseNotebook, splitRegions } from "./notebook";
import type { SubmissionReport } from "./report";
import { readSubmission } from "./submissionFiles";

export const BEGIN_ANSWER = "<!-- BEGIN SOLUTION -->";
export const END_ANSWER = "<!-- END SOLUTION -->";
export const ANSWER_PLACEHOLDER = "_Write your answer here._";

export interface WrittenQuestion {
  /** Unique across the course, prefixed by the exercise number: "01-why-vectorize". */
  id: string;
  points: number;
  prompt: string;
}

/** The answer cell's question, or undefined when the cell is not an answer cell. */
export function answerOf(cell: Cell): WrittenQuestion | undefined {
  const own = cell.metadata?.optimlab;
  if (cell.cell_type !== "markdown" || typeof own?.answer !== "string" || own.answer === "") return undefined;
  const points = Number(own.points);
  return { id: own.answer, points: points > 0 ? points : 0, prompt: typeof own.prompt === "string" ? own.prompt : "" };
}

/** The student copy's text of an answer cell: the model answer replaced by the placeholder. */
export function studentAnswerText(text: string, where: string): string {
  const r = splitRegions(text, BEGIN_ANSWER, END_ANSWER, where);
  if (r.regions.length === 0) return text;
  return r.parts.map((p) => (typeof p === "string" ? p : r.regions[p].indent + ANSWER_PLACEHOLDER)).join("\n");
}

/** The questions of the course, by exercise id, read from the source notebooks. */
export function courseQuestions(exercisesDir: string): Map<string, WrittenQuestion[]> {
  const out = new Map<string, WrittenQuestion[]>();
  const seen = new Map<string, string>();
  for (const file of listExerciseFiles(exercisesDir)) {
    const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
    const id = exerciseId(nb);
    if (!id) continue;
    const qs: WrittenQuestion[] = [];
    for (const cell of nb.cells) {
      const q = answerOf(cell);
      if (!q) continue;
      if (seen.has(q.id)) throw new Error(`grade: answer id "${q.id}" is used in ${seen.get(q.id)} and ${file}`);
      if (!(q.points > 0)) throw new Error(`grade: answer "${q.id}" in ${file} needs "points" > 0`);
      seen.set(q.id, file);
      qs.push(q);
    }
    out.set(id, qs);
  }
  return out;
}

/** Each answer id's text in a submitted notebook (the first cell with that id; unreadable → empty). */
export function submittedAnswers(nb: Notebook | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of nb?.cells ?? []) {
    const q = answerOf(cell);
    if (q && !out.has(q.id)) out.set(q.id, cellText(cell));
  }
  return out;
}

/** Reads a notebook for its answers; a file that cannot be read or parsed has none. */
export function readSubmittedAnswers(file: string): Map<string, string> {
  try {
    return submittedAnswers(parseNotebook(readSubmission(file), file));
  } catch {
    return new Map();
  }
}

// ---- manual points: student,question,points ----

/** One CSV field, quoted when it must be (and never starting a formula in a spreadsheet). */
export function csvField(v: unknown): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A field as written by csvField, read back (the formula guard `'` taken off). */
export function csvValue(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) && !/^'-?\d/.test(s) ? s.slice(1) : s;
}

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const s = text.replace(/^\ufeff/, "");
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === "") { quoted = true; i++; continue; }
    if (c === ",") { row.push(field); field = ""; i++; continue; }
    if (c === "\n" || c === "\r") {
      row.push(field); rows.push(row); row = []; field = "";
      i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += c; i++;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0].trim() === ""));
}

/** student → answer id → points, from `student,question,points` (a header row is required). */
export type ManualPoints = Map<string, Map<string, number>>;

export function readManualPoints(file: string): ManualPoints {
  const rows = parseCsv(fs.readFileSync(file, "utf8"));
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const [si, qi, pi] = ["student", "question", "points"].map((h) => header.indexOf(h));
  if (si < 0 || qi < 0 || pi < 0) {
    throw new Error(`--manual ${file}: the first row must name the columns student,question,points, got ${header.join(",") || "nothing"}`);
  }
  const out: ManualPoints = new Map();
  rows.forEach((r, k) => {
    const student = csvValue((r[si] ?? "").trim()), question = csvValue((r[qi] ?? "").trim()), raw = (r[pi] ?? "").trim();
    if (raw === "") return; // not graded yet
    const points = Number(raw);
    if (student === "" || question === "" || !Number.isFinite(points) || points < 0) {
      throw new Error(`--manual ${file}: row ${k + 2} must be student,question,points with points a number >= 0, got ${r.join(",")}`);
    }
    if (!out.has(student)) out.set(student, new Map());
    out.get(student)!.set(question, points);
  });
  return out;
}

/**
 * Adds one part per written question of the report's exercise (score: the manual points, at
 * most the question's points, a cap the part's feedback names; 0 until graded by hand) and
 * recomputes the report's score and max.
 */
export function addWrittenAnswers(report: SubmissionReport, student: string, questions: Map<string, WrittenQuestion[]>, manual: ManualPoints | undefined): void {
  const qs = report.exercise ? questions.get(report.exercise) ?? [] : [];
  if (qs.length === 0) return;
  for (const q of qs) {
    const given = manual?.get(student)?.get(q.id);
    report.exercises.push({
      name: q.id,
      score: given === undefined ? 0 : Math.min(given, q.points),
      max: q.points,
      feedback: given === undefined ? "written answer: not graded yet (graded by hand)"
        : given > q.points ? `written answer: graded by hand (${given} points given, capped at the question's ${q.points})`
        : "written answer: graded by hand",
    });
  }
  report.max = report.exercises.reduce((s, e) => s + e.max, 0);
  report.score = Math.round(report.exercises.reduce((s, e) => s + e.score, 0) * 100) / 100;
}

/**
 * The student a submission file counts for: the folder that holds it (submissions/alice/… →
 * "alice"), except a bare file, which is its own student by its stem: a file given by name, or
 * lying directly in a folder given on the command line that holds student folders beside it.
 */
export function studentOf(file: string, given: string[]): string {
  const abs = path.resolve(file);
  const stem = path.basename(file).replace(/\.ipynb$/i, "");
  const dir = path.dirname(abs);
  for (const g of given.map((p) => path.resolve(p))) {
    if (abs === g) return stem;
    const rel = path.relative(g, abs);
    if (rel.startsWith("..") || path.isAbsolute(rel)) continue;
    const parts = rel.split(path.sep);
    if (parts.length > 1) return path.basename(dir);
    let hasFolders = false;
    try {
      hasFolders = fs.readdirSync(g, { withFileTypes: true }).some((e) => e.isDirectory() && !e.name.startsWith("."));
    } catch {
      // unreadable: count the file by its stem
    }
    return hasFolders ? stem : path.basename(g);
  }
  return stem;
}
