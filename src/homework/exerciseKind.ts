/**
 * An exercise's kind, from its notebook metadata `"optimlab": { "kind": … }`:
 *   practice    the library implements what it asks (svmLoss, the update rules, …): the answer
 *               ships with the course; fine for learning, not for credit
 *   assessment  the library does not: an instructor can grade it for credit
 * A notebook without "kind" is practice (the older exercises, until they say otherwise).
 */
import type { Notebook } from "./notebook";

export type ExerciseKind = "practice" | "assessment";
export const EXERCISE_KINDS: readonly ExerciseKind[] = ["practice", "assessment"];

export function exerciseKind(nb: Notebook, file = "notebook"): ExerciseKind {
  const kind = nb.metadata?.optimlab?.kind;
  if (kind === undefined) return "practice";
  if (!EXERCISE_KINDS.includes(kind)) throw new Error(`${file}: "optimlab.kind" must be "practice" or "assessment", got ${JSON.stringify(kind)}`);
  return kind;
}

export const KIND_NOTE: Record<ExerciseKind, string> = {
  practice: "practice: its answer is in the library that ships with the course",
  assessment: "assessment: its answer is not in the library",
};
