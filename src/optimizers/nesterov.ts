import { checkInterval } from "../core/checks";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState } from "./updateRule";

/** t and the velocity vx, as in `momentum`. */
export type NesterovState = RuleState<"vx">;

/**
 * Nesterov momentum: "look ahead" to where the velocity would carry you, and use the gradient
 * there. The pseudo-code is PyTorch's SGD(momentum=rho, nesterov=True) (torch/optim/sgd.py):
 *
 *     vx = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         vx = rho * vx + dx
 *         x -= learning_rate * (dx + rho * vx)
 *
 * rho defaults to 0.9. Why it is the slide's Nesterov: the slide writes it with the velocity v
 * and the change of variables x̃ = x + rho·v, so that the gradient is taken at the point we hold,
 *
 *     v_{t+1} = rho * v_t - learning_rate * grad f(x̃_t)
 *     x̃_{t+1} = x̃_t - rho * v_t + (1 + rho) * v_{t+1}  =  x̃_t + v_{t+1} + rho * v_{t+1} - rho * v_t
 *
 * and with v = −learning_rate·vx (as in `momentum`) the last line is the loop's second line.
 */
export function nesterov(options: { learningRate: LearningRate; rho?: number }): UpdateRule<NesterovState> {
  const rho = checkInterval("nesterov", "rho", options?.rho ?? 0.9, "[0, 1)");
  return updateRule("nesterov", "Nesterov", options?.learningRate, ["vx"], (x, dx, { vx }, learningRate) => {
    for (let i = 0; i < x.length; i++) {
      vx[i] = rho * vx[i] + dx[i];
      x[i] -= learningRate * (dx[i] + rho * vx[i]);
    }
  });
}
