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
      // The update for every element, four per pass: the same arithmetic, but V8 runs the
      // unrolled loop about twice as fast (test/bench/optimizers.bench.ts measures it).
      const n = x.length;
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        update(x, dx, v, i, learningRate, rho);
        update(x, dx, v, i + 1, learningRate, rho);
        update(x, dx, v, i + 2, learningRate, rho);
        update(x, dx, v, i + 3, learningRate, rho);
      }
      for (; i < n; i++) update(x, dx, v, i, learningRate, rho);
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, v: null };
    },
  };
  return self;
}

/** The slide's two lines for element i. */
function update(x: Float64Array, dx: Float64Array, v: Float64Array, i: number, learningRate: number, rho: number): void {
  const vi = rho * v[i] - learningRate * dx[i]; // v = rho * v - learning_rate * dx
  v[i] = vi;
  x[i] += vi; //                                  x += v
}
