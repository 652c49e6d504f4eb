import type { Question } from "./question";
import { spiral } from "../data/spiral";
import { addBias } from "../data/addBias";
import { zeros } from "../core/matrix";
import { adam } from "../optimizers/adam";
import { softmaxLoss } from "../classifiers/softmaxLoss";
import { predict } from "../classifiers/predict";
import { accuracy } from "../classifiers/accuracy";
import { twoLayerNet } from "../classifiers/twoLayerNet";

/** Predict-then-run questions of lesson 09, in the order the lesson asks them. */
export const lesson09: Question[] = [
  {
    id: "09-spiral-linear-accuracy",
    kind: "number",
    prompt: "A linear softmax classifier on the 3-arm spiral (500 full-batch Adam steps): its training accuracy in %?",
    answer: () => {
      // the lesson's setup: 100 points per class, seed 0; W = 0, Adam 0.05, reg 5e-4, 500 steps
      const data = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
      const Xb = addBias(data.X);
      const W = zeros(3, 3);
      const opt = adam({ learningRate: 0.05 });
      for (let t = 0; t < 500; t++) opt.step(W.data, softmaxLoss(W, Xb, data.y, 5e-4).grad.data);
      return 100 * accuracy(predict(W, Xb), data.y);
    },
    relativeTolerance: 0,
    absoluteTolerance: 8,
    why: "Three straight boundaries cut the plane into three wedges; each arm winds through all of them, so " +
      "a wedge can hold only the stretch of an arm that passes through it. That is well above the 33% of " +
      "guessing one class and far from what a curved boundary can do.",
  },
  {
    id: "09-net-gradcheck-verdict",
    kind: "choice",
    choices: ["right", "fine-with-kinks", "suspicious", "wrong"],
    prompt: "gradCheck on 20 of the trained spiral net's parameters: which band?",
    answerHash: "34060645",
    why: "Just above the line of \"right\": the worst entry is a weight whose derivative is tiny (about 3e-6), " +
      "and the relative error divides the centered difference's rounding error (about 1e-12) by |a| + |n|. " +
      "No kink is crossed there; a bug would show as 1e-2 or more. " +
      "Entries of units that never fire have a gradient of exactly 0 and check as right without proving much.",
  },
  {
    id: "09-mnist-net-parameters",
    kind: "number",
    prompt: "How many parameters has a 784 → 32 → 10 network, biases included?",
    answer: () => twoLayerNet(784, 32, 10).params.length,
    relativeTolerance: 0.01,
    why: "W1 is 32×784 and b1 has 32 entries, W2 is 10×32 and b2 has 10: 25,088 + 32 + 320 + 10. Almost all of " +
      "them are in the first layer, which sees every pixel; the linear classifier has 10×785 = 7,850.",
  },
];
