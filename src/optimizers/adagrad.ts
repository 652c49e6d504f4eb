import { checkFinite } from "../core/checks";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState } from "./updateRule";

/** t and gradSquared: the historical sum of squared gradients, per element. */
export type AdagradState = RuleState<"gradSquared">;

/**
 * AdaGrad (Duchi, Hazan & Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 2011): scale each element's step by the square root of its
 * historical sum of squared gradients, so steep directions are damped and flat ones sped up.
 * The sum only grows, so the steps shrink towards zero over a long run.
 *
 *     grad_squared = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         grad_squared += dx * dx
 *         x -= learning_rate * dx / (np.sqrt(grad_squared) + eps)
 *
 * eps defaults to 1e-7 and sits outside the square root, as in PyTorch's Adagrad (whose default
 * eps is 1e-10; its lr_decay and initial_accumulator_value are 0 here).
 */
export function adagrad(options: { learningRate: LearningRate; eps?: number }): UpdateRule<AdagradState> {
  const eps = checkFinite("adagrad", "eps", options?.eps ?? 1e-7, ">= 0");
  return updateRule("adagrad", "AdaGrad", options?.learningRate, ["gradSquared"], (x, dx, { gradSquared }, learningRate) => {
    for (let i = 0; i < x.length; i++) {
      gradSquared[i] += dx[i] * dx[i];
      x[i] -= (learningRate * dx[i]) / (Math.sqrt(gradSquared[i]) + eps);
    }
  });
}
