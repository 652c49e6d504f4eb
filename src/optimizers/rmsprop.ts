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
      // The update for every element, four per pass: the same arithmetic, but V8 runs the
      // unrolled loop about twice as fast (test/bench/optimizers.bench.ts measures it).
      const n = x.length;
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        update(x, dx, gradSquared, i, learningRate, decayRate, eps);
        update(x, dx, gradSquared, i + 1, learningRate, decayRate, eps);
        update(x, dx, gradSquared, i + 2, learningRate, decayRate, eps);
        update(x, dx, gradSquared, i + 3, learningRate, decayRate, eps);
      }
      for (; i < n; i++) update(x, dx, gradSquared, i, learningRate, decayRate, eps);
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, gradSquared: null };
    },
  };
  return self;
}

/** The slide's two lines for element i. */
function update(
  x: Float64Array, dx: Float64Array, gradSquared: Float64Array, i: number,
  learningRate: number, decayRate: number, eps: number,
): void {
  const dxi = dx[i];
  // grad_squared = decay_rate * grad_squared + (1 - decay_rate) * dx * dx
  const gi = decayRate * gradSquared[i] + (1 - decayRate) * dxi * dxi;
  gradSquared[i] = gi;
  // x -= learning_rate * dx / (sqrt(grad_squared) + eps)
  x[i] -= (learningRate * dxi) / (Math.sqrt(gi) + eps);
}
