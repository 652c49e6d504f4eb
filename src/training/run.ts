import { allFinite, norm2 } from "../core/vector";
import type { Optimizer } from "../optimizers/optimizer";
import type { Trace } from "./trace";

/** What the run loop needs to know about a problem: how to get f and ∇f, and how to name things. */
export interface RunProblem {
  /**
   * "full-batch": f is one fixed objective, evaluated at every iterate, the last one included,
   * and a run may stop as converged when ‖∇f‖₂ <= tol. "minibatch": every call gives the loss
   * and gradient of the next minibatch.
   */
  kind: "full-batch" | "minibatch";
  /** f and ∇f at x (for a minibatch run: of the next minibatch). */
  valueAndGrad(x: Float64Array): { f: number; grad: Float64Array };
  /** Where a step is, for messages (default "step 3"; `train` says "step 3 (epoch 1)"). */
  where?(step: number): string;
  /** What x is called in messages (default "x"; `train` says "W"). */
  paramsName?: string;
  /** Said after "trained 500 steps" (`train`: "2 epochs, batch size 200"). */
  summary?(): string;
}

/** What a minibatch run measures every k steps (all optional), e.g. accuracy on the training data. */
export interface Measurement {
  fullLoss?: number;
  trainAccuracy?: number;
  valAccuracy?: number;
}

export interface RunOptions {
  /** The most update steps. */
  steps: number;
  /** Full batch: stop as converged once ‖∇f‖₂ <= tol (default 0). */
  tol?: number;
  /** Keep every iterate in trace.xs (default true); false keeps x0 and the final point. */
  recordIterates?: boolean;
  /** Called after every update, e.g. to update a progress line. */
  onStep?: (info: { step: number; loss: number }) => void;
  /** Measure every `every` steps and after the last one; the values go to the trace's records. */
  measure?: { every: number; at(x: Float64Array): Measurement };
}

/**
 * The one run loop of the course, over a flat parameter vector x (changed in place), for every
 * first-order rule and every problem: an objective, minibatches of a dataset, a network.
 *
 *     for t in 0, 1, …:
 *         f, dx = problem.valueAndGrad(x)      # the objective, or the next minibatch's loss
 *         record f, ‖dx‖₂ and the time         (and x, when asked)
 *         stop when f or dx is not finite, ‖dx‖₂ <= tol (full batch) or t = steps
 *         optimizer.step(x, dx)                # x -= learning_rate * dx, or momentum, Adam, …
 *         stop when x is not finite
 *
 * A minibatch run takes `steps` steps and does not evaluate its last iterate (that would need
 * one more batch). Divergence is a result (status "diverged", the step in the message), not a throw.
 */
export function run(problem: RunProblem, optimizer: Optimizer, x: Float64Array, options: RunOptions): Trace {
  const { steps, tol = 0, recordIterates = true, onStep, measure } = options;
  const fullBatch = problem.kind === "full-batch";
  const where = problem.where ?? ((step: number) => `step ${step}`);
  const x0 = x.slice();
  const trace: Trace = {
    x, xs: [], fs: [], gradNorms: [], status: "max-iterations", nit: 0, nfev: 0, ngev: 0, seconds: [], nfevs: [], message: "",
  };
  const start = performance.now();
  const record = (f: number, gradNorm: number) => {
    if (recordIterates) trace.xs.push(x.slice());
    trace.fs.push(f);
    trace.gradNorms.push(gradNorm);
    trace.seconds.push((performance.now() - start) / 1000);
    trace.nfevs.push(trace.nfev);
  };
  const end = (status: Trace["status"], nit: number, message: string): Trace => {
    trace.x = x.slice();
    if (!recordIterates) trace.xs = [x0, trace.x.slice()];
    return Object.assign(trace, { status, nit, message });
  };

  for (let t = 0; ; t++) {
    if (!fullBatch && t === steps) {
      const summary = problem.summary ? ` (${problem.summary()})` : "";
      return end("max-iterations", t, `trained ${steps} steps${summary}: last loss ${trace.fs[t - 1]}`);
    }
    const { f, grad: dx } = problem.valueAndGrad(x);
    trace.nfev++;
    trace.ngev++;
    const gradNorm = norm2(dx);
    record(f, gradNorm);
    const step = fullBatch ? t : t + 1; // a full-batch run names iterates, a minibatch run its steps
    if (!Number.isFinite(f) || !Number.isFinite(gradNorm)) {
      const what = !Number.isFinite(f) ? (fullBatch ? `f = ${f}` : `the loss is ${f}`) : `‖∇f‖₂ = ${gradNorm}`;
      return end("diverged", step, `diverged at ${where(step)}: ${what}`);
    }
    if (fullBatch && gradNorm <= tol) {
      return end("converged", t, `converged at step ${t}: ‖∇f‖₂ = ${gradNorm.toExponential(3)} <= tol = ${tol}`);
    }
    if (fullBatch && t === steps) {
      return end("max-iterations", t, `stopped after ${steps} steps: ‖∇f‖₂ = ${gradNorm.toExponential(3)}, f = ${f}`);
    }
    optimizer.step(x, dx);
    if (!allFinite(x)) {
      if (fullBatch) record(NaN, NaN); // the point is recorded, but f is not evaluated at it
      return end("diverged", t + 1, `diverged at ${where(t + 1)}: ${problem.paramsName ?? "x"} is not finite`);
    }
    onStep?.({ step: t + 1, loss: f });
    if (measure && ((t + 1) % measure.every === 0 || t + 1 === steps)) {
      const m = measure.at(x);
      (trace.recordSteps ??= []).push(t + 1);
      if (m.fullLoss !== undefined) (trace.fullLosses ??= []).push(m.fullLoss);
      if (m.trainAccuracy !== undefined) (trace.trainAccuracies ??= []).push(m.trainAccuracy);
      if (m.valAccuracy !== undefined) (trace.valAccuracies ??= []).push(m.valAccuracy);
    }
  }
}
