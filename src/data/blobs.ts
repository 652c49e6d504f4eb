import { rng } from "../core/random";
import { checkInteger, checkOptions, checkPositive, Dataset } from "./dataset";

export interface BlobsOptions {
  /** Points per blob (default 100). */
  pointsPerClass?: number;
  /** Either the number of blobs (centres drawn uniformly in [-box, box]^dim) or the centres themselves. */
  centers?: number | number[][];
  /** Dimension of each point when centers is a number (default 2). */
  dim?: number;
  /** Standard deviation of each blob (default 1). */
  std?: number;
  /** Half-width of the box the random centres are drawn from (default 10). */
  box?: number;
  seed?: number;
}

/**
 * Gaussian blobs (as scikit-learn's make_blobs): class k is `pointsPerClass` points
 * x = center_k + std * randn(dim). Linearly separable when the blobs are far apart: the easy
 * case for a linear classifier.
 */
export function blobs(options: BlobsOptions = {}): Dataset {
  checkOptions("blobs", options, ["pointsPerClass", "centers", "dim", "std", "box", "seed"]);
  const { pointsPerClass: N = 100, centers = 3, dim = 2, std = 1, box = 10, seed = 0 } = options;
  checkInteger("blobs", "pointsPerClass", N, 1);
  checkPositive("blobs", "std", std, true);
  checkPositive("blobs", "box", box);
  const random = rng(seed);
  let C: number[][];
  if (typeof centers === "number") {
    checkInteger("blobs", "centers", centers, 1);
    checkInteger("blobs", "dim", dim, 1);
    C = Array.from({ length: centers }, () => Array.from({ length: dim }, () => random.uniform(-box, box)));
  } else {
    if (!Array.isArray(centers) || centers.length === 0 || !centers.every((c) => Array.isArray(c) && c.length === centers[0].length && c.length > 0)) {
      throw new RangeError("blobs: centers must be a number or a non-empty array of points of one dimension");
    }
    if (options.dim !== undefined && options.dim !== centers[0].length) {
      throw new RangeError(`blobs: dim is ${options.dim} but the centers have dimension ${centers[0].length}`);
    }
    C = centers;
  }
  const K = C.length;
  const D = C[0].length;
  const X = new Float64Array(N * K * D);
  const y = new Int32Array(N * K);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < N; i++) {
      const ix = k * N + i;
      for (let d = 0; d < D; d++) X[ix * D + d] = C[k][d] + std * random.normal();
      y[ix] = k;
    }
  }
  return { X: { rows: N * K, cols: D, data: X }, y, numClasses: K };
}
