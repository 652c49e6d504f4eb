import type { Question } from "./question";
import { quadratic } from "../objectives/quadratic";
import { saddle } from "../objectives/saddle";
import { minimize } from "../training/minimize";
import { sgd } from "../optimizers/sgd";

/**
 * Lesson 06's measurement (section 1): the quadratic diag(1, κ) turned by 30°, from (−5, −2),
 * plain gradient descent with the best fixed learning rate 2/(λmin + λmax) = 2/(1 + κ). The
 * first step at which f < 1e-8.
 */
function stepsToTolerance(kappa: number): number {
  const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
  const H = [
    [c * c + kappa * s * s, (1 - kappa) * c * s],
    [(1 - kappa) * c * s, s * s + kappa * c * c],
  ];
  const run = minimize(quadratic(H), sgd({ learningRate: 2 / (1 + kappa) }), [-5, -2], { steps: 5000, recordIterates: false });
  return run.fs.findIndex((v) => v < 1e-8);
}

/** Lesson 06's saddle x² − y² (section 2): from (1.8, 1e-6) at learning rate 0.1, the first step with |y| > 0.5. */
function saddleEscapeStep(): number {
  const run = minimize(saddle, sgd({ learningRate: 0.1 }), [1.8, 1e-6], { steps: 80 });
  return run.xs.findIndex((p) => Math.abs(p[1]) > 0.5);
}

/** Predict-then-run questions of lesson 06, in the order the lesson asks them. */
export const lesson06: Question[] = [
  {
    id: "06-lr-past-limit",
    kind: "choice",
    prompt: "Gradient descent on 0.1x² + 2y² from (−5, −2) with learning rate 0.6 (the steep direction has curvature 4): " +
      "(a) it converges, only more slowly (b) it zig-zags forever at the same size (c) the zig-zag grows and f blows up.",
    choices: ["a", "b", "c"],
    answerHash: "022ac36e",
    why: "Along y each step multiplies y by 1 − 0.6·4 = −1.4: the sign flips and the size grows by 1.4 every step, " +
      "so f grows like 1.4^(2k). Any factor with |1 − ηλ| > 1 does this: the limit is η < 2/λmax = 0.5.",
  },
  {
    id: "06-steps-at-kappa-200",
    kind: "number",
    prompt: "On the turned bowl with κ = 200, with the best fixed learning rate, how many steps until f < 1e-8?",
    answer: () => stepsToTolerance(200),
    relativeTolerance: 0.3,
    why: "The error along the worst eigenvector shrinks by (κ − 1)/(κ + 1) = 0.99 per step and f by its square, so " +
      "reaching f < 1e-8 from f₀ ≈ 73 takes about ln(7.3e9) / (2 · (−ln 0.99)) ≈ 1130 steps: linear in κ, " +
      "about κ/4 · ln(f₀/1e-8) for large κ.",
  },
  {
    id: "06-saddle-escape-step",
    kind: "number",
    prompt: "On x² − y² from (1.8, 1e-6) with learning rate 0.1, at which step does |y| first pass 0.5?",
    answer: saddleEscapeStep,
    relativeTolerance: 0.1,
    why: "Along y the gradient is −2y, so every step multiplies y by 1 + 2·0.1 = 1.2. Growing from 1e-6 to 0.5 takes " +
      "ln(0.5/1e-6) / ln 1.2 ≈ 72 steps: the push away from a saddle starts as small as the distance from it.",
  },
  {
    id: "06-random-hessian-minima",
    kind: "choice",
    prompt: "Random symmetric 6×6 matrices H = (A + Aᵀ)/2 with A of standard normals: the share whose eigenvalues are all " +
      "positive (a minimum, not a saddle) is (a) about 1/2 (b) about 1/2⁶ ≈ 1.6%, as if each sign were a coin flip " +
      "(c) far fewer than 1/2⁶.",
    choices: ["a", "b", "c"],
    answerHash: "4ecfc728",
    why: "The eigenvalues of a random symmetric matrix are not independent coin flips: they repel one another and spread " +
      "over an interval around 0, so all of them landing on one side is much rarer than 2^−n; the share falls like " +
      "e^(−c·n²). Where the critical points of a loss have Hessians like these, almost all of them are saddles.",
  },
];
