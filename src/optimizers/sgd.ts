import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState } from "./updateRule";

export type SgdState = RuleState<never>;

/**
 * Vanilla (stochastic) gradient descent: step against the gradient.
 *
 *     while True:
 *         dx = compute_gradient(x)
 *         x -= learning_rate * dx
 *
 * "Stochastic" when dx comes from a minibatch; the rule is the same.
 */
export function sgd(options: { learningRate: LearningRate }): UpdateRule<SgdState> {
  return updateRule("sgd", "SGD", options?.learningRate, [], (x, dx, _state, learningRate) => {
    for (let i = 0; i < x.length; i++) {
      x[i] -= learningRate * dx[i];
    }
  });
}
