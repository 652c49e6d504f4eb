import { checkLearningRate, checkStep, checkUnitInterval, rateAt, stateArray, type LearningRate } from "./checks";
import type { UpdateRule } from "./optimizer";

export interface MomentumState {
  /** Steps taken so far. */
  t: number;
  /** The velocity: a running sum of gradients, decayed by rho each step. */
  vx: Float64Array | null;
}

/**
 * SGD + Momentum: build up a velocity as a running mean of gradients and step along it, so the
 * steps add up along a consistent direction and cancel across a zig-zag.
 *
 *     vx = 0
 *     while True:
 *         dx = compute_gradient(x)
 *         vx = rho * vx + dx
 *         x -= learning_rate * vx
 *
 * rho is the "friction", typically 0.9 or 0.99. This is the form of PyTorch's SGD(momentum=rho)
 * and of Dive into Deep Learning (v = βv + g). The slide's other form, v = rho*v −
 * learning_rate*dx; x += v, is `momentumVelocity`: the two give the same iterates while the
 * learning rate is constant.
 */
export function momentum(options: { learningRate: LearningRate; rho?: number }): UpdateRule<MomentumState> {
  const schedule = checkLearningRate("momentum", options?.learningRate);
  const rho = checkUnitInterval("momentum", "rho", options.rho ?? 0.9);
  const self: UpdateRule<MomentumState> = {
    name: "SGD+Momentum",
    state: { t: 0, vx: null },
    step(x, dx) {
      checkStep("momentum", x, dx);
      const t = self.state.t + 1;
      const learningRate = rateAt("momentum", schedule, t);
      const vx = (self.state.vx = stateArray("momentum", "vx", self.state.vx, x.length));
      // The update for every element, four per pass: the same arithmetic, but V8 runs the
      // unrolled loop about twice as fast (test/bench/optimizers.bench.ts measures it).
      const n = x.length;
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        update(x, dx, vx, i, learningRate, rho);
        update(x, dx, vx, i + 1, learningRate, rho);
        update(x, dx, vx, i + 2, learningRate, rho);
        update(x, dx, vx, i + 3, learningRate, rho);
      }
      for (; i < n; i++) update(x, dx, vx, i, learningRate, rho);
      self.state.t = t;
    },
    reset() {
      self.state = { t: 0, vx: null };
    },
  };
  return self;
}

/** The slide's two lines for element i. */
function update(x: Float64Array, dx: Float64Array, vx: Float64Array, i: number, learningRate: number, rho: number): void {
  const vxi = rho * vx[i] + dx[i]; // vx = rho * vx + dx
  vx[i] = vxi;
  x[i] -= learningRate * vxi; //      x -= learning_rate * vx
}
