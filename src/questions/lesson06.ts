import type { Question } from "./question";

/** Predict-then-run questions of lesson 06, in the order the lesson asks them. */
export const lesson06: Question[] = [];
