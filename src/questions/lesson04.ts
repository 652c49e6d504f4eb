import type { Question } from "./question";
import { numericalGradient } from "../gradients/numericalGradient";
import { relativeError } from "../gradients/relativeError";

/** Predict-then-run questions of lesson 04, in the order the lesson asks them. */
export const lesson04: Question[] = [
  {
    id: "04-softmax-score-gradient-sum",
    kind: "number",
    prompt: "For one example, the sum over all classes j of ∂L_i/∂s_j for the softmax loss?",
    answer: () => {
      // ∂L_i/∂s_j = p_j − 1(j = y_i) for scores s = (2, −1, 0.5) and label 0
      const s = [2, -1, 0.5];
      const z = s.reduce((t, v) => t + Math.exp(v), 0);
      const sum = s.reduce((t, v, j) => t + Math.exp(v) / z - (j === 0 ? 1 : 0), 0);
      return Math.round(sum * 1e12) / 1e12; // 2.8e-17 in floating point: 0 to 12 decimals
    },
    relativeTolerance: 0,
    absoluteTolerance: 1e-6,
    why: "∂L_i/∂s_j = p_j − 1(j = y_i): the probabilities sum to 1 and the indicator is 1 once, so the sum is 0 " +
      "whatever the scores. Raising every score by the same amount leaves the softmax unchanged, so the loss " +
      "has no slope in that direction. The SVM's dS rows sum to 0 too (+1 per violator, minus their count).",
  },
  {
    id: "04-relative-error-twice",
    kind: "number",
    prompt: "An analytic gradient that is exactly twice the true one (a = 2n): what relative error does ol.relativeError report?",
    answer: () => relativeError(2, 1),
    relativeTolerance: 0.02,
    why: "|2n − n| / (|2n| + |n|) = 1/3 for every n ≠ 0. With the CS231n notes' max(|a|, |n|) in the denominator it " +
      "would be 1/2: dividing by the sum gives at least half and at most the notes' value.",
  },
  {
    id: "04-forgot-reg-blank-pixel",
    kind: "number",
    prompt: "The gradient without its 2·reg·W term, at a weight whose pixel is 0 in all 200 images: its relative error?",
    answer: () => relativeError(0, 2 * 5 * 1e-3),
    relativeTolerance: 0,
    absoluteTolerance: 0.01,
    why: "There the data gradient is 0, so the buggy analytic value is 0 while the numerical one is 2·reg·W: " +
      "|0 − n| / (0 + |n|) = 1, the largest relative error there is, whatever reg and W are.",
  },
  {
    id: "04-hinge-at-kink",
    kind: "number",
    prompt: "The centered difference of max(0, t) at t = 1e-6 with h = 1e-5 (the true slope there is 1)?",
    answer: () => numericalGradient((t) => Math.max(0, t[0]), [1e-6], { h: 1e-5, scheme: "centered" })[0],
    relativeTolerance: 0.02,
    why: "t − h is negative, so the probe straddles the kink: (max(0, t + h) − max(0, t − h)) / 2h = (t + h) / 2h " +
      "= (1.1e-5) / (2e-5) = 0.55, a mixture of the slopes 0 and 1.",
  },
  {
    id: "04-float32-verdict",
    kind: "choice",
    choices: ["right", "fine-with-kinks", "suspicious", "wrong"],
    prompt: "The same softmax check in float32 (W and the loss rounded with Math.fround): which band?",
    answerHash: "c68689e0",
    why: "A float32 loss near 2.3 moves in steps of 2^-22 ≈ 2.4e-7; divided by 2h = 2e-5 that is a step of 0.012 in " +
      "the numerical derivative, as large as the gradient entries themselves: most entries come out wrong.",
  },
];
