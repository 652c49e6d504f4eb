import type { Question } from "./question";

/** Predict-then-run questions of lesson 04, in the order the lesson asks them. */
export const lesson04: Question[] = [];
