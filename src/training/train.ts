import type { Matrix } from "../core/matrix";
import { rng } from "../core/random";
import type { Optimizer } from "../optimizers/optimizer";

/** A loss of the course's shape: svmLoss, softmaxLoss, … (W is C×D, X is N×D, y has N labels). */
export type LossFunction = (W: Matrix, X: Matrix, y: Int32Array, reg: number) => { loss: number; grad: Matrix };

export interface TrainOptions {
  /** The update rule, e.g. sgd({ learningRate: 1e-3 }); it is reset() before training. */
  optimizer: Optimizer;
  /** Examples per minibatch, 1 … N (default 200, as CS231n's Solver). */
  batchSize?: number;
  /** Passes over the data (default 1). */
  epochs?: number;
  /** The number of steps to take instead of whole epochs. */
  steps?: number;
  /** The regularization strength passed to the loss (default 0). */
  reg?: number;
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
  /** A held-out set whose accuracy is measured after every epoch. */
  validation?: { X: Matrix; y: ArrayLike<number> };
  /** How accuracy is measured (default: the linear classifier's argmax_c (W x)_c against y). */
  accuracy?: (W: Matrix, X: Matrix, y: ArrayLike<number>) => number;
  /** Called after every step, e.g. to update a progress line. */
  onStep?: (info: { step: number; epoch: number; loss: number }) => void;
}

export interface TrainResult {
  /** The trained weights (W0 is not changed). */
  W: Matrix;
  /** The minibatch loss at every step (before that step's update). */
  lossHistory: number[];
  /** Seconds since the start at the end of every step. */
  timeHistory: number[];
  /** Accuracy on the training data after every epoch (and at the end of a partial last epoch). */
  trainAccuracyHistory: number[];
  /** Accuracy on the validation data at the same moments (empty without `validation`). */
  valAccuracyHistory: number[];
  /** The step count at which each accuracy was measured. */
  accuracySteps: number[];
  steps: number;
  epochs: number;
  status: "max-iterations" | "diverged";
  message: string;
  /** Wall time of the whole run, accuracy measurements included. */
  seconds: number;
}

/**
 * Minibatch stochastic gradient descent over a dataset, the loop of the lecture:
 *
 *     while True:
 *         data_batch = sample_training_data(data, 256)      # sample 256 examples
 *         weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
 *         weights += - step_size * weights_grad             # perform parameter update
 *
 * with any update rule in place of the last line. The loss is a parameter
 * (`(W, X, y, reg) => { loss, grad }`, e.g. softmaxLoss), so any linear classifier trains here.
 * A non-finite loss or W stops the run with status "diverged" and the step in the message.
 */
