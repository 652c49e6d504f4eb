import { checkFinite, checkInterval } from "../core/checks";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState } from "./updateRule";

/** t and gradSquared: a leaky (exponentially decaying) average of squared gradients, per element. */
export type RmspropState = RuleState<"gradSquared">;

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
 * Defaults: decayRate 0.99 (PyTorch's `alpha`, 0.99 there too), eps 1e-7 (the slide's; PyTorch's
 * is 1e-8), outside the square root as in PyTorch's RMSprop. The CS231n assignment calls
 * grad_squared the `cache`.
 */
export function rmsprop(
  options: { learningRate: LearningRate; decayRate?: number; eps?: number },
): UpdateRule<RmspropState> {
  const decayRate = checkInterval("rmsprop", "decayRate", options?.decayRate ?? 0.99, "[0, 1)");
  const eps = checkFinite("rmsprop", "eps", options?.eps ?? 1e-7, ">= 0");
  return updateRule("rmsprop", "RMSProp", options?.learningRate, ["gradSquared"], (x, dx, { gradSquared }, learningRate) => {
    for (let i = 0; i < x.length; i++) {
      gradSquared[i] = decayRate * gradSquared[i] + (1 - decayRate) * dx[i] * dx[i];
      x[i] -= (learningRate * dx[i]) / (Math.sqrt(gradSquared[i]) + eps);
    }
  });
}
