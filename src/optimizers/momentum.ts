import { checkInterval } from "../core/checks";
import type { UpdateRule } from "./optimizer";
import { updateRule, type LearningRate, type RuleState } from "./updateRule";

/** t and the velocity vx: a sum of all past gradients, each decayed by rho per step since. */
export type MomentumState = RuleState<"vx">;

/**
 * SGD + Momentum: build up a velocity, the sum of past gradients with the older ones decayed by
 * rho, and step along it, so the steps add up along a consistent direction and cancel across a
 * zig-zag. (A sum, not a mean: along a constant gradient the velocity grows to dx / (1 − rho),
 * ten times dx at rho = 0.9.)
 *
 *     vx = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         vx = rho * vx + dx
 *         x -= learning_rate * vx
 *
 * rho is the "friction", typically 0.9 or 0.99 (default 0.9). This is the form of PyTorch's
 * SGD(momentum=rho) and of Dive into Deep Learning (v = βv + g). The slide's other form,
 * v = rho*v − learning_rate*dx; x += v, is `momentumVelocity`: the two give the same iterates
 * while the learning rate is constant.
 */
export function momentum(options: { learningRate: LearningRate; rho?: number }): UpdateRule<MomentumState> {
  const rho = checkInterval("momentum", "rho", options?.rho ?? 0.9, "[0, 1)");
  return updateRule("momentum", "SGD+Momentum", options?.learningRate, ["vx"], (x, dx, { vx }, learningRate) => {
    for (let i = 0; i < x.length; i++) {
      vx[i] = rho * vx[i] + dx[i];
      x[i] -= learningRate * vx[i];
    }
  });
}
