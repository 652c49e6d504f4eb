import type { Question } from "./question";

/** Predict-then-run questions of lesson 03, in the order the lesson asks them. */
export const lesson03: Question[] = [];
