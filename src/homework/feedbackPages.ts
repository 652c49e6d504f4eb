/**
 * Feedback for students: one self-contained HTML page per graded notebook (what passed, the
 * points, the messages), written to `<dir>/<student>--<file stem>.html`. The messages are the
 * grader's feedback at the level chosen (`--feedback-level`), so hidden tests show as much as
 * that level allows. Every text on the page (messages, file names, errors) may come from the
 * submission: all of it is escaped, and the page runs no script (html.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { escapeHtml, htmlPage, safeFileName } from "./html";
import type { SubmissionReport } from "./report";

export function feedbackPage(student: string, r: SubmissionReport): string {
  const e = escapeHtml;
  const rows = r.exercises.map((x) => {
    const cls = x.score >= x.max && x.max > 0 ? "pass" : "fail";
    return `<tr><td>${e(x.name)}</td><td class="n ${cls}">${e(x.score)}</td><td class="n">${e(x.max)}</td><td>${e(x.feedback)}</td></tr>`;
  });
  const body = [
    `<h1>Feedback: ${e(path.basename(r.file))}</h1>`,
    `<p>Student: <b>${e(student)}</b>. Exercise: <b>${r.exercise === null ? "unknown" : e(r.exercise)}</b>. Points: <b>${e(r.score)} of ${e(r.max)}</b>.</p>`,
    ...r.notes.map((n) => `<p>Note: ${e(n)}</p>`),
    ...r.errors.map((x) => `<p class="fail">Error: ${e(x)}</p>`),
    r.exercises.length === 0 ? "" :
      `<table><thead><tr><th>part</th><th>points</th><th>max</th><th>feedback</th></tr></thead><tbody>${rows.join("")}` +
      `<tr><th>total</th><th class="n">${e(r.score)}</th><th class="n">${e(r.max)}</th><th></th></tr></tbody></table>`,
  ];
  return htmlPage(`Feedback: ${path.basename(r.file)}`, body.join("\n"));
}

/** Writes one page per report; returns the files written (names made unique). */
export function writeFeedbackPages(dir: string, graded: { student: string; report: SubmissionReport }[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  return graded.map(({ student, report }) => {
    const stem = safeFileName(`${student}--${path.basename(report.file).replace(/\.ipynb$/i, "")}`);
    let name = `${stem}.html`;
    for (let k = 2; used.has(name); k++) name = `${stem}-${k}.html`;
    used.add(name);
    const file = path.join(dir, name);
    fs.writeFileSync(file, feedbackPage(student, report));
    return file;
  });
}
