import type { Question } from "./question";

/** Predict-then-run questions of lesson 05, in the order the lesson asks them. */
export const lesson05: Question[] = [
  {
    id: "05-lr-1000-after-10-steps",
    kind: "choice",
    choices: ["a", "b", "c"],
    prompt: "Full-batch gradient descent with learning rate 1000, 10 steps from a loss of about 2.3: (a) below, (b) about, (c) far above where it started?",
    answerHash: "c61d84a3",
    why: "The step is 1000 times the gradient: the first one jumps far past the valley, to a point where the " +
      "scores are huge and the correct class often has a very negative one, so the loss is in the hundreds after one " +
      "step and in the thousands after a few. " +
      "The softmax loss grows at most linearly in the scores, so it stays finite and the run is not stopped.",
  },
  {
    id: "05-lowest-loss-after-two-epochs",
    kind: "choice",
    choices: ["1", "32", "256"],
    prompt: "Two epochs of minibatch SGD at learning rate 0.1: which batch size ends with the lowest full training loss?",
    answerHash: "a5814dab",
    why: "Every run looks at the same 4,000 examples, but batch size 1 turns them into 4,000 steps and batch " +
      "size 256 into 16. Each noisy small step still goes downhill on average, so per epoch the small batch " +
      "gets furthest; per step the large batch is better.",
  },
  {
    id: "05-noise-ratio-64-vs-256",
    kind: "number",
    prompt: "By σ²/B·(N−B)/(N−1) with N = 2000: how many times larger is ‖g_B − g‖ for B = 64 than for B = 256?",
    answer: () => {
      const N = 2000;
      const squaredError = (B: number) => (N - B) / ((N - 1) * B); // σ² cancels in the ratio
      return Math.sqrt(squaredError(64) / squaredError(256));
    },
    relativeTolerance: 0.1,
    why: "The squared error falls like 1/B, so the error falls like 1/√B: a batch 4 times larger halves it. " +
      "Without replacement the factor (N−B)/(N−1) shrinks the larger batch's error a little more: " +
      "√(4 · 1936/1744) ≈ 2.1.",
  },
];
