import { checkWhole } from "../core/checks";
import { zeros, type Matrix } from "../core/matrix";
import { rng } from "../core/random";

/** What a search returns: the best weights and the whole record, for plots. */
export interface SearchResult {
  /** The weights with the lowest loss seen. */
  best: Matrix;
  bestLoss: number;
  /** The loss of every attempt, in order. */
  losses: number[];
  /** The best loss so far after every attempt. */
  bestLosses: number[];
}

export interface RandomSearchOptions {
  /** Shape of W: one row per class, one column per input (with the bias column). */
  rows: number;
  cols: number;
  /** How many random W to try (default 1000, as on the slide). */
  attempts?: number;
  /** Standard deviation of the random weights (default 1e-4 = 0.0001, as on the slide). */
  scale?: number;
  seed?: number;
  /** Called after every attempt, e.g. to print or update a progress line. */
  onAttempt?: (attempt: number, loss: number, bestLoss: number) => void;
}

/**
 * Strategy #1, a very bad idea: random search. Try random weights, keep the best.
 *
 *     bestloss = float("inf")
 *     for num in range(1000):
 *         W = np.random.randn(10, 3073) * 0.0001     # generate random parameters
 *         loss = L(X_train, Y_train, W)              # get the loss over the entire training set
 *         if loss < bestloss:                        # keep track of the best solution
 *             bestloss = loss
 *             bestW = W
 *         print('in attempt %d the loss was %f, best %f' % (num, loss, bestloss))
 *
 * `loss(W)` is the full-training-set loss (e.g. `W => svmLoss(W, X, y, 0).loss`).
 * It is async only to let a notebook's progress line redraw while it runs (`await` it).
 */
export async function randomSearch(loss: (W: Matrix) => number, options: RandomSearchOptions): Promise<SearchResult> {
  const { rows, cols, attempts = 1000, scale = 1e-4, seed = 0, onAttempt } = options;
  checkSearchOptions("randomSearch", rows, cols, attempts, scale);
  const random = rng(seed);
  const randomW = (): Matrix => ({ rows, cols, data: random.normals(rows * cols, 0, scale) });
  return keepBest(loss, { W: zeros(rows, cols), loss: Infinity }, attempts, randomW, onAttempt);
}

/**
 * The loop both random searches share: `attempts` times, try the W that `propose(best)` gives,
 * and keep it when its loss is lower than the best so far (the slide's `if loss < bestloss`).
 * Records every attempt's loss and the best so far; awaits now and then so progress shows.
 */
export async function keepBest(
  loss: (W: Matrix) => number,
  start: { W: Matrix; loss: number },
  attempts: number,
  propose: (best: Matrix) => Matrix,
  onAttempt?: (attempt: number, loss: number, bestLoss: number) => void,
): Promise<SearchResult> {
  let best = start.W;
  let bestLoss = start.loss;
  const losses: number[] = [];
  const bestLosses: number[] = [];
  const pause = yielder();
  for (let num = 0; num < attempts; num++) {
    const W = propose(best);
    const L = loss(W);
    if (L < bestLoss) {
      bestLoss = L;
      best = W;
    }
    losses.push(L);
    bestLosses.push(bestLoss);
    onAttempt?.(num, L, bestLoss);
    await pause();
  }
  return { best, bestLoss, losses, bestLosses };
}

export function checkSearchOptions(fn: string, rows: number, cols: number, attempts: number, scale: number): void {
  checkWhole(fn, "rows", rows, 1);
  checkWhole(fn, "cols", cols, 1);
  checkWhole(fn, "attempts", attempts, 1);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`${fn}: scale must be a positive number, got ${scale}`);
}

/**
 * A function to await inside a long loop: every `everyMs` it gives the event loop a turn (so
 * Jupyter receives the progress output), otherwise it returns at once.
 */
export function yielder(everyMs = 50): () => Promise<void> | void {
  let last = Date.now();
  return () => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    return new Promise((resolve) => setImmediate(resolve));
  };
}
