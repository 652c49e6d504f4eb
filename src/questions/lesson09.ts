import type { Question } from "./question";

/** Predict-then-run questions of lesson 09, in the order the lesson asks them. */
export const lesson09: Question[] = [];
