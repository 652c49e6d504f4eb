import { checkLearningRate, checkStep, checkUnitInterval, rateAt, stateArray, type LearningRate } from "./checks";
import type { UpdateRule } from "./optimizer";

export interface MomentumVelocityState {
  /** Steps taken so far. */
  t: number;
  /** The velocity: the step itself, learning rate included. */
  v: Float64Array | null;
}

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
 * With v = −learning_rate·vx this is `momentum` (vx = rho*vx + dx; x -= learning_rate*vx), so
 * both give the same iterates at a constant learning rate. When the rate changes they part: here
 * the past steps keep the rate they were taken with; in `momentum` the whole velocity is scaled
 * by today's rate.
 */
export function momentumVelocity(
  options: { learningRate: LearningRate; rho?: number },
): UpdateRule<MomentumVelocityState> {
  const schedule = checkLearningRate("momentumVelocity", options?.learningRate);
  const rho = checkUnitInterval("momentumVelocity", "rho", options.rho ?? 0.9);
  const self: UpdateRule<MomentumVelocityState> = {
    name: "SGD+Momentum (v form)",
    state: { t: 0, v: null },
    step(x, dx) {
      checkStep("momentumVelocity", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("momentumVelocity", schedule, t);
      const v = (self.state.v = stateArray("momentumVelocity", "v", self.state.v, x.length));
      for (let i = 0, n = x.length; i < n; i++) {
        const vi = rho * v[i] - learningRate * dx[i];
        v[i] = vi;
        x[i] += vi;
      }
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, v: null };
    },
  };
  return self;
}
