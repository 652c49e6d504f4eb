import { checkInterval } from "../core/checks";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState } from "./updateRule";

/** t and the velocity v: the step itself, learning rate included. */
export type MomentumVelocityState = RuleState<"v">;

/**
 * SGD + Momentum, the lecture's second form (and the CS231n assignment's `sgd_momentum`): the
 * velocity already holds the learning rate, and x moves by it.
 *
 *     v = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         v = rho * v - learning_rate * dx
 *         x += v
 *
 * rho defaults to 0.9. With v = −learning_rate·vx this is `momentum` (vx = rho*vx + dx;
 * x -= learning_rate*vx), so both give the same iterates at a constant learning rate. When the
 * rate changes they part: here the past steps keep the rate they were taken with; in `momentum`
 * the whole velocity is scaled by today's rate.
 */
export function momentumVelocity(
  options: { learningRate: LearningRate; rho?: number },
): UpdateRule<MomentumVelocityState> {
  const rho = checkInterval("momentumVelocity", "rho", options?.rho ?? 0.9, "[0, 1)");
  return updateRule("momentumVelocity", "SGD+Momentum (v form)", options?.learningRate, ["v"], (x, dx, { v }, learningRate) => {
    for (let i = 0; i < x.length; i++) {
      v[i] = rho * v[i] - learningRate * dx[i];
      x[i] += v[i];
    }
  });
}
