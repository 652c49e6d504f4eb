import type { Question } from "./question";

/** Predict-then-run questions of lesson 08, in the order the lesson asks them. */
export const lesson08: Question[] = [];
