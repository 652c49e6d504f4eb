import type { Question } from "./question";

/** Predict-then-run questions of lesson 01, in the order the lesson asks them. */
export const lesson01: Question[] = [];
