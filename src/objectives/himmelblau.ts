import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/**
 * Himmelblau's function
 *
 *     f(x, y) = (x² + y − 11)² + (x + y² − 7)²
 *
 * Four minima, all with f = 0: (3, 2) and three irrational ones (found here by Newton's method in
 * float64); which one an optimizer reaches depends on where it starts. With u = x² + y − 11 and
 * v = x + y² − 7: ∇f = (4xu + 2v, 2u + 4yv),
 * ∇²f = [[12x² + 4y − 42, 4x + 4y], [4x + 4y, 4x + 12y² − 26]].
 */
export const himmelblau: Objective = {
  dim: 2,
  name: "Himmelblau",
  f(p) {
    checkPoint("himmelblau", p, 2);
    const u = p[0] * p[0] + p[1] - 11;
    const v = p[0] + p[1] * p[1] - 7;
    return u * u + v * v;
  },
  grad(p) {
    checkPoint("himmelblau", p, 2);
    const [x, y] = [p[0], p[1]];
    const u = x * x + y - 11;
    const v = x + y * y - 7;
    return Float64Array.of(4 * x * u + 2 * v, 2 * u + 4 * y * v);
  },
  hess(p) {
    checkPoint("himmelblau", p, 2);
    const [x, y] = [p[0], p[1]];
    const xy = 4 * x + 4 * y;
    return { rows: 2, cols: 2, data: Float64Array.of(12 * x * x + 4 * y - 42, xy, xy, 4 * x + 12 * y * y - 26) };
  },
  minimum: { x: Float64Array.of(3, 2), f: 0 },
  localMinima: [
    Float64Array.of(3, 2),
    Float64Array.of(-2.805118086952745, 3.131312518250573),
    Float64Array.of(-3.779310253377747, -3.2831859912861696),
    Float64Array.of(3.5844283403304917, -1.8481265269644036),
  ],
  window: { x: [-5, 5], y: [-5, 5] },
};
