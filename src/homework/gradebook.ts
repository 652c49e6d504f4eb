/**
 * The gradebook: a CSV with one row per student and one column per graded part and the total,
 *
 *   student,01-svm-loss/svmLossNaive,01-svm-loss/svmLoss,…,total
 *   alice,4,2,…,6
 *
 * Columns: "student", then every part (exercise/part, written answers included) in a stable
 * order (exercise id, then the order of the exercise's parts), then "total". Grading again
 * overwrites a student's cells for the parts graded now and keeps the rest: rows are never
 * duplicated, columns never reordered. A part a student did not hand in is left empty; a
 * student whose notebook could not be graded gets a row all the same.
 */
import * as fs from "fs";
import { csvField, csvValue, parseCsv } from "./writtenAnswers";
import type { SubmissionReport } from "./report";

export interface GradedRow {
  student: string;
  report: SubmissionReport;
}

/** The gradebook's rows after merging `graded` into the existing CSV text (or none). */
export function mergeGradebook(existing: string | undefined, graded: GradedRow[]): { columns: string[]; rows: Map<string, Map<string, string>> } {
  const rows = new Map<string, Map<string, string>>();
  let parts: string[] = [];
  if (existing !== undefined && existing.trim() !== "") {
    const table = parseCsv(existing);
    const header = table.shift()!;
    if (header[0] !== "student" || header[header.length - 1] !== "total") {
      throw new Error(`--csv: the existing file is not a gradebook (its first row must start with "student" and end with "total")`);
    }
    parts = header.slice(1, -1).map(csvValue);
    for (const r of table) {
      const cells = new Map<string, string>();
      header.forEach((h, i) => { if (i > 0 && i < header.length - 1) cells.set(csvValue(h), r[i] ?? ""); });
      rows.set(csvValue(r[0]), cells);
    }
  }
  const order = (a: string, b: string) => {
    const [ea] = a.split("/"), [eb] = b.split("/");
    return ea < eb ? -1 : ea > eb ? 1 : 0;
  };
  for (const { student, report } of graded) {
    // a student whose notebook could not be graded still gets a row
    const cells = rows.get(student) ?? new Map<string, string>();
    rows.set(student, cells);
    if (!report.exercise) continue;
    for (const e of report.exercises) {
      const col = `${report.exercise}/${e.name}`;
      if (!parts.includes(col)) {
        // a new exercise's columns go together, exercises in id order, parts in the report's order
        const after = parts.filter((p) => order(p, col) <= 0).length;
        parts.splice(after, 0, col);
      }
      cells.set(col, String(e.score));
    }
  }
  return { columns: ["student", ...parts, "total"], rows };
}

/** Writes (or updates) the gradebook at `file`. */
export function writeGradebook(file: string, graded: GradedRow[]): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  const { columns, rows } = mergeGradebook(existing, graded);
  const parts = columns.slice(1, -1);
  const lines = [columns.map(csvField).join(",")];
  for (const student of [...rows.keys()].sort()) {
    const cells = rows.get(student)!;
    const values = parts.map((p) => cells.get(p) ?? "");
    const total = Math.round(values.reduce((s, v) => s + (v === "" ? 0 : Number(v)), 0) * 100) / 100;
    lines.push([student, ...values, String(total)].map(csvField).join(","));
  }
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, lines.join("\n") + "\n");
  fs.renameSync(tmp, file);
}
