// What notebooks use (hiddenTests in exercise sources, selfCheck in student copies) and what the
// assign command uses. The grader (grade.ts: sandboxes, esbuild, signal handlers) is NOT here:
// a notebook that imports selfCheck loads none of it; the grade command imports ./grade itself.
export * from "./hiddenTests";
export * from "./selfCheck";
export { studentCopy, assignFolder, STUB } from "./assign";
export type { SubmissionReport, ExerciseReport } from "./report";
