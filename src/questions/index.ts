export * from "./question";
export * from "./checkPrediction";
export { allQuestions } from "./registry";
