import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/**
 * A 1-D function with a local minimum that is not the global one:
 *
 *     f(x) = x⁴ − 3x² + x        f'(x) = 4x³ − 6x + 1        f''(x) = 12x² − 6
 *
 * The global minimum is at x ≈ −1.30084 (f ≈ −3.51391); the local one at x ≈ 1.13090
 * (f ≈ −1.07023) traps gradient descent started at x > 0.17 (the local maximum between them).
 * x is a vector of length 1.
 */
export const localMinimum1d: Objective = {
  dim: 1,
  name: "x⁴ − 3x² + x",
  f(p) {
    checkPoint("localMinimum1d", p, 1);
    const x = p[0];
    return x ** 4 - 3 * x * x + x;
  },
  grad(p) {
    checkPoint("localMinimum1d", p, 1);
    const x = p[0];
    return Float64Array.of(4 * x ** 3 - 6 * x + 1);
  },
  hess(p) {
    checkPoint("localMinimum1d", p, 1);
    const x = p[0];
    return { rows: 1, cols: 1, data: Float64Array.of(12 * x * x - 6) };
  },
  // Roots of f'(x) = 0 by Newton's method in float64.
  minimum: { x: Float64Array.of(-1.3008395659415772), f: -3.51390503893479 },
  localMinima: [Float64Array.of(-1.3008395659415772), Float64Array.of(1.1309011226299859)],
  window: { x: [-2, 2] },
};
