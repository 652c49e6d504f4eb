import { linspace } from "../core/vector";
import { rng } from "../core/random";
import { checkInteger, checkOptions, checkPositive, Dataset } from "./dataset";

export interface SpiralOptions {
  /** N: points per class (default 100). */
  pointsPerClass?: number;
  /** K: number of classes, one arm of the spiral each (default 3). */
  classes?: number;
  /** Standard deviation of the noise added to the angle (default 0.2). */
  noise?: number;
  seed?: number;
}

/**
 * The spiral of the cs231n case study "Putting it together: Minimal Neural Network Case Study":
 * K arms of N points in 2-D that no linear classifier separates (a linear softmax gets about
 * 49% on 3 classes, a 2-layer net about 98%). For class j:
 *
 *     r = linspace(0, 1, N)                               # radius
 *     t = linspace(j*4, (j+1)*4, N) + randn(N) * 0.2      # theta
 *     X[j*N:(j+1)*N] = c_[r*sin(t), r*cos(t)];  y = j
 */
export function spiral(options: SpiralOptions = {}): Dataset {
  checkOptions("spiral", options, ["pointsPerClass", "classes", "noise", "seed"]);
  const { pointsPerClass: N = 100, classes: K = 3, noise = 0.2, seed = 0 } = options;
  checkInteger("spiral", "pointsPerClass", N, 1);
  checkInteger("spiral", "classes", K, 1);
  checkPositive("spiral", "noise", noise, true);
  const random = rng(seed);
  const X = new Float64Array(N * K * 2);
  const y = new Int32Array(N * K);
  for (let j = 0; j < K; j++) {
    const r = linspace(0, 1, N);
    const t = linspace(j * 4, (j + 1) * 4, N);
    for (let i = 0; i < N; i++) {
      const ix = j * N + i;
      const theta = t[i] + random.normal() * noise;
      X[2 * ix] = r[i] * Math.sin(theta);
      X[2 * ix + 1] = r[i] * Math.cos(theta);
      y[ix] = j;
    }
  }
  return { X: { rows: N * K, cols: 2, data: X }, y, numClasses: K };
}
