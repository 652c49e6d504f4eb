import {
  checkLearningRate, checkNonNegative, checkStep, checkUnitInterval, rateAt, stateArray, type LearningRate,
} from "./checks";
import type { UpdateRule } from "./optimizer";

export interface AdamState {
  /** Steps taken so far (the t of beta1 ** t). */
  t: number;
  /** Momentum: a leaky average of gradients. */
  firstMoment: Float64Array | null;
  /** RMSProp's leaky average of squared gradients. */
  secondMoment: Float64Array | null;
}

/**
 * Adam: momentum (first moment) plus RMSProp (second moment), with bias correction for the
 * fact that both moments start at zero.
 *
 *     first_moment = 0
 *     second_moment = 0
 *     for t in range(1, num_iterations):
 *         dx = compute_gradient(x)
 *         first_moment = beta1 * first_moment + (1 - beta1) * dx         # Momentum
 *         second_moment = beta2 * second_moment + (1 - beta2) * dx * dx  # AdaGrad / RMSProp
 *         first_unbias = first_moment / (1 - beta1 ** t)                 # Bias correction
 *         second_unbias = second_moment / (1 - beta2 ** t)
 *         x -= learning_rate * first_unbias / (np.sqrt(second_unbias) + 1e-7)
 *
 * With `biasCorrection: false` it is the slide's "Adam (almost)": x -= learning_rate *
 * first_moment / (np.sqrt(second_moment) + 1e-7). Why correct? At t = 1 with beta2 = 0.999 the
 * second moment is 0.001·dx², its root 0.032·|dx|, so the uncorrected first step is about
 * 0.1/0.032 ≈ 3 times the learning rate (if eps does not dominate): a very large first step.
 *
 * The lecture's advice: beta1 = 0.9, beta2 = 0.999, learning rate 1e-3 or 5e-4 to start.
 * eps sits outside the square root, as in PyTorch's Adam (default eps 1e-8 there).
 */
export function adam(
  options: { learningRate?: LearningRate; beta1?: number; beta2?: number; eps?: number; biasCorrection?: boolean } = {},
): UpdateRule<AdamState> {
  const schedule = checkLearningRate("adam", options.learningRate ?? 1e-3);
  const beta1 = checkUnitInterval("adam", "beta1", options.beta1 ?? 0.9);
  const beta2 = checkUnitInterval("adam", "beta2", options.beta2 ?? 0.999);
  const eps = checkNonNegative("adam", "eps", options.eps ?? 1e-7);
  const biasCorrection = options.biasCorrection ?? true;
  const self: UpdateRule<AdamState> = {
    name: biasCorrection ? "Adam" : "Adam (no bias correction)",
    state: { t: 0, firstMoment: null, secondMoment: null },
    step(x, dx) {
      checkStep("adam", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("adam", schedule, t);
      const firstMoment = (self.state.firstMoment = stateArray("adam", "firstMoment", self.state.firstMoment, x.length));
      const secondMoment = (self.state.secondMoment = stateArray("adam", "secondMoment", self.state.secondMoment, x.length));
      // first_unbias = first_moment / (1 - beta1 ** t): the division is the same for every
      // element, so take it once and multiply.
      const unbias1 = biasCorrection ? 1 / (1 - beta1 ** t) : 1;
      const unbias2 = biasCorrection ? 1 / (1 - beta2 ** t) : 1;
      // The update for every element, four per pass: the same arithmetic, but V8 runs the
      // unrolled loop about twice as fast (test/bench/optimizers.bench.ts measures it).
      const n = x.length;
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        update(x, dx, firstMoment, secondMoment, i, learningRate, beta1, beta2, unbias1, unbias2, eps);
        update(x, dx, firstMoment, secondMoment, i + 1, learningRate, beta1, beta2, unbias1, unbias2, eps);
        update(x, dx, firstMoment, secondMoment, i + 2, learningRate, beta1, beta2, unbias1, unbias2, eps);
        update(x, dx, firstMoment, secondMoment, i + 3, learningRate, beta1, beta2, unbias1, unbias2, eps);
      }
      for (; i < n; i++) update(x, dx, firstMoment, secondMoment, i, learningRate, beta1, beta2, unbias1, unbias2, eps);
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, firstMoment: null, secondMoment: null };
    },
  };
  return self;
}

/** The slide's five lines for element i (unbias1 = 1 / (1 - beta1 ** t), unbias2 likewise). */
function update(
  x: Float64Array, dx: Float64Array, firstMoment: Float64Array, secondMoment: Float64Array, i: number,
  learningRate: number, beta1: number, beta2: number, unbias1: number, unbias2: number, eps: number,
): void {
  const dxi = dx[i];
  const firstMomentI = beta1 * firstMoment[i] + (1 - beta1) * dxi; //         Momentum
  const secondMomentI = beta2 * secondMoment[i] + (1 - beta2) * dxi * dxi; // AdaGrad / RMSProp
  firstMoment[i] = firstMomentI;
  secondMoment[i] = secondMomentI;
  const firstUnbias = firstMomentI * unbias1; //                              Bias correction
  const secondUnbias = secondMomentI * unbias2;
  x[i] -= (learningRate * firstUnbias) / (Math.sqrt(secondUnbias) + eps);
}