export function train(
  loss: LossFunction,
  W0: Matrix,
  data: { X: Matrix; y: ArrayLike<number> },
  options: TrainOptions,
): TrainResult {
  if (typeof loss !== "function") throw new TypeError("train: loss must be a function (W, X, y, reg) => { loss, grad }");
  checkData("data", W0, data);
  if (!options || !options.optimizer || typeof options.optimizer.step !== "function") {
    throw new TypeError("train: options.optimizer must be an update rule, e.g. sgd({ learningRate: 1e-3 })");
  }
  const { X } = data;
  const N = X.rows;
  const D = X.cols;
  const y = Int32Array.from(data.y);
  const batchSize = options.batchSize ?? Math.min(200, N);
  if (typeof batchSize !== "number" || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > N) {
    throw new RangeError(`train: batchSize must be a whole number in [1, N = ${N}], got ${String(batchSize)}`);
  }
  const sampling = options.sampling ?? "without-replacement";
  if (sampling !== "without-replacement" && sampling !== "with-replacement") {
    throw new RangeError(`train: sampling must be "without-replacement" or "with-replacement", got ${String(sampling)}`);
  }
  const stepsPerEpoch = sampling === "with-replacement" ? Math.max(Math.floor(N / batchSize), 1) : Math.ceil(N / batchSize);
  const epochs = options.epochs ?? 1;
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`train: epochs must be a whole number >= 1, got ${epochs}`);
  const totalSteps = options.steps ?? epochs * stepsPerEpoch;
  if (!Number.isInteger(totalSteps) || totalSteps < 1) {
    throw new RangeError(`train: steps must be a whole number >= 1, got ${String(options.steps)}`);
  }
  const reg = options.reg ?? 0;
  if (typeof reg !== "number" || !(reg >= 0)) throw new RangeError(`train: reg must be a number >= 0, got ${String(reg)}`);
  if (options.validation) checkData("validation", W0, options.validation);
  const shuffle = options.shuffle ?? true;
  const measure = options.accuracy ?? linearAccuracy;
  const random = rng(options.seed ?? 0);
  const optimizer = options.optimizer;
  optimizer.reset();

  const W: Matrix = { rows: W0.rows, cols: W0.cols, data: W0.data.slice() };
  const order = new Int32Array(N);
  for (let i = 0; i < N; i++) order[i] = i;
  const batchX = new Float64Array(batchSize * D);
  const batchY = new Int32Array(batchSize);
  const batchIndex = new Int32Array(batchSize);

  const result: TrainResult = {
    W, lossHistory: [], timeHistory: [], trainAccuracyHistory: [], valAccuracyHistory: [], accuracySteps: [],
    steps: 0, epochs: 0, status: "max-iterations", message: "", seconds: 0,
  };
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const measureAccuracy = (step: number) => {
    result.accuracySteps.push(step);
    result.trainAccuracyHistory.push(measure(W, X, y));
    if (options.validation) result.valAccuracyHistory.push(measure(W, options.validation.X, options.validation.y));
  };

  let step = 0;
  while (step < totalSteps) {
    const epoch = Math.floor(step / stepsPerEpoch) + 1;
    const position = step % stepsPerEpoch;
    if (position === 0 && sampling === "without-replacement" && shuffle) random.shuffle(order);

    // data_batch = sample_training_data(data, batchSize)
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

    // weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
    const { loss: value, grad } = loss(W, { rows: b, cols: D, data: batchX.subarray(0, b * D) }, batchY.subarray(0, b), reg);
    step++;
    result.lossHistory.push(value);
    if (!Number.isFinite(value)) {
      return finish(result, step, epoch, "diverged", `diverged at step ${step} (epoch ${epoch}): the loss is ${value}`, elapsed);
    }
    // weights += - step_size * weights_grad, or momentum, Adam, …
    optimizer.step(W.data, grad.data);
    result.timeHistory.push(elapsed());
    if (!allFinite(W.data)) {
      return finish(result, step, epoch, "diverged", `diverged at step ${step} (epoch ${epoch}): W is not finite`, elapsed);
    }
    options.onStep?.({ step, epoch, loss: value });
    if (step % stepsPerEpoch === 0 || step === totalSteps) measureAccuracy(step);
  }
  const epochsDone = Math.ceil(totalSteps / stepsPerEpoch);
  return finish(
    result, totalSteps, epochsDone, "max-iterations",
    `trained ${totalSteps} steps (${epochsDone} epoch${epochsDone === 1 ? "" : "s"}, batch size ${batchSize}): ` +
      `last loss ${result.lossHistory[totalSteps - 1]}`,
    elapsed,
  );
}

function finish(
  result: TrainResult, steps: number, epochs: number, status: TrainResult["status"], message: string, elapsed: () => number,
): TrainResult {
  result.steps = steps;
  result.epochs = epochs;
  result.status = status;
  result.message = message;
  result.seconds = elapsed();
  if (result.timeHistory.length < steps) result.timeHistory.push(result.seconds);
  return result;
}

/** The fraction of rows of X whose highest score (W x)_c is at the label (ties to the lower class). */
function linearAccuracy(W: Matrix, X: Matrix, y: ArrayLike<number>): number {
  const C = W.rows;
  const D = W.cols;
  const w = W.data;
  const x = X.data;
  let right = 0;
  for (let i = 0; i < X.rows; i++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let j = 0, wi = c * D, xi = i * D; j < D; j++) s += w[wi + j] * x[xi + j];
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (best === y[i]) right++;
  }
  return right / X.rows;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

function checkData(name: string, W: Matrix, data: { X: Matrix; y: ArrayLike<number> }): void {
  if (!W || !(W.data instanceof Float64Array) || W.data.length !== W.rows * W.cols) {
    throw new TypeError("train: W0 must be a Matrix { rows, cols, data: Float64Array }");
  }
  const X = data?.X;
  if (!X || !(X.data instanceof Float64Array) || X.data.length !== X.rows * X.cols) {
    throw new TypeError(`train: ${name}.X must be a Matrix { rows, cols, data: Float64Array }`);
  }
  if (!data.y || data.y.length !== X.rows) {
    throw new RangeError(`train: ${name}.y has ${data.y?.length} labels but ${name}.X has ${X.rows} rows`);
  }
  if (W.cols !== X.cols) throw new RangeError(`train: W0 is ${W.rows}×${W.cols} but ${name}.X is ${X.rows}×${X.cols}`);
  if (X.rows < 1) throw new RangeError(`train: ${name}.X must have at least one row`);
}
