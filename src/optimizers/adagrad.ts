import {
  checkLearningRate, checkNonNegative, checkStep, rateAt, stateArray, type LearningRate,
} from "./checks";
import type { UpdateRule } from "./optimizer";

export interface AdagradState {
  /** Steps taken so far. */
  t: number;
  /** The historical sum of squared gradients, per element. */
  gradSquared: Float64Array | null;
}

/**
 * AdaGrad: scale each element's step by the square root of its historical sum of squared
 * gradients, so steep directions are damped and flat ones sped up. The sum only grows, so the
 * steps shrink towards zero over a long run.
 *
 *     grad_squared = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         grad_squared += dx * dx
 *         x -= learning_rate * dx / (np.sqrt(grad_squared) + 1e-7)
 *
 * eps (the slide's 1e-7) sits outside the square root, as in PyTorch's Adagrad (whose default
 * eps is 1e-10; its lr_decay and initial_accumulator_value are 0 here).
 */
export function adagrad(options: { learningRate: LearningRate; eps?: number }): UpdateRule<AdagradState> {
  const schedule = checkLearningRate("adagrad", options?.learningRate);
  const eps = checkNonNegative("adagrad", "eps", options.eps ?? 1e-7);
  const self: UpdateRule<AdagradState> = {
    name: "AdaGrad",
    state: { t: 0, gradSquared: null },
    step(x, dx) {
      checkStep("adagrad", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("adagrad", schedule, t);
      const gradSquared = (self.state.gradSquared = stateArray("adagrad", "gradSquared", self.state.gradSquared, x.length));
      // The update for every element, four per pass: the same arithmetic, but V8 runs the
      // unrolled loop about twice as fast (test/bench/optimizers.bench.ts measures it).
      const n = x.length;
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        update(x, dx, gradSquared, i, learningRate, eps);
        update(x, dx, gradSquared, i + 1, learningRate, eps);
        update(x, dx, gradSquared, i + 2, learningRate, eps);
        update(x, dx, gradSquared, i + 3, learningRate, eps);
      }
      for (; i < n; i++) update(x, dx, gradSquared, i, learningRate, eps);
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
  x: Float64Array, dx: Float64Array, gradSquared: Float64Array, i: number, learningRate: number, eps: number,
): void {
  const dxi = dx[i];
  const gi = gradSquared[i] + dxi * dxi; //                 grad_squared += dx * dx
  gradSquared[i] = gi;
  x[i] -= (learningRate * dxi) / (Math.sqrt(gi) + eps); // x -= learning_rate * dx / (sqrt(grad_squared) + eps)
}
