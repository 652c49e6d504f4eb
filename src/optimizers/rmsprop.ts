import {
  checkLearningRate, checkNonNegative, checkStep, checkUnitInterval, rateAt, stateArray, type LearningRate,
} from "./checks";
import type { UpdateRule } from "./optimizer";

export interface RmspropState {
  /** Steps taken so far. */
  t: number;
  /** A leaky (exponentially decaying) average of squared gradients, per element. */
  gradSquared: Float64Array | null;
}

/**
 * RMSProp: AdaGrad with a leak, so the squared-gradient average forgets the distant past and
 * the steps do not shrink to zero.
 *
 *     grad_squared = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         grad_squared = decay_rate * grad_squared + (1 - decay_rate) * dx * dx
 *         x -= learning_rate * dx / (np.sqrt(grad_squared) + 1e-7)
 *
 * decayRate is PyTorch's `alpha` (default 0.99 in both); eps sits outside the square root, as
 * in PyTorch's RMSprop (whose default eps is 1e-8). The CS231n assignment calls grad_squared
 * the `cache`.
 */
export function rmsprop(
  options: { learningRate: LearningRate; decayRate?: number; eps?: number },
): UpdateRule<RmspropState> {
  const schedule = checkLearningRate("rmsprop", options?.learningRate);
  const decayRate = checkUnitInterval("rmsprop", "decayRate", options.decayRate ?? 0.99);
  const eps = checkNonNegative("rmsprop", "eps", options.eps ?? 1e-7);
  const self: UpdateRule<RmspropState> = {
    name: "RMSProp",
    state: { t: 0, gradSquared: null },
    step(x, dx) {
      checkStep("rmsprop", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("rmsprop", schedule, t);
      const gradSquared = (self.state.gradSquared = stateArray("rmsprop", "gradSquared", self.state.gradSquared, x.length));
      const oneMinusDecayRate = 1 - decayRate;
      for (let i = 0, n = x.length; i < n; i++) {
        const dxi = dx[i];
        const gi = decayRate * gradSquared[i] + oneMinusDecayRate * dxi * dxi;
        gradSquared[i] = gi;
        x[i] -= (learningRate * dxi) / (Math.sqrt(gi) + eps);
      }
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, gradSquared: null };
    },
  };
  return self;
}
