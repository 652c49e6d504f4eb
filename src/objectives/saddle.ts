import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/**
 * The saddle f(x, y) = x² − y²: the gradient (2x, −2y) vanishes at the origin, which is a
 * minimum along x and a maximum along y (Hessian diag(2, −2), one eigenvalue of each sign).
 * It has no minimum (f → −∞ along y), so `minimum` is undefined. Gradient descent started on
 * the x axis walks into the saddle and stays; a tiny push in y lets it escape.
 */
export const saddle: Objective = {
  dim: 2,
  name: "x² − y²",
  f(x) {
    checkPoint("saddle", x, 2);
    return x[0] * x[0] - x[1] * x[1];
  },
  grad(x) {
    checkPoint("saddle", x, 2);
    return Float64Array.of(2 * x[0], -2 * x[1]);
  },
  hess(x) {
    checkPoint("saddle", x, 2);
    return { rows: 2, cols: 2, data: Float64Array.of(2, 0, 0, -2) };
  },
  window: { x: [-2, 2], y: [-2, 2] },
};
