import { cloneMatrix, type Matrix } from "../core/matrix";
import { rng } from "../core/random";
import { checkSearchOptions, keepBest, type SearchResult } from "./randomSearch";

export interface RandomLocalSearchOptions {
  /** Where to start (e.g. the best W of a random search); it is not changed. */
  W0: Matrix;
  /** How many perturbations to try (default 1000). */
  attempts?: number;
  /** Standard deviation of each perturbation (default 1e-4). */
  stepSize?: number;
  seed?: number;
  onAttempt?: (attempt: number, loss: number, bestLoss: number) => void;
}

/**
 * Strategy #2, a little better: random local search. Start somewhere, try a random step,
 * keep it only if the loss goes down.
 *
 *     W = np.random.randn(10, 3073) * 0.001          # a random starting W
 *     bestloss = float("inf")
 *     for i in range(1000):
 *         step_size = 0.0001
 *         Wtry = W + np.random.randn(10, 3073) * step_size
 *         loss = L(Xtr_cols, Ytr, Wtry)
 *         if loss < bestloss:
 *             W = Wtry
 *             bestloss = loss
 *
 * It follows the slope blindly: strategy #3 (notebook 03) computes the slope instead.
 */
export async function randomLocalSearch(
  loss: (W: Matrix) => number,
  options: RandomLocalSearchOptions,
): Promise<SearchResult> {
  const { W0, attempts = 1000, stepSize = 1e-4, seed = 0, onAttempt } = options;
  if (!W0 || !(W0.data instanceof Float64Array)) throw new TypeError("randomLocalSearch: W0 must be a Matrix");
  checkSearchOptions("randomLocalSearch", W0.rows, W0.cols, attempts, stepSize);
  const random = rng(seed);
  const W = cloneMatrix(W0);
  const perturbed = (best: Matrix): Matrix => {
    const Wtry = cloneMatrix(best);
    for (let k = 0; k < Wtry.data.length; k++) Wtry.data[k] += random.normal(0, stepSize);
    return Wtry;
  };
  return keepBest(loss, { W, loss: loss(W) }, attempts, perturbed, onAttempt);
}
