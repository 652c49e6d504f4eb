import { checkWhole } from "../core/checks";
import type { Matrix } from "../core/matrix";
import { rng } from "../core/random";

export interface MinibatchOptions {
  /** Examples per minibatch, 1 … N. */
  batchSize?: number;
  /**
   * "without-replacement" (default): each epoch goes through every example once, in a new
   * random order when `shuffle` is true, in batches of batchSize (the last one may be smaller).
   * "with-replacement": each batch draws batchSize examples at random, as CS231n's
   * `np.random.choice(num_train, batch_size)`; an epoch is then floor(N / batchSize) steps.
   */
  sampling?: "without-replacement" | "with-replacement";
  /** Reshuffle the examples at every epoch (default true; without replacement only). */
  shuffle?: boolean;
  /** Seed of every random choice (default 0). */
  seed?: number;
}

/** The minibatches of a run: `next()` gives the next one (its rows copied), `epoch` the epoch it belongs to. */
export interface Minibatches {
  batchSize: number;
  stepsPerEpoch: number;
  /** The epoch of the last batch given (1, 2, …). */
  epoch: number;
  next(): { X: Matrix; y: Int32Array };
}

/**
 * The lecture's `data_batch = sample_training_data(data, 256)`, one call per step, seeded.
 * Checks its options (messages start with `fn`) before anything is drawn.
 */
export function minibatches(
  fn: string, data: { X: Matrix; y: Int32Array }, options: MinibatchOptions, defaultBatchSize: number,
): Minibatches {
  const { X, y } = data;
  const N = X.rows;
  const D = X.cols;
  const batchSize = checkWhole(fn, "batchSize", options.batchSize ?? defaultBatchSize, 1, N, "N");
  const sampling = options.sampling ?? "without-replacement";
  if (sampling !== "without-replacement" && sampling !== "with-replacement") {
    throw new RangeError(`${fn}: sampling must be "without-replacement" or "with-replacement", got ${String(sampling)}`);
  }
  const shuffle = options.shuffle ?? true;
  const random = rng(options.seed ?? 0);
  const order = Int32Array.from({ length: N }, (_, i) => i);
  const batchX = new Float64Array(batchSize * D);
  const batchY = new Int32Array(batchSize);
  const batchIndex = new Int32Array(batchSize);
  let step = 0;
  const self: Minibatches = {
    batchSize,
    stepsPerEpoch: sampling === "with-replacement" ? Math.max(Math.floor(N / batchSize), 1) : Math.ceil(N / batchSize),
    epoch: 0,
    next() {
      const position = step % self.stepsPerEpoch;
      self.epoch = Math.floor(step / self.stepsPerEpoch) + 1;
      step++;
      if (position === 0 && sampling === "without-replacement" && shuffle) random.shuffle(order);
      let b = batchSize;
      if (sampling === "with-replacement") {
        for (let k = 0; k < b; k++) batchIndex[k] = random.integer(0, N);
      } else {
        const from = position * batchSize;
        b = Math.min(batchSize, N - from);
        for (let k = 0; k < b; k++) batchIndex[k] = order[from + k];
      }
      for (let k = 0; k < b; k++) {
        const i = batchIndex[k];
        batchX.set(X.data.subarray(i * D, (i + 1) * D), k * D);
        batchY[k] = y[i];
      }
      return { X: { rows: b, cols: D, data: batchX.subarray(0, b * D) }, y: batchY.subarray(0, b) };
    },
  };
  return self;
}
