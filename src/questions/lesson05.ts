import type { Question } from "./question";

/** Predict-then-run questions of lesson 05, in the order the lesson asks them. */
export const lesson05: Question[] = [];
