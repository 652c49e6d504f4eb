import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/** Beale's constants: f = Σ_i (c_i − x + x yⁱ)², i = 1, 2, 3. */
const C = [1.5, 2.25, 2.625];

/**
 * Beale's function
 *
 *     f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
 *
 * Sharp ridges at the corners of [−4.5, 4.5]² and a flat valley; the minimum is (3, 0.5) with
 * f = 0. With a_i = c_i − x + x yⁱ: ∇a_i = (yⁱ − 1, i x yⁱ⁻¹), f = Σ a_i²,
 * ∇f = 2 Σ a_i ∇a_i and ∇²f = 2 Σ (∇a_i ∇a_iᵀ + a_i ∇²a_i), ∇²a_i = [[0, i yⁱ⁻¹], [i yⁱ⁻¹, i(i−1) x yⁱ⁻²]].
 */
export const beale: Objective = {
  dim: 2,
  name: "Beale",
  f(p) {
    checkPoint("beale", p, 2);
    const [x, y] = [p[0], p[1]];
    let s = 0;
    for (let i = 1; i <= 3; i++) {
      const a = C[i - 1] - x + x * y ** i;
      s += a * a;
    }
    return s;
  },
  grad(p) {
    checkPoint("beale", p, 2);
    const [x, y] = [p[0], p[1]];
    const g = new Float64Array(2);
    for (let i = 1; i <= 3; i++) {
      const a = C[i - 1] - x + x * y ** i;
      g[0] += 2 * a * (y ** i - 1);
      g[1] += 2 * a * i * x * y ** (i - 1);
    }
    return g;
  },
  hess(p) {
    checkPoint("beale", p, 2);
    const [x, y] = [p[0], p[1]];
    let hxx = 0, hxy = 0, hyy = 0;
    for (let i = 1; i <= 3; i++) {
      const a = C[i - 1] - x + x * y ** i;
      const ax = y ** i - 1;
      const ay = i * x * y ** (i - 1);
      hxx += 2 * ax * ax;
      hxy += 2 * (ax * ay + a * i * y ** (i - 1));
      hyy += 2 * (ay * ay + (i > 1 ? a * i * (i - 1) * x * y ** (i - 2) : 0));
    }
    return { rows: 2, cols: 2, data: Float64Array.of(hxx, hxy, hxy, hyy) };
  },
  minimum: { x: Float64Array.of(3, 0.5), f: 0 },
  window: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
};
