import { rng } from "../core/random";
import { checkInteger, checkOptions, checkPositive, Dataset } from "./dataset";

export interface CirclesOptions {
  /** Points on each circle (default 100). */
  pointsPerClass?: number;
  /** Radius of the inner circle, class 0 (default 0.5). */
  innerRadius?: number;
  /** Radius of the outer circle, class 1 (default 1). */
  outerRadius?: number;
  /** Standard deviation of the normal noise added to the radius (default 0.05). */
  noise?: number;
  seed?: number;
}

/**
 * Two concentric circles: class 0 ("inner") on the inner one, class 1 ("outer") on the outer one.
 * No line separates them in (x, y); after the polar transform `polar(X)` = (r, θ), the line
 * r = (inner + outer) / 2 does. Each point is
 *
 *     θ ~ uniform(0, 2π),  r = radius + noise * randn,  (x, y) = (r cos θ, r sin θ)
 */
export function circles(options: CirclesOptions = {}): Dataset {
  checkOptions("circles", options, ["pointsPerClass", "innerRadius", "outerRadius", "noise", "seed"]);
  const { pointsPerClass: N = 100, innerRadius = 0.5, outerRadius = 1, noise = 0.05, seed = 0 } = options;
  checkInteger("circles", "pointsPerClass", N, 1);
  checkPositive("circles", "innerRadius", innerRadius);
  checkPositive("circles", "outerRadius", outerRadius);
  checkPositive("circles", "noise", noise, true);
  if (!(innerRadius < outerRadius)) {
    throw new RangeError(`circles: innerRadius must be < outerRadius, got ${innerRadius} and ${outerRadius}`);
  }
  const random = rng(seed);
  const X = new Float64Array(2 * N * 2);
  const y = new Int32Array(2 * N);
  [innerRadius, outerRadius].forEach((radius, label) => {
    for (let i = 0; i < N; i++) {
      const ix = label * N + i;
      const theta = random.uniform(0, 2 * Math.PI);
      const r = radius + noise * random.normal();
      X[2 * ix] = r * Math.cos(theta);
      X[2 * ix + 1] = r * Math.sin(theta);
      y[ix] = label;
    }
  });
  return { X: { rows: 2 * N, cols: 2, data: X }, y, numClasses: 2, classNames: ["inner", "outer"] };
}
