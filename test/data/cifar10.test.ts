import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadCifar10, CIFAR10_RECORD_BYTES, addBias } from "../../src/data";

/** Writes `count` records in the CIFAR-10 binary format: label byte, then 1024 R, 1024 G, 1024 B. */
function writeBatch(file: string, labels: number[], seedByte: number): void {
  const buf = Buffer.alloc(labels.length * CIFAR10_RECORD_BYTES);
  labels.forEach((label, r) => {
    const o = r * CIFAR10_RECORD_BYTES;
    buf[o] = label;
    for (let k = 0; k < 3072; k++) buf[o + 1 + k] = (seedByte + r * 7 + k) % 256;
  });
  fs.writeFileSync(file, buf);
}

function makeFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cifar10-test-"));
  for (let b = 1; b <= 5; b++) writeBatch(path.join(dir, `data_batch_${b}.bin`), [b, 9, 0], b);
  writeBatch(path.join(dir, "test_batch.bin"), [3, 4], 100);
  return dir;
}

test("loadCifar10: reads labels and 3072 pixels per record in file order", () => {
  const dir = makeFolder();
  try {
    const { train, test: te } = loadCifar10(dir);
    // 5 batches × 3 records = 15 train, 2 test
    assert.equal(train.X.rows, 15);
    assert.equal(train.X.cols, 3072);
    assert.equal(te.X.rows, 2);
    assert.deepEqual(Array.from(train.y.subarray(0, 6)), [1, 9, 0, 2, 9, 0]);
    assert.deepEqual(Array.from(te.y), [3, 4]);
    assert.equal(train.classNames?.[3], "cat");
    // record 1 of batch 1: pixel k is (1 + 7 + k) % 256; pixel 0 (first red) = 8, pixel 1024 (first green) = 1032 % 256 = 8
    assert.equal(train.X.data[1 * 3072 + 0], 8);
    assert.equal(train.X.data[1 * 3072 + 1024], 8);
    assert.equal(train.X.data[1 * 3072 + 300], 52); // (8 + 300) % 256 = 52
    // test record 0: (100 + k) % 256 -> pixel 3071 = 3171 % 256 = 99
    assert.equal(te.X.data[3071], 99);
    assert.equal(addBias(train.X).cols, 3073);
    const some = loadCifar10(dir, { batches: [2], test: false, limit: 2 });
    assert.deepEqual(Array.from(some.train.y), [2, 9]);
    assert.equal(some.test.X.rows, 0);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test("loadCifar10: truncated file and bad label name the file and byte offset", () => {
  const dir = makeFolder();
  try {
    const f = path.join(dir, "data_batch_2.bin");
    // cut the third record short: 2 whole records (6146 bytes) + 100 bytes
    fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 2 * 3073 + 100));
    assert.throws(() => loadCifar10(dir), /loadCifar10: .*data_batch_2\.bin is truncated: the record at byte offset 6146 has 100 of 3073 bytes/);
    writeBatch(f, [1, 2, 12], 0); // label 12 in record 2, at byte offset 2 × 3073 = 6146
    assert.throws(() => loadCifar10(dir), /loadCifar10: .*data_batch_2\.bin: label byte 12 at byte offset 6146 is not in 0–9/);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test("loadCifar10: a folder without its files names the folder and the missing files", () => {
  const dir = makeFolder();
  try {
    fs.unlinkSync(path.join(dir, "data_batch_3.bin"));
    fs.unlinkSync(path.join(dir, "test_batch.bin"));
    assert.throws(() => loadCifar10(dir), new RegExp(`loadCifar10: folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} lacks data_batch_3.bin, test_batch.bin`));
    assert.throws(() => loadCifar10(path.join(dir, "nope")), /loadCifar10: folder .*nope does not exist/);
    assert.throws(() => loadCifar10(dir, { batch: [1] } as never), /loadCifar10: unknown option "batch"; expected one of batches, test, limit/);
    assert.throws(() => loadCifar10(dir, { batches: [6] }), /loadCifar10: each of batches must be a whole number in \[1, 5\], got 6/);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
