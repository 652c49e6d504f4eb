import { checkLearningRate, checkStep, checkUnitInterval, rateAt, stateArray, type LearningRate } from "./checks";
import type { UpdateRule } from "./optimizer";

export interface NesterovState {
  /** Steps taken so far. */
  t: number;
  /** The velocity, as in `momentum`. */
  vx: Float64Array | null;
}

/**
 * Nesterov momentum: "look ahead" to where the velocity would carry you, and use the gradient
 * there. The slide writes it with the velocity v and the change of variables x̃ = x + rho·v,
 * so that the gradient is taken at the point we hold:
 *
 *     v_{t+1} = rho * v_t - learning_rate * grad f(x̃_t)
 *     x̃_{t+1} = x̃_t - rho * v_t + (1 + rho) * v_{t+1}
 *             = x̃_t + v_{t+1} + rho * (v_{t+1} - v_t)
 *
 * With v = −learning_rate·vx (as in `momentum`) that is PyTorch's SGD(nesterov=True):
 *
 *     vx = rho * vx + dx
 *     x -= learning_rate * (dx + rho * vx)
 *
 * which is what the body does.
 */
export function nesterov(options: { learningRate: LearningRate; rho?: number }): UpdateRule<NesterovState> {
  const schedule = checkLearningRate("nesterov", options?.learningRate);
  const rho = checkUnitInterval("nesterov", "rho", options.rho ?? 0.9);
  const self: UpdateRule<NesterovState> = {
    name: "Nesterov",
    state: { t: 0, vx: null },
    step(x, dx) {
      checkStep("nesterov", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("nesterov", schedule, t);
      const vx = (self.state.vx = stateArray("nesterov", "vx", self.state.vx, x.length));
      for (let i = 0, n = x.length; i < n; i++) {
        const dxi = dx[i];
        const vxi = rho * vx[i] + dxi;
        vx[i] = vxi;
        x[i] -= learningRate * (dxi + rho * vxi);
      }
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, vx: null };
    },
  };
  return self;
}
