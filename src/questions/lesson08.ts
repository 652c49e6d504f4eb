import type { Question } from "./question";
import { quadratic2d } from "../objectives/quadratic";
import { newton } from "../second-order/newton";

/** Predict-then-run questions of lesson 08, in the order the lesson asks them. */
export const lesson08: Question[] = [
  {
    id: "08-newton-steps-quadratic",
    kind: "number",
    prompt: "How many Newton iterations does ol.newton take on the bowl 0.1x² + 2y² from (−4, 2)?",
    answer: () => newton(quadratic2d, [-4, 2]).nit,
    relativeTolerance: 0,
    absoluteTolerance: 0.5,
    why: "The second-order Taylor model of a quadratic is the quadratic itself, so the step to the model's minimum, " +
      "θ₀ − H⁻¹∇J(θ₀), lands on the true minimum; the condition number does not matter.",
  },
  {
    id: "08-indefinite-model",
    kind: "choice",
    prompt: "At (0, 1) Rosenbrock's Hessian has one negative and one positive eigenvalue. The point the pure Newton step " +
      "θ₀ − H⁻¹∇J(θ₀) jumps to is the quadratic model's (a) minimum (b) maximum (c) saddle point.",
    choices: ["a", "b", "c"],
    answerHash: "344735c4",
    why: "The Newton step goes to the model's stationary point, where the model's gradient is 0. With one curvature " +
      "positive and one negative the model is a saddle, so that point is its saddle: along the negative-curvature " +
      "direction the step climbs. Only a negative definite H would make it a maximum.",
  },
  {
    id: "08-why-bad-for-deep-learning",
    kind: "choice",
    prompt: "The lecture's question: why is the Newton update bad for deep learning? (a) deep-learning losses have no " +
      "second derivatives (b) the Hessian of N parameters has N² entries and solving with it costs O(N³), with N in the " +
      "millions (c) the Newton step needs a learning rate that is hard to tune.",
    choices: ["a", "b", "c"],
    answerHash: "f59187fc",
    why: "The slide's answer: the Hessian has O(N²) elements and inverting it takes O(N³), with N in the tens or hundreds " +
      "of millions. (a) is false where the network is smooth (ReLU kinks aside), and (c) is the opposite of Newton's " +
      "appeal: its step has no learning rate.",
  },
  {
    id: "08-hessian-terabytes",
    kind: "number",
    prompt: "The Hessian of a model with one million parameters, stored in float64 (8 bytes a number): how many terabytes (10¹² bytes)?",
    answer: () => (1e6 * 1e6 * Float64Array.BYTES_PER_ELEMENT) / 1e12,
    relativeTolerance: 0.1,
    why: "N² = 10¹² entries of 8 bytes each. By symmetry half would do, still terabytes, for a model that is small by " +
      "today's standards; its gradient is 8 MB.",
  },
];
