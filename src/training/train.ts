import { checkFinite, checkWhole } from "../core/checks";
import { accuracy } from "../classifiers/accuracy";
import { predict } from "../classifiers/predict";
import type { Matrix } from "../core/matrix";
import type { Optimizer } from "../optimizers/optimizer";
import { minibatches, type MinibatchOptions } from "./minibatches";
import { run } from "./run";
import type { TraceWith } from "./trace";

/** A loss of the course's shape: svmLoss, softmaxLoss, … (W is C×D, X is N×D, y has N labels). */
export type LossFunction = (W: Matrix, X: Matrix, y: Int32Array, reg: number) => { loss: number; grad: Matrix };

export interface TrainOptions extends MinibatchOptions {
  /** The update rule, e.g. sgd({ learningRate: 1e-3 }); it is reset() before training. */
  optimizer: Optimizer;
  /** Passes over the data (default 1); batchSize defaults to 200 (as CS231n's Solver), at most N. */
  epochs?: number;
  /** The number of steps to take instead of whole epochs. */
  steps?: number;
  /** The regularization strength passed to the loss (default 0). */
  reg?: number;
  /** A held-out set whose accuracy is measured after every epoch. */
  validation?: { X: Matrix; y: ArrayLike<number> };
  /** How accuracy is measured (default: the linear classifier's argmax_c (W x)_c against y). */
  accuracy?: (W: Matrix, X: Matrix, y: ArrayLike<number>) => number;
  /** Also measure the loss on all the training data after every epoch (trace.fullLosses; default false). */
  fullLoss?: boolean;
  /** Keep every iterate W in trace.xs (default false). */
  recordIterates?: boolean;
  /** Called after every step, e.g. to update a progress line. */
  onStep?: (info: { step: number; epoch: number; loss: number }) => void;
}

/** What `train` returns: a Trace that always has W, epochs and the per-epoch accuracies (the old name kept). */
export type TrainResult = TraceWith<"W" | "epochs" | "recordSteps" | "trainAccuracies" | "valAccuracies">;

/**
 * Minibatch stochastic gradient descent over a dataset, the loop of the lecture:
 *
 *     while True:
 *         data_batch = sample_training_data(data, 256)      # sample 256 examples
 *         weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
 *         weights += - step_size * weights_grad             # perform parameter update
 *
 * with any update rule in place of the last line (the loop is `run`, the batches `minibatches`).
 * The loss is a parameter (`(W, X, y, reg) => { loss, grad }`, e.g. softmaxLoss), so any linear
 * classifier trains here. The Trace has the minibatch loss of every step in fs, the final W,
 * and after every epoch (and at the end of a partial last one) the training and validation
 * accuracy. A non-finite loss or W stops the run with status "diverged" and the step in the message.
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
  const X = data.X;
  const y = Int32Array.from(data.y);
  const batches = minibatches("train", { X, y }, options, Math.min(200, X.rows));
  const epochs = checkWhole("train", "epochs", options.epochs ?? 1, 1);
  const steps = options.steps === undefined ? epochs * batches.stepsPerEpoch : checkWhole("train", "steps", options.steps, 1);
  const reg = checkFinite("train", "reg", options.reg ?? 0, ">= 0");
  const validation = options.validation;
  if (validation) checkData("validation", W0, validation);
  const accuracy = options.accuracy ?? linearAccuracy;
  options.optimizer.reset();

  const asW = (x: Float64Array): Matrix => ({ rows: W0.rows, cols: W0.cols, data: x });
  const trace = run({
    kind: "minibatch",
    valueAndGrad(x) {
      const batch = batches.next(); //                          data_batch = sample_training_data(data, batchSize)
      const r = loss(asW(x), batch.X, batch.y, reg); //           weights_grad = evaluate_gradient(loss_fun, data_batch, weights)
      return { f: r.loss, grad: r.grad.data };
    },
    where: (step) => `step ${step} (epoch ${batches.epoch})`,
    paramsName: "W",
    summary: () => `${batches.epoch} epoch${batches.epoch === 1 ? "" : "s"}, batch size ${batches.batchSize}`,
  }, options.optimizer, W0.data.slice(), {
    steps,
    recordIterates: options.recordIterates ?? false,
    onStep: options.onStep && ((info) => options.onStep!({ ...info, epoch: batches.epoch })),
    measure: {
      every: batches.stepsPerEpoch,
      at: (x) => ({
        fullLoss: options.fullLoss ? loss(asW(x), X, y, reg).loss : undefined,
        trainAccuracy: accuracy(asW(x), X, y),
        valAccuracy: validation ? accuracy(asW(x), validation.X, validation.y) : undefined,
      }),
    },
  });
  const W = asW(trace.x);
  return { ...trace, W, epochs: batches.epoch, recordSteps: trace.recordSteps ?? [], trainAccuracies: trace.trainAccuracies ?? [], valAccuracies: trace.valAccuracies ?? [] };
}

/** The linear classifier's accuracy: the fraction of rows whose highest score (W x)_c is at the label. */
function linearAccuracy(W: Matrix, X: Matrix, y: ArrayLike<number>): number {
  return accuracy(predict(W, X), y);
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
