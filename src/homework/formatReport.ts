/**
 * The grader's table, one per submission:
 *
 *   release/01-svm-loss.ipynb
 *     exercise        points  max  feedback
 *     svmLossNaive         4    4  all 4 cases passed
 *     svmLoss              2    4  2/4 cases passed; W 10×20 …: grad[1,2]: expected 0.25, got 0.5 …
 *     total                6    8
 */
import type { SubmissionReport } from "./grade";

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export function formatReport(r: SubmissionReport): string {
  const lines = [r.file];
  for (const e of r.errors) lines.push(`  error: ${e}`);
  if (r.exercises.length > 0) {
    const w = Math.max(8, ...r.exercises.map((e) => e.name.length));
    lines.push(`  ${pad("exercise", w)}  ${pad("points", 6, true)}  ${pad("max", 4, true)}  feedback`);
    for (const e of r.exercises) {
      lines.push(`  ${pad(e.name, w)}  ${pad(String(e.score), 6, true)}  ${pad(String(e.max), 4, true)}  ${e.feedback}`);
    }
    lines.push(`  ${pad("total", w)}  ${pad(String(r.score), 6, true)}  ${pad(String(r.max), 4, true)}`);
  }
  return lines.join("\n");
}

/** Every submission's table, then the grand summary line. */
export function formatReports(reports: SubmissionReport[]): string {
  const body = reports.map(formatReport).join("\n\n");
  const errors = reports.filter((r) => r.errors.length > 0).length;
  return `${body}\n\ngraded ${reports.length} file${reports.length === 1 ? "" : "s"}` +
    (errors > 0 ? `, ${errors} with errors` : "");
}
