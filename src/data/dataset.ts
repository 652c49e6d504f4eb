import { checkFinite, checkWhole } from "../core/checks";
import { Matrix } from "../core/matrix";

/**
 * A labelled dataset: X is N×D (one example per row), y holds the N labels 0…numClasses-1.
 * This is the (X, y) pair every classifier of the course takes: `svmLoss(W, X, y, reg)`.
 */
export interface Dataset {
  X: Matrix;
  y: Int32Array;
  numClasses: number;
  /** What each label means: classNames[y[i]] ("cat", "setosa", "7"). */
  classNames?: string[];
}

/** A training set and a test set (what `loadMnist`, `loadCifar10` and `trainTestSplit` return). */
export interface Split {
  train: Dataset;
  test: Dataset;
}

/**
 * Throws `fn: unknown option "trainSze"; expected one of trainSize, testSize, seed` when `options`
 * holds a key outside `allowed`, so a typo never passes silently as a default.
 */
export function checkOptions(fn: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object like { ${allowed.join(", ")} }, got ${String(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const expected = allowed.length ? `expected one of ${allowed.join(", ")}` : "it takes no options";
      throw new Error(`${fn}: unknown option "${key}"; ${expected}`);
    }
  }
}

/** Throws unless n is a whole number in [min, max]; `name` is the option's name in the message. */
export function checkInteger(fn: string, name: string, n: unknown, min: number, max = Infinity): number {
  return checkWhole(fn, name, n, min, max);
}

/** Throws unless x is a finite number > 0 (or >= 0 when allowZero). */
export function checkPositive(fn: string, name: string, x: unknown, allowZero = false): number {
  return checkFinite(fn, name, x, allowZero ? ">= 0" : "> 0");
}

/** The rows `indices` of a dataset, as a new dataset (X copied). */
export function takeRows(data: Dataset, indices: ArrayLike<number>): Dataset {
  const { X, y } = data;
  const D = X.cols;
  const Xout = new Float64Array(indices.length * D);
  const yout = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    Xout.set(X.data.subarray(i * D, (i + 1) * D), k * D);
    yout[k] = y[i];
  }
  const out: Dataset = { X: { rows: indices.length, cols: D, data: Xout }, y: yout, numClasses: data.numClasses };
  if (data.classNames) out.classNames = data.classNames.slice();
  return out;
}
