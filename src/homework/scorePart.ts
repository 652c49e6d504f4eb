/**
 * Scores one graded part from the values the sandbox returned, and writes its feedback at one
 * of three levels (as nbgrader lets an instructor choose what students see):
 *
 *   "points"     the score only;
 *   "pass-fail"  (the default) how many hidden cases passed, and for the failed ones only
 *                what kind of failure it was: "wrong result", "not implemented", "timed out",
 *                "threw TypeError", …, words the grader chose, never a value, an input or a
 *                message the submission wrote (those may carry a hidden test's inputs, and
 *                "got" of a no-op IS its input);
 *   "full"       for instructors: each failed case's label, expected and returned values and
 *                the submission's own messages.
 * Cell errors (sent before any input reached the submission) and compile errors show from
 * "pass-fail" up.
 */
import { compare, formatNumber } from "./compare";
import { doNothingPasses } from "./doNothingPasses";
import type { HiddenExercise } from "./hiddenTests";
import type { ExerciseReport } from "./report";
import type { SandboxResult } from "./sandbox";
import { decode } from "./wire";

export type FeedbackLevel = "points" | "pass-fail" | "full";
export const FEEDBACK_LEVELS: readonly FeedbackLevel[] = ["points", "pass-fail", "full"];

const ERROR_NAMES = new Set(["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError"]);

/** The kind of a failure the submission reported, in the grader's words (see the file comment). */
export function failureKind(error: string, fn: string, hidden: readonly string[]): string {
  if (/^Error: not implemented$/.test(error)) return "not implemented";
  if (error === `Error: ${fn} is not defined (is its cell in the notebook?)`) return `${fn} is not defined (is its cell in the notebook?)`;
  const hiddenCall = /^Error: ([A-Za-z0-9_$]+) is hidden while grading/.exec(error);
  if (hiddenCall && hidden.includes(hiddenCall[1])) return `called ${hiddenCall[1]}, which is hidden while grading`;
  const refused = /^Error: (process\.(?:exit|reallyExit|abort|kill|_kill|_debugProcess|_debugEnd)|os\.setPriority) is not allowed while grading$/.exec(error);
  if (refused) return `${refused[1]} is not allowed while grading`;
  const name = /^([A-Za-z]+): /.exec(error)?.[1];
  return name && ERROR_NAMES.has(name) ? `threw ${name}` : "threw an error";
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function scorePart(part: HiddenExercise, run: SandboxResult, compileErrors: string[], level: FeedbackLevel): ExerciseReport {
  const total = part.cases.reduce((s, c) => s + c.weight, 0);
  // Cases a submission doing nothing passes score only beside a passed case it does not pass
  // (doNothingPasses.ts); when every case is like that, they all score.
  const trivial = part.cases.map(doNothingPasses);
  const allTrivial = trivial.every((t) => t);
  let passed = 0;
  let passedTrivial = 0;
  let passedReal = 0;
  let nPassed = 0;
  // kind: the grader's words; full: everything, for "full"
  const failures: { label: string; kind: string; full: string }[] = [];
  part.cases.forEach((c, id) => {
    const r = run.results.get(id);
    if (!r) {
      const why = run.stopped ?? "no result";
      return failures.push({ label: c.label, kind: why, full: run.stoppedFull ?? why });
    }
    if (!r.ok) return failures.push({ label: c.label, kind: r.byGrader ? r.error : failureKind(r.error, c.fn, part.hide), full: r.full ?? r.error });
    let cmp: ReturnType<typeof compare>;
    try {
      cmp = compare(decode(r.value), c.expected, c.tol);
    } catch {
      cmp = { ok: false, relativeError: Infinity, detail: "a value the grader cannot compare" };
    }
    if (cmp.ok) {
      if (trivial[id] && !allTrivial) passedTrivial += c.weight;
      else {
        passed += c.weight;
        passedReal++;
      }
      nPassed++;
    } else {
      const err = Number.isFinite(cmp.relativeError) ? `, relative error ${formatNumber(cmp.relativeError)} (tolerance ${c.tol})` : "";
      failures.push({ label: c.label, kind: "wrong result", full: `${cmp.detail}${err}` });
    }
  });
  const onlyTrivial = passedReal === 0 && passedTrivial > 0;
  if (!onlyTrivial) passed += passedTrivial;
  const score = round2((part.points * passed) / total);
  const n = part.cases.length;
  if (level === "points") return { name: part.name, score, max: part.points, feedback: "" };
  let feedback: string;
  if (failures.length === 0) feedback = `all ${n} hidden cases passed`;
  else if (level === "pass-fail") {
    const kinds = [...new Set(failures.map((f) => f.kind))];
    feedback = `${nPassed}/${n} hidden cases passed${onlyTrivial ? " (only cases that a function doing nothing passes too: no points for them alone)" : ""}; ${kinds.length === 1 && failures.length > 1 ? "every failed case" : "failed"}: ${kinds.slice(0, 4).join("; ")}`;
  } else {
    const same = failures.every((f) => f.full === failures[0].full);
    const listed = same && failures.length > 1 ? [`every failed case: ${failures[0].full}`] : failures.slice(0, 3).map((f) => `${f.label}: ${f.full}`);
    const more = !same && failures.length > 3 ? ` (and ${failures.length - 3} more)` : "";
    feedback = `${nPassed}/${n} hidden cases passed${onlyTrivial ? " (only cases that a function doing nothing passes too: no points for them alone)" : ""}; ${listed.join("; ")}${more}`;
    if (run.detail) feedback += `. The process wrote: ${run.detail.trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`;
  }
  const cells = [...compileErrors, ...run.cellErrors];
  if (failures.length > 0 && cells.length > 0) feedback += `. Cell errors: ${cells.slice(0, 2).join("; ")}`;
  return { name: part.name, score, max: part.points, feedback };
}
