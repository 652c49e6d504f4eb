/**
 * The grader's reports: a table per submission, and JSON.
 *
 *   release/01-svm-loss.ipynb  (exercise 01-svm-loss)
 *     exercise        points  max  feedback
 *     svmLossNaive         4    4  all 4 hidden cases passed
 *     svmLoss              2    4  2/4 hidden cases passed; failed: wrong result
 *     total                6    8
 *
 * Every text in a report may come from a submission (a file name, an error message), so every
 * format escapes control characters (newlines, ANSI escapes such as "\x1b[8m" that would hide
 * the real total, C1 codes, bidirectional overrides, line separators): no row can be forged.
 */
import type { SkippedFile, SubmissionReport } from "./report";

// C0 (tab included), DEL, C1, zero-width and bidirectional marks, line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `s` with every unsafe character written as \xNN or \uNNNN. */
export function escapeControl(s: string): string {
  return String(s).replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export function formatReport(r: SubmissionReport): string {
  const e = escapeControl;
  const lines = [`${e(r.file)}  (exercise ${r.exercise === null ? "unknown" : e(r.exercise)})`];
  for (const n of r.notes) lines.push(`  note: ${e(n)}`);
  for (const err of r.errors) lines.push(`  error: ${e(err)}`);
  if (r.exercises.length > 0) {
    const w = Math.max(8, ...r.exercises.map((x) => e(x.name).length));
    lines.push(`  ${pad("exercise", w)}  ${pad("points", 6, true)}  ${pad("max", 4, true)}  feedback`);
    for (const x of r.exercises) {
      lines.push(`  ${pad(e(x.name), w)}  ${pad(String(x.score), 6, true)}  ${pad(String(x.max), 4, true)}  ${e(x.feedback)}`);
    }
    lines.push(`  ${pad("total", w)}  ${pad(String(r.score), 6, true)}  ${pad(String(r.max), 4, true)}`);
  }
  return lines.join("\n");
}

/** Every submission's table, the files skipped, then the grand summary line. */
export function formatReports(reports: SubmissionReport[], skipped: SkippedFile[] = []): string {
  const body = reports.map(formatReport).join("\n\n");
  const errors = reports.filter((r) => r.errors.length > 0).length;
  const skip = skipped.length === 0 ? "" : `\n\nnot graded (they look like notebooks):\n${formatSkipped(skipped)}`;
  return `${body}${skip}\n\ngraded ${reports.length} file${reports.length === 1 ? "" : "s"}` +
    (errors > 0 ? `, ${errors} with errors` : "") + (skipped.length > 0 ? `, ${skipped.length} skipped` : "");
}

export function formatSkipped(skipped: SkippedFile[]): string {
  return skipped.map((s) => `  ${escapeControl(s.file)}: ${escapeControl(s.why)}`).join("\n");
}

/** The reports as JSON, with the characters JSON leaves raw (DEL, C1, bidi, U+2028) escaped too. */
export function formatJson(value: unknown): string {
  // JSON.stringify escapes C0 inside strings itself; a raw newline in its output is layout.
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
