import { checkFinite } from "../core/checks";
import { adamUpdate, type AdamState } from "./adam";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate } from "./updateRule";

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2). The weights shrink by a fixed fraction each step,
 * outside the adaptive scaling, instead of adding reg·x to the gradient (which Adam would
 * rescale):
 *
 *     for t in range(1, num_iterations):
 *         dx = compute_gradient(x)
 *         x *= 1 - learning_rate * weight_decay        # decoupled decay
 *         (Adam's step, as in `adam`)
 *
 * The order (decay first, with the learning rate) is PyTorch's AdamW. Defaults as `adam`, and
 * weightDecay 1e-2 (PyTorch's).
 */
export function adamw(
  options: { learningRate?: LearningRate; beta1?: number; beta2?: number; eps?: number; weightDecay?: number } = {},
): UpdateRule<AdamState> {
  const weightDecay = checkFinite("adamw", "weightDecay", options.weightDecay ?? 1e-2, ">= 0");
  const adamStep = adamUpdate("adamw", options);
  return updateRule("adamw", "AdamW", options.learningRate ?? 1e-3, ["firstMoment", "secondMoment"], (x, dx, moments, learningRate, t) => {
    for (let i = 0; i < x.length; i++) {
      x[i] *= 1 - learningRate * weightDecay;
    }
    adamStep(x, dx, moments, learningRate, t);
  });
}
