import type { Question } from "./question";

/** Predict-then-run questions of lesson 02, in the order the lesson asks them. */
export const lesson02: Question[] = [];
