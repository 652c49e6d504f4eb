import { checkLearningRate, checkStep, rateAt, type LearningRate } from "./checks";
import type { UpdateRule } from "./optimizer";

export interface SgdState {
  /** Steps taken so far. */
  t: number;
}

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
  const schedule = checkLearningRate("sgd", options?.learningRate);
  const self: UpdateRule<SgdState> = {
    name: "SGD",
    state: { t: 0 },
    step(x, dx) {
      checkStep("sgd", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("sgd", schedule, t);
      for (let i = 0, n = x.length; i < n; i++) {
        x[i] -= learningRate * dx[i];
      }
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0 };
    },
  };
  return self;
}
