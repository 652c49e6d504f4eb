/**
 * Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/,
 * "Output format"): the whole submission's score, execution_time (seconds) and output, and one
 * test per graded part:
 *
 *   { "score": 6, "execution_time": 12, "output": "…",
 *     "tests": [{ "name": "01-svm-loss: svmLoss", "score": 2, "max_score": 4, "output": "…",
 *                 "visibility": "after_published" }, …] }
 *
 * A part's visibility is its hidden tests' own (`hiddenTests(…, { visibility })`), else
 * "after_published": students see hidden tests once the instructor publishes the grades.
 * Written answers are tests with 0 points until graded by hand on Gradescope.
 */
import * as path from "path";
import type { CourseExercise } from "./courseExercises";
import { escapeControl } from "./formatReport";
import type { SubmissionReport } from "./report";

export const VISIBILITIES = ["hidden", "after_due_date", "after_published", "visible"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  output: string;
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  tests: GradescopeTest[];
}

export function gradescopeResults(reports: SubmissionReport[], course: Map<string, CourseExercise>, seconds: number, skipped: string[] = []): GradescopeResults {
  const tests: GradescopeTest[] = [];
  const lines: string[] = [];
  for (const r of reports) {
    const name = escapeControl(path.basename(r.file));
    lines.push(`${name}: exercise ${r.exercise === null ? "unknown" : escapeControl(r.exercise)}, ${r.score} of ${r.max} points`);
    for (const n of r.notes) lines.push(`  note: ${escapeControl(n)}`);
    for (const e of r.errors) lines.push(`  error: ${escapeControl(e)}`);
    const parts = r.exercise ? course.get(r.exercise)?.parts ?? [] : [];
    for (const x of r.exercises) {
      const part = parts.find((p) => p.name === x.name);
      tests.push({
        name: `${r.exercise ?? name}: ${escapeControl(x.name)}`,
        score: x.score,
        max_score: x.max,
        output: escapeControl(x.feedback),
        visibility: part?.visibility ?? "after_published",
      });
    }
  }
  if (reports.length === 0) lines.push("no .ipynb notebook in the submission: nothing to grade (hand in the exercise notebooks)");
  for (const s of skipped) lines.push(`not graded: ${escapeControl(s)}`);
  const score = Math.round(reports.reduce((s, r) => s + r.score, 0) * 100) / 100;
  return { score, execution_time: Math.round(seconds), output: lines.join("\n"), tests };
}
