import type { Question } from "./question";

/** Predict-then-run questions of lesson 07, in the order the lesson asks them. */
export const lesson07: Question[] = [];
