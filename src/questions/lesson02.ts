import type { Question } from "./question";
import { addBias } from "../data/addBias";
import { loadMnist } from "../data/mnist";
import { trainTestSplit } from "../data/trainTestSplit";
import { matrix } from "../core/matrix";
import { rng } from "../core/random";
import { dot, norm2 } from "../core/vector";
import { svmLoss } from "../classifiers/svmLoss";

/**
 * How steep is a random direction? The mean of |cos θ| between 1000 random Gaussian directions
 * in the 10·785 = 7850 numbers of W (rng(5)) and the gradient of lesson 02's SVM loss (its 5000
 * training digits: 6000 from loadMnist seed 0, 1000 held out with seed 1) at W = 1e-4·randn (rng(231)).
 */
function randomDirectionSlope(): number {
  const { train: trainAll } = loadMnist({ trainSize: 6000, testSize: 1000, seed: 0 });
  const { train } = trainTestSplit(trainAll, { testSize: 1000, seed: 1 });
  const W = matrix(10, 785, rng(231).normals(10 * 785, 0, 1e-4));
  const g = svmLoss(W, addBias(train.X), train.y, 0).grad.data;
  const random = rng(5);
  const gNorm = norm2(g);
  let sum = 0;
  const n = 1000;
  for (let i = 0; i < n; i++) {
    const u = random.normals(g.length);
    sum += Math.abs(dot(u, g)) / (norm2(u) * gNorm);
  }
  return sum / n;
}

/** Predict-then-run questions of lesson 02, in the order the lesson asks them. */
export const lesson02: Question[] = [
  {
    id: "02-loss-spread-255",
    kind: "choice",
    prompt: "Scale every pixel by 255 (the bytes 0–255 images are stored as) and try the same random W. " +
      "The spread (standard deviation) of their losses becomes: (a) about the same (b) about √255 ≈ 16 times larger (c) about 255 times larger.",
    choices: ["a", "b", "c"],
    answerHash: "ff171d95",
    why: "While every margin s_j − s_y + 1 stays positive, the SVM loss is (C − 1) plus the mean of Σ_j (s_j − s_y): " +
      "linear in the scores, and the scores Wx are linear in x. So 255 times larger pixels move the loss 255 times " +
      "farther from 9 (a little less where a margin hits 0).",
  },
  {
    id: "02-downhill-fraction",
    kind: "choice",
    prompt: "From the best random W, try 200 small random steps (each kept only if the loss goes down). How many go downhill? " +
      "(a) almost none (b) about half (c) almost all.",
    choices: ["a", "b", "c"],
    answerHash: "24b57872",
    why: "For a small step δ the loss changes by about ∇L·δ. A random δ is as likely to point one way as the opposite " +
      "way, so about half the steps lower the loss. Random local search is slow not because downhill steps are rare, " +
      "but because they go down very little (the next question).",
  },
  {
    id: "02-random-direction-slope",
    kind: "number",
    prompt: "In the 7850 dimensions of W, how steep is a random direction compared with the steepest one: the mean of |cos θ| " +
      "between a random direction and the gradient?",
    answer: randomDirectionSlope,
    relativeTolerance: 0.5,
    why: "A random unit direction u has u·g/‖g‖ distributed like one coordinate of a random unit vector: about " +
      "N(0, 1/D), so |cos θ| averages √(2/(πD)), under 1% for D = 7850. A random step of some length lowers the loss " +
      "about a hundred times less than a step of the same length along −∇L.",
  },
];
