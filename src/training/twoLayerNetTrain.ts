import type { TwoLayerNet } from "../classifiers/twoLayerNet";
import { checkFinite, checkWhole } from "../core/checks";
import type { Matrix } from "../core/matrix";
import type { Optimizer } from "../optimizers/optimizer";
import { minibatches, type MinibatchOptions } from "./minibatches";
import { run } from "./run";
import type { Trace, TraceWith } from "./trace";

export interface TwoLayerNetTrainOptions extends MinibatchOptions {
  /** The update rule, e.g. adam({ learningRate: 1e-3 }); it is reset() first. batchSize defaults to N (full batch). */
  optimizer: Optimizer;
  /** Number of update steps (default 1000). */
  steps?: number;
  /** L2 strength passed to net.loss (default 0). */
  reg?: number;
  /** Measure train (and validation) accuracy every this many steps and at the end (default 100). */
  evalEvery?: number;
  validation?: { X: Matrix; y: ArrayLike<number> };
  /** Called after every step, e.g. to update a progress line. */
  onStep?: (info: { step: number; epoch: number; loss: number }) => void;
}

/** The old name of the Trace `twoLayerNetTrain` returns. */
export type TwoLayerNetTrainResult = Trace;

/**
 * Trains a `twoLayerNet` in place with minibatch gradient descent, the lecture's loop:
 *
 *     while True:
 *         data_batch = sample_training_data(data, batch_size)
 *         weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
 *         weights += - step_size * weights_grad      # or momentum, Adam, … : optimizer.step
 *
 * Here `weights` is the flat `net.params` = [W1 | b1 | W2 | b2], the x of the one run loop
 * (`run`); the minibatches are `train`'s (`minibatches`). The Trace has the minibatch loss of
 * every step in fs, and every `evalEvery` steps the accuracy. A non-finite loss stops the run
 * with status "diverged".
 */
export function twoLayerNetTrain(
  net: TwoLayerNet, data: { X: Matrix; y: ArrayLike<number> }, options: TwoLayerNetTrainOptions,
): TraceWith<"recordSteps" | "trainAccuracies" | "valAccuracies"> {
  if (!net || !(net.params instanceof Float64Array)) throw new TypeError("twoLayerNetTrain: net must be a twoLayerNet");
  if (!options || !options.optimizer || typeof options.optimizer.step !== "function") {
    throw new TypeError("twoLayerNetTrain: options.optimizer must be an update rule, e.g. adam({ learningRate: 1e-3 })");
  }
  const X = data?.X;
  if (!X || !(X.data instanceof Float64Array) || X.cols !== net.inputSize) {
    throw new RangeError(`twoLayerNetTrain: data.X must be N×${net.inputSize} (the network's inputs), got ${X ? `${X.rows}×${X.cols}` : X}`);
  }
  const y = Int32Array.from(data.y);
  if (y.length !== X.rows) throw new RangeError(`twoLayerNetTrain: y has ${y.length} labels but X has ${X.rows} rows`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= net.numClasses || y[i] !== data.y[i]) {
      throw new RangeError(`twoLayerNetTrain: y[${i}] = ${data.y[i]} is not a class in 0…${net.numClasses - 1}`);
    }
  }
  const batches = minibatches("twoLayerNetTrain", { X, y }, options, X.rows);
  const steps = checkWhole("twoLayerNetTrain", "steps", options.steps ?? 1000, 1);
  const evalEvery = checkWhole("twoLayerNetTrain", "evalEvery", options.evalEvery ?? 100, 1);
  const reg = checkFinite("twoLayerNetTrain", "reg", options.reg ?? 0, ">= 0");
  const validation = options.validation;
  options.optimizer.reset();

  const trace = run({
    kind: "minibatch",
    valueAndGrad(params) {
      const batch = batches.next();
      const { loss, grad } = net.loss(batch.X, batch.y, reg, params);
      return { f: loss, grad };
    },
    paramsName: "params",
    summary: () => `batch size ${batches.batchSize}`,
  }, options.optimizer, net.params, {
    steps,
    recordIterates: false,
    onStep: options.onStep && ((info) => options.onStep!({ ...info, epoch: batches.epoch })),
    measure: {
      every: evalEvery,
      at: () => ({
        trainAccuracy: net.accuracy(X, y),
        valAccuracy: validation ? net.accuracy(validation.X, validation.y) : undefined,
      }),
    },
  });
  return { ...trace, recordSteps: trace.recordSteps ?? [], trainAccuracies: trace.trainAccuracies ?? [], valAccuracies: trace.valAccuracies ?? [] };
}
