import type { Matrix } from "../core/matrix";
import { rng } from "../core/random";
import type { Optimizer } from "../optimizers/optimizer";
import type { TwoLayerNet } from "./twoLayerNet";

export interface TwoLayerNetTrainOptions {
  /** The update rule, e.g. adam({ learningRate: 1e-3 }); it is reset() first. */
  optimizer: Optimizer;
  /** Examples per minibatch (default: all of them, i.e. full-batch gradient descent). */
  batchSize?: number;
  /** Number of update steps (default 1000). */
  steps?: number;
  /** L2 strength passed to net.loss (default 0). */
  reg?: number;
  /** Seed of the minibatch shuffles (default 0). */
  seed?: number;
  /** Measure train (and validation) accuracy every this many steps and at the end (default 100). */
  evalEvery?: number;
  validation?: { X: Matrix; y: ArrayLike<number> };
  /** Called after every step, e.g. to update a progress line. */
  onStep?: (info: { step: number; loss: number }) => void;
}

export interface TwoLayerNetTrainResult {
  /** The (minibatch) loss at every step, before that step's update. */
  lossHistory: number[];
  accuracySteps: number[];
  trainAccuracyHistory: number[];
  valAccuracyHistory: number[];
  status: "max-iterations" | "diverged";
  message: string;
  seconds: number;
}

/**
 * Trains a `twoLayerNet` in place with minibatch gradient descent, the lecture's loop:
 *
 *     while True:
 *         data_batch = sample_training_data(data, batch_size)
 *         weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
 *         weights += - step_size * weights_grad      # or momentum, Adam, … : optimizer.step
 *
 * Here `weights` is the flat `net.params` = [W1 | b1 | W2 | b2]. Minibatches are drawn without
 * replacement: each pass over the data goes through a fresh `rng(seed)` shuffle. A non-finite
 * loss stops the run with status "diverged".
 */
export function twoLayerNetTrain(
  net: TwoLayerNet, data: { X: Matrix; y: ArrayLike<number> }, options: TwoLayerNetTrainOptions,
): TwoLayerNetTrainResult {
  if (!net || !(net.params instanceof Float64Array)) throw new TypeError("twoLayerNetTrain: net must be a twoLayerNet");
  if (!options || !options.optimizer || typeof options.optimizer.step !== "function") {
    throw new TypeError("twoLayerNetTrain: options.optimizer must be an update rule, e.g. adam({ learningRate: 1e-3 })");
  }
  const { X } = data;
  const y = Int32Array.from(data.y);
  if (!X || !(X.data instanceof Float64Array) || X.cols !== net.inputSize) {
    throw new RangeError(`twoLayerNetTrain: data.X must be N×${net.inputSize} (the network's inputs), got ${X ? `${X.rows}×${X.cols}` : X}`);
  }
  if (y.length !== X.rows) throw new RangeError(`twoLayerNetTrain: y has ${y.length} labels but X has ${X.rows} rows`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= net.numClasses || y[i] !== data.y[i]) {
      throw new RangeError(`twoLayerNetTrain: y[${i}] = ${data.y[i]} is not a class in 0…${net.numClasses - 1}`);
    }
  }
  const N = X.rows, D = X.cols;
  const { batchSize = N, steps = 1000, reg = 0, seed = 0, evalEvery = 100 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > N) {
    throw new RangeError(`twoLayerNetTrain: batchSize must be a whole number in [1, N = ${N}], got ${batchSize}`);
  }
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`twoLayerNetTrain: steps must be a whole number >= 1, got ${steps}`);
  if (!Number.isInteger(evalEvery) || evalEvery < 1) throw new RangeError(`twoLayerNetTrain: evalEvery must be a whole number >= 1, got ${evalEvery}`);

  const optimizer = options.optimizer;
  optimizer.reset();
  const random = rng(seed);
  const order = Int32Array.from({ length: N }, (_, i) => i);
  const batchX = new Float64Array(batchSize * D);
  const batchY = new Int32Array(batchSize);
  const result: TwoLayerNetTrainResult = {
    lossHistory: [], accuracySteps: [], trainAccuracyHistory: [], valAccuracyHistory: [],
    status: "max-iterations", message: "", seconds: 0,
  };
  const start = performance.now();
  const measure = (step: number) => {
    result.accuracySteps.push(step);
    result.trainAccuracyHistory.push(net.accuracy(X, y));
    if (options.validation) result.valAccuracyHistory.push(net.accuracy(options.validation.X, options.validation.y));
  };

  let position = N; // where the next batch starts in `order`; N means "reshuffle first"
  for (let step = 1; step <= steps; step++) {
    // data_batch = sample_training_data(data, batchSize)
    if (position + batchSize > N) {
      if (batchSize < N) random.shuffle(order);
      position = 0;
    }
    for (let k = 0; k < batchSize; k++) {
      const i = order[position + k];
      batchX.set(X.data.subarray(i * D, (i + 1) * D), k * D);
      batchY[k] = y[i];
    }
    position += batchSize;
    // weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
    const { loss, grad } = net.loss({ rows: batchSize, cols: D, data: batchX }, batchY, reg);
    result.lossHistory.push(loss);
    if (!Number.isFinite(loss)) {
      result.status = "diverged";
      result.message = `diverged at step ${step}: the loss is ${loss}`;
      break;
    }
    // weights += - step_size * weights_grad
    optimizer.step(net.params, grad);
    options.onStep?.({ step, loss });
    if (step % evalEvery === 0 || step === steps) measure(step);
  }
  if (result.status === "max-iterations") {
    result.message = `trained ${steps} steps (batch size ${batchSize}): last loss ${result.lossHistory[steps - 1]}`;
  }
  result.seconds = (performance.now() - start) / 1000;
  return result;
}
