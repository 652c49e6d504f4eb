import type { Question } from "./question";
import { addBias } from "../data/addBias";
import { circles } from "../data/circles";
import { loadMnist } from "../data/mnist";
import { trainTestSplit } from "../data/trainTestSplit";
import type { Dataset } from "../data/dataset";
import { matrix, type Matrix } from "../core/matrix";
import { rng } from "../core/random";
import { svmLoss } from "../classifiers/svmLoss";
import { softmaxLoss } from "../classifiers/softmaxLoss";
import { predict } from "../classifiers/predict";
import { accuracy } from "../classifiers/accuracy";

/**
 * Lesson 01's setup, as its first cells build it: 2500 MNIST digits (seed 0), of which 500 are
 * held out for validation (seed 1), the bias column added, and small random weights
 * W0 = 0.01·randn(10, 785) drawn with rng(1). Built once, when a check first needs it.
 */
let setup: { train: Dataset; X: Matrix; W0: Matrix } | null = null;
function lessonSetup(): { train: Dataset; X: Matrix; W0: Matrix } {
  if (setup) return setup;
  const { train: trainAll } = loadMnist({ trainSize: 2500, testSize: 1000, seed: 0 });
  const { train } = trainTestSplit(trainAll, { testSize: 500, seed: 1 });
  const X = addBias(train.X);
  const W0 = matrix(10, 785, rng(1).normals(10 * 785, 0, 0.01));
  return (setup = { train, X, W0 });
}

/**
 * The lesson's linear classifier on two concentric circles (ol.circles, seed 0): W = 0.01·randn
 * (rng(2)), 300 full-batch steps of softmax gradient descent, learning rate 0.5, reg 1e-3.
 * Training accuracy in percent.
 */
function circlesAccuracyPercent(): number {
  const data = circles({ seed: 0 });
  const X = addBias(data.X);
  const W = matrix(2, 3, rng(2).normals(6, 0, 0.01));
  for (let step = 0; step < 300; step++) {
    const { grad } = softmaxLoss(W, X, data.y, 1e-3);
    for (let k = 0; k < W.data.length; k++) W.data[k] -= 0.5 * grad.data[k];
  }
  return 100 * accuracy(predict(W, X), data.y);
}

/** Predict-then-run questions of lesson 01, in the order the lesson asks them. */
export const lesson01: Question[] = [
  {
    id: "01-svm-loss-small-w",
    kind: "number",
    prompt: "The mean multiclass SVM loss (margin 1, reg 0) of W = 0.01·randn(10, 785) over the 2000 training digits?",
    answer: () => { const { W0, X, train } = lessonSetup(); return svmLoss(W0, X, train.y, 0).loss; },
    relativeTolerance: 0.05,
    why: "Every score is close to 0, so each of the C − 1 = 9 wrong classes has margin max(0, s_j − s_y + 1) ≈ 1: " +
      "the loss is about C − 1. The small random scores move it a little away from 9.",
  },
  {
    id: "01-softmax-loss-small-w",
    kind: "number",
    prompt: "The mean softmax loss (reg 0) of the same small random W?",
    answer: () => { const { W0, X, train } = lessonSetup(); return softmaxLoss(W0, X, train.y, 0).loss; },
    relativeTolerance: 0.03,
    why: "With all scores about equal, softmax gives every one of the C = 10 classes p ≈ 1/10, and −log(1/10) = ln 10 ≈ 2.30.",
  },
  {
    id: "01-scale-w-predictions",
    kind: "choice",
    prompt: "Multiply the trained W by 2. How many of the 500 validation predictions change? (a) none (b) about half (c) nearly all.",
    choices: ["a", "b", "c"],
    answerHash: "45911e07",
    why: "Every score doubles, so the largest score stays the largest: the predicted class (an argmax) cannot change. " +
      "The losses do change, which is why the scale of W is not fixed by the data and regularization picks it.",
  },
  {
    id: "01-circles-accuracy",
    kind: "number",
    prompt: "Two concentric circles of 100 points each: the training accuracy (in %) of a linear softmax classifier trained 300 steps?",
    answer: circlesAccuracyPercent,
    relativeTolerance: 0,
    absoluteTolerance: 8,
    why: "Any straight line leaves points of both circles on each side, so a linear classifier can do little better than " +
      "guessing the same class everywhere (50% here). Lesson 09 makes the two circles separable with a feature transform.",
  },
];
