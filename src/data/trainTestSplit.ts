import { checkMatrix } from "../core/matrix";
import { rng } from "../core/random";
import { checkInteger, checkOptions, Dataset, Split, takeRows } from "./dataset";

export interface SplitOptions {
  /** Fraction of the examples that go to the test split (default 0.2), rounded to a whole count. */
  testFraction?: number;
  /** Number of test examples (instead of testFraction). */
  testSize?: number;
  seed?: number;
}

/**
 * Shuffle the examples with `rng(seed)` and cut: the first round(N * testFraction) go to test,
 * the rest to train. Both are new datasets (copies); the same seed gives the same split.
 */
export function trainTestSplit(data: Dataset, options: SplitOptions = {}): Split {
  checkOptions("trainTestSplit", options, ["testFraction", "testSize", "seed"]);
  if (typeof data !== "object" || data === null) throw new TypeError("trainTestSplit: data must be a Dataset { X, y, numClasses }");
  checkMatrix("trainTestSplit", "data.X", data.X);
  if (!(data.y instanceof Int32Array) || data.y.length !== data.X.rows) {
    throw new RangeError(`trainTestSplit: data.y must be an Int32Array of ${data.X.rows} labels (one per row of X), got ${data.y?.length}`);
  }
  const N = data.X.rows;
  const { testFraction = 0.2, seed = 0 } = options;
  if (options.testSize !== undefined && options.testFraction !== undefined) {
    throw new Error("trainTestSplit: give testSize or testFraction, not both");
  }
  if (!(testFraction >= 0 && testFraction <= 1)) {
    throw new RangeError(`trainTestSplit: testFraction must be in [0, 1], got ${testFraction}`);
  }
  const testSize = options.testSize !== undefined ? options.testSize : Math.round(N * testFraction);
  checkInteger("trainTestSplit", "testSize", testSize, 0, N);
  const order = rng(seed).permutation(N);
  return { test: takeRows(data, order.subarray(0, testSize)), train: takeRows(data, order.subarray(testSize)) };
}
