// What notebooks use (hiddenTests in exercise sources, selfCheck in student copies) and what the
// assign/grade commands use. TypeScript, esbuild and child processes load only when grading.
export * from "./hiddenTests";
export * from "./selfCheck";
export { studentCopy, assignFolder, STUB } from "./assign";
export { gradeFiles, SubmissionReport, ExerciseReport, GradeOptions } from "./grade";
export { formatReport, formatReports } from "./formatReport";
