import { checkFinite, checkInterval } from "../core/checks";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState, type StateArrays } from "./updateRule";

/**
 * t (the t of beta1 ** t), firstMoment (momentum: a leaky average of gradients) and secondMoment
 * (RMSProp's leaky average of squared gradients).
 */
export type AdamState = RuleState<"firstMoment" | "secondMoment">;

export interface AdamOptions {
  learningRate?: LearningRate;
  beta1?: number;
  beta2?: number;
  eps?: number;
  biasCorrection?: boolean;
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
 * With `biasCorrection: false` the two correction lines divide by 1 instead: the slide's "Adam
 * (almost)", x -= learning_rate * first_moment / (np.sqrt(second_moment) + 1e-7). Why correct?
 * At t = 1 with beta2 = 0.999 the second moment is 0.001·dx², its root 0.032·|dx|, so the
 * uncorrected first step is about 0.1/0.032 ≈ 3 times the learning rate (if eps does not
 * dominate): a very large first step.
 *
 * Defaults, the lecture's advice: beta1 = 0.9, beta2 = 0.999, learning rate 1e-3 (or 5e-4) to
 * start; eps 1e-7, outside the square root as in PyTorch's Adam (default eps 1e-8 there).
 */
export function adam(options: AdamOptions = {}): UpdateRule<AdamState> {
  const loop = adamUpdate("adam", options);
  const name = options.biasCorrection === false ? "Adam (no bias correction)" : "Adam";
  return updateRule("adam", name, options.learningRate ?? 1e-3, ["firstMoment", "secondMoment"], loop);
}

/** Adam's loop over the elements, with its options checked (messages start with `fn`); `adamw` reuses it. */
export function adamUpdate(fn: string, options: AdamOptions) {
  const beta1 = checkInterval(fn, "beta1", options.beta1 ?? 0.9, "[0, 1)");
  const beta2 = checkInterval(fn, "beta2", options.beta2 ?? 0.999, "[0, 1)");
  const eps = checkFinite(fn, "eps", options.eps ?? 1e-7, ">= 0");
  const biasCorrection = options.biasCorrection ?? true;
  return (x: Float64Array, dx: Float64Array, state: StateArrays<"firstMoment" | "secondMoment">, learningRate: number, t: number) => {
    const { firstMoment, secondMoment } = state;
    for (let i = 0; i < x.length; i++) {
      firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * dx[i];
      secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * dx[i] * dx[i];
      const firstUnbias = firstMoment[i] / (biasCorrection ? 1 - beta1 ** t : 1);
      const secondUnbias = secondMoment[i] / (biasCorrection ? 1 - beta2 ** t : 1);
      x[i] -= (learningRate * firstUnbias) / (Math.sqrt(secondUnbias) + eps);
    }
  };
}
