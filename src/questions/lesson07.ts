import type { Question } from "./question";
import { quadratic } from "../objectives/quadratic";
import { momentum } from "../optimizers/momentum";
import { adam } from "../optimizers/adam";
import { minimize } from "../training/minimize";

/**
 * Heavy ball at its best setting on the bowl with Hessian diag(1, κ), from (1, 1) (notebook 07,
 * "why momentum works"): the steps it takes per digit of accuracy once it has settled, that is
 * between a distance to the minimum of 1e-6 and 1e-12 of the first one, divided by 6.
 */
function heavyBallStepsPerDigit(kappa: number): number {
  const s = Math.sqrt(kappa);
  const learningRate = (2 / (1 + s)) ** 2;
  const rho = ((s - 1) / (s + 1)) ** 2;
  const steps = Math.ceil(40 / -Math.log((s - 1) / (s + 1)));
  const trace = minimize(quadratic([[1, 0], [0, kappa]]), momentum({ learningRate, rho }), [1, 1], { steps });
  const d0 = Math.hypot(trace.xs[0][0], trace.xs[0][1]);
  const stepsTo = (eps: number) => {
    let lastAbove = -1;
    trace.xs.forEach((p, k) => { if (Math.hypot(p[0], p[1]) > eps * d0) lastAbove = k; });
    return lastAbove + 1;
  };
  return (stepsTo(1e-12) - stepsTo(1e-6)) / 6;
}

/** Adam without bias correction, one step from 0 with gradient 1 and learning rate 1: the step's size. */
function uncorrectedFirstStep(): number {
  const opt = adam({ learningRate: 1, beta1: 0.9, beta2: 0.999, biasCorrection: false });
  const x = new Float64Array(1);
  opt.step(x, Float64Array.of(1));
  return -x[0];
}

/** Predict-then-run questions of lesson 07, in the order the lesson asks them. */
export const lesson07: Question[] = [
  {
    id: "07-momentum-rho-09-or-gd",
    kind: "choice",
    choices: ["a", "b", "c"],
    prompt: "On 0.1x² + 2y² from (−5, −2), after 100 steps, which is lower: (a) SGD+Momentum with lr 0.04 and rho 0.9, (b) plain gradient descent with lr 0.4, (c) about the same?",
    answerHash: "01508dcb",
    why: "Both take the same long-run step (0.04/(1 − 0.9) = 0.4), but with rho = 0.9 the velocity keeps " +
      "swinging: on this bowl every direction of momentum's iteration shrinks by only √0.9 ≈ 0.95 per step, " +
      "while gradient descent shrinks the slowest direction by |1 − 0.4·0.2| = 0.92 per step. More " +
      "momentum is not better: rho has to suit the condition number (the next cells find the best one).",
  },
  {
    id: "07-heavy-ball-steps-per-digit",
    kind: "number",
    prompt: "On the bowl diag(1, κ) with κ = 100, at heavy ball's best α and ρ, how many steps per digit (per factor 10 of the distance to the minimum)?",
    answer: () => heavyBallStepsPerDigit(100),
    relativeTolerance: 0.1,
    why: "The rate per step is (√κ − 1)/(√κ + 1) = 9/11, so one digit takes ln 10 / ln(11/9) steps; " +
      "the measurement between 1e-6 and 1e-12 agrees with that to a few percent. Gradient descent's " +
      "rate (κ − 1)/(κ + 1) = 99/101 needs about ten times as many.",
  },
  {
    id: "07-adagrad-or-sgd",
    kind: "choice",
    choices: ["a", "b"],
    prompt: "On 0.1x² + 2y² from (−5, −2), which ends lower after 50 steps: (a) AdaGrad with lr 1, (b) SGD with lr 0.4?",
    answerHash: "689bf0eb",
    why: "This bowl's two curvatures lie along the coordinate axes, which is exactly what a per-coordinate " +
      "step size can fix: AdaGrad divides each coordinate by its own gradient size, so the slow x direction " +
      "gets a large step. SGD's one learning rate must stay below 2/4 for y and is then small for x.",
  },
  {
    id: "07-what-happens-with-rmsprop",
    kind: "choice",
    choices: ["a", "b", "c"],
    prompt: "The lecture's question: what happens with RMSProp, compared with SGD? (a) every coordinate's step shrinks by the same factor, (b) progress along steep directions is damped and along flat directions accelerated, (c) the flat direction is damped and the steep one accelerated.",
    answerHash: "d62524c6",
    why: "Each coordinate is divided by the root of its own running mean of dx²: a steep coordinate has " +
      "large gradients and is divided by a large number, a flat one by a small number. That is the " +
      "slide's answer; the next cell measures it on the first steps.",
  },
  {
    id: "07-adam-first-step",
    kind: "number",
    prompt: "The lecture's question: what happens at the first timestep of Adam without bias correction? With beta1 = 0.9 and beta2 = 0.999, the first step is how many times the learning rate (in each coordinate)?",
    answer: uncorrectedFirstStep,
    relativeTolerance: 0.05,
    why: "After one step first_moment = (1 − beta1)·dx and second_moment = (1 − beta2)·dx², so the step is " +
      "learning_rate·(1 − beta1)/√(1 − beta2) = learning_rate·0.1/√0.001, whatever dx is: the second " +
      "moment starts near zero and we divide by a small number. Bias correction divides the moments " +
      "by (1 − beta1) and (1 − beta2), which makes the first step exactly the learning rate.",
  },
];
