import type { Question } from "./question";
import { matrix } from "../core/matrix";
import { rng } from "../core/random";
import { addBias } from "../data/addBias";
import { loadMnist } from "../data/mnist";
import { svmLoss } from "../classifiers/svmLoss";
import { numericalGradient } from "../gradients/numericalGradient";

/**
 * The lesson's setting (notebook 03, first code cell): the SVM loss without regularization on
 * 1000 MNIST training images, at a small random W (10×785, normals with std 1e-3, seed 0).
 */
function lessonLoss(): { W: Float64Array; loss: (w: Float64Array) => number } {
  const { train } = loadMnist({ trainSize: 1000, testSize: 0, seed: 0 });
  const X = addBias(train.X);
  const W = rng(0).normals(10 * 785, 0, 1e-3);
  return { W, loss: (w) => svmLoss(matrix(10, 785, w), X, train.y, 0, { gradient: false }).loss };
}

/** The slide's difference quotient (L(W + h) − L(W)) / h in one dimension of W. */
function forwardQuotient(dim: number, h: number): number {
  const { W, loss } = lessonLoss();
  const before = loss(W);
  W[dim] += h;
  return (loss(W) - before) / h;
}

/** Predict-then-run questions of lesson 03, in the order the lesson asks them. */
export const lesson03: Question[] = [
  {
    id: "03-blank-pixel-derivative",
    kind: "number",
    prompt: "dW[0], the forward difference (h = 0.0001) for the weight of class 0 on the top-left pixel, which is 0 in all 1000 images?",
    answer: () => forwardQuotient(0, 1e-4),
    relativeTolerance: 0,
    absoluteTolerance: 1e-3,
    why: "That weight multiplies a pixel that is 0 in every image, so changing it changes no score and " +
      "no margin: the loss does not move and the derivative is exactly 0. (With L2 regularization it " +
      "would be 2·reg·W[0]: the only force on a weight the data never sees.)",
  },
  {
    id: "03-best-h-forward",
    kind: "choice",
    choices: ["a", "b", "c", "d", "e"],
    prompt: "Which h makes the forward difference closest to the exact derivative: (a) 1e-14, (b) about 1e-10, (c) about 1e-7, (d) about 1e-4, (e) 1?",
    answerHash: "8c93f6c3",
    why: "The truncation error (h/2)|f''| falls as h shrinks, but the round-off error, about ε|f|/h with " +
      "ε ≈ 2.2e-16, grows. The sum is smallest where the two are equal, near h ≈ √ε ≈ 1e-8 times a factor " +
      "that depends on f: the plot below shows where.",
  },
  {
    id: "03-best-h-centered",
    kind: "choice",
    choices: ["a", "b", "c"],
    prompt: "The centered difference's best h, compared with the forward difference's best h: (a) smaller, (b) about the same, (c) larger?",
    answerHash: "ec52a858",
    why: "Its truncation error shrinks like h² instead of h, so it can afford a larger h before truncation " +
      "matters, and a larger h means less round-off: the balance sits near ε^(1/3) ≈ 6e-6 instead of √ε.",
  },
  {
    id: "03-forward-evaluations",
    kind: "number",
    prompt: "How many loss evaluations does one forward numerical gradient of all of W (10×785) take?",
    answer: () => {
      let evaluations = 0;
      numericalGradient(() => { evaluations++; return 0; }, new Float64Array(10 * 785), { scheme: "forward" });
      return evaluations;
    },
    relativeTolerance: 0,
    absoluteTolerance: 0.5,
    why: "One per parameter, each at W + h in that dimension, plus one at W itself that every quotient " +
      "shares. The centered difference needs two per parameter (W + h and W − h) and none at W.",
  },
];
