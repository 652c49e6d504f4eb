import * as fs from "fs";
import * as path from "path";
import { checkInteger, checkOptions, Dataset, Split } from "./dataset";

/** Bytes in one CIFAR-10 record: 1 label byte + 3072 pixel bytes (1024 R, 1024 G, 1024 B). */
export const CIFAR10_RECORD_BYTES = 1 + 3072;

export const CIFAR10_CLASSES = [
  "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck",
];

export interface Cifar10Options {
  /** Which of data_batch_1.bin … data_batch_5.bin make the training split (default [1, 2, 3, 4, 5]). */
  batches?: number[];
  /** Read test_batch.bin too (default true); when false the test split is empty. */
  test?: boolean;
  /** At most this many records from each file (default: all 10,000), to keep a notebook quick. */
  limit?: number;
}

/**
 * The real CIFAR-10 "binary version" (cifar-10-binary.tar.gz, unpacked to a folder holding
 * data_batch_1.bin … data_batch_5.bin and test_batch.bin), for users who downloaded it.
 *
 * Each file is 10,000 records of 3073 bytes: the label (0–9, see CIFAR10_CLASSES), then the
 * 32×32 image as 1024 red, 1024 green, 1024 blue bytes, each channel row by row. X gets one
 * record per row, 3072 columns in that same order, values 0–255 as floats (unscaled, as in the
 * cs231n assignments); `addBias(X)` makes it 3073 wide as on the slide.
 *
 * A missing file, a truncated record or a label byte above 9 throws an Error naming the file
 * (and the byte offset).
 */
export function loadCifar10(dir: string, options: Cifar10Options = {}): Split {
  checkOptions("loadCifar10", options, ["batches", "test", "limit"]);
  if (typeof dir !== "string" || dir === "") throw new TypeError(`loadCifar10: dir must be a folder path, got ${String(dir)}`);
  const { batches = [1, 2, 3, 4, 5], test = true, limit = Infinity } = options;
  if (!Array.isArray(batches) || batches.length === 0) {
    throw new RangeError("loadCifar10: batches must be a non-empty array of numbers in 1…5");
  }
  batches.forEach((b) => checkInteger("loadCifar10", "each of batches", b, 1, 5));
  if (limit !== Infinity) checkInteger("loadCifar10", "limit", limit, 1);

  const trainFiles = batches.map((b) => `data_batch_${b}.bin`);
  const testFiles = test ? ["test_batch.bin"] : [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`loadCifar10: folder ${dir} does not exist (unpack cifar-10-binary.tar.gz and pass its cifar-10-batches-bin folder)`);
  }
  const missing = [...trainFiles, ...testFiles].filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) throw new Error(`loadCifar10: folder ${dir} lacks ${missing.join(", ")}`);

  return {
    train: readCifar10Files(trainFiles.map((f) => path.join(dir, f)), limit),
    test: readCifar10Files(testFiles.map((f) => path.join(dir, f)), limit),
  };
}

/** Reads CIFAR-10 binary files into one dataset, checking every record. */
function readCifar10Files(files: string[], limit = Infinity): Dataset {
  const buffers = files.map((file) => {
    const bytes = fs.readFileSync(file);
    if (bytes.length === 0) throw new Error(`loadCifar10: ${file} is empty (byte offset 0)`);
    const whole = Math.floor(bytes.length / CIFAR10_RECORD_BYTES);
    if (whole * CIFAR10_RECORD_BYTES !== bytes.length) {
      throw new Error(
        `loadCifar10: ${file} is truncated: the record at byte offset ${whole * CIFAR10_RECORD_BYTES} has ` +
          `${bytes.length - whole * CIFAR10_RECORD_BYTES} of ${CIFAR10_RECORD_BYTES} bytes`,
      );
    }
    return { file, bytes, count: Math.min(whole, limit) };
  });
  const N = buffers.reduce((s, b) => s + b.count, 0);
  const D = CIFAR10_RECORD_BYTES - 1;
  const X = new Float64Array(N * D);
  const y = new Int32Array(N);
  let i = 0;
  for (const { file, bytes, count } of buffers) {
    for (let r = 0; r < count; r++, i++) {
      const offset = r * CIFAR10_RECORD_BYTES;
      const label = bytes[offset];
      if (label > 9) throw new Error(`loadCifar10: ${file}: label byte ${label} at byte offset ${offset} is not in 0–9`);
      y[i] = label;
      for (let k = 0; k < D; k++) X[i * D + k] = bytes[offset + 1 + k];
    }
  }
  return { X: { rows: N, cols: D, data: X }, y, numClasses: 10, classNames: CIFAR10_CLASSES.slice() };
}
