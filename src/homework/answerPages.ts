/**
 * For the instructor grading written answers by hand: one HTML page per question with every
 * student's answer (as the text they wrote, escaped: never rendered as HTML or markdown), and
 * a CSV `student,question,points` with the points column empty, to fill in and pass back with
 * `--manual FILE`.
 */
import * as fs from "fs";
import * as path from "path";
import { escapeHtml, htmlPage, safeFileName } from "./html";
import { ANSWER_PLACEHOLDER, csvField, WrittenQuestion } from "./writtenAnswers";

export interface CollectedAnswer {
  student: string;
  file: string;
  /** The answer cell's text, or undefined when the notebook has no cell for this question. */
  text: string | undefined;
}

export function answerPage(q: WrittenQuestion, answers: CollectedAnswer[]): string {
  const e = escapeHtml;
  const body = [
    `<h1>${e(q.id)} (${e(q.points)} points)</h1>`,
    `<p>${e(q.prompt)}</p>`,
    ...(answers.length === 0 ? ["<p><i>no notebook of this exercise was graded in this run</i></p>"] : []),
    ...answers.map((a) =>
      `<h2>${e(a.student)} <small>${e(path.basename(a.file))}</small></h2>` +
      (a.text === undefined ? "<p><i>no answer cell in this notebook</i></p>"
        : (a.text.includes(ANSWER_PLACEHOLDER) ? `<p><i>not answered: the cell still holds ${e(ANSWER_PLACEHOLDER)}</i></p>` : "") +
          `<pre>${e(a.text)}</pre>`)),
  ];
  return htmlPage(`${q.id}: answers`, body.join("\n"));
}

/** Writes `<dir>/<question id>.html` for each question and `<dir>/manual.csv`; returns the files. */
export function writeAnswerPages(dir: string, questions: WrittenQuestion[], byQuestion: Map<string, CollectedAnswer[]>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const csv = ["student,question,points"];
  for (const q of questions) {
    const answers = byQuestion.get(q.id) ?? [];
    const file = path.join(dir, `${safeFileName(q.id)}.html`);
    fs.writeFileSync(file, answerPage(q, answers));
    files.push(file);
    for (const a of answers) csv.push([a.student, q.id, ""].map(csvField).join(","));
  }
  const manual = path.join(dir, "manual.csv");
  fs.writeFileSync(manual, csv.join("\n") + "\n");
  files.push(manual);
  return files;
}
