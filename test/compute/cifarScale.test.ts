import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addBias, loadCifar10 } from "../../src/data";
import { withNonzeroPattern } from "../../src/compute/matmul";
import { setComputeBackend } from "../../src/compute/fastProducts";
import { svmLoss } from "../../src/classifiers";
import { randomSearch } from "../../src/optimizers";
import { rng } from "../../src/core/random";
import { cifar10FileBytes, writeCifar10Files, RECORD_BYTES } from "../fixtures/cifar10-format/writeCifar10";

/**
 * The lecture's experiment at its own scale: CIFAR-format files of the real size (written by the
 * fixture script), loaded by `loadCifar10`, X 50,000×3,073 with the bias column, random search
 * with the SVM loss. The fast path's losses are checked against the scalar path's.
 */
test("loadCifar10 reads full-size CIFAR-format files; random search at 50,000×3,073 agrees with the scalar path", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-cifar-scale-"));
  try {
    writeCifar10Files(dir, 10000, 3);
    const { train, test: held } = loadCifar10(dir);
    assert.equal(train.X.rows, 50000);
    assert.equal(train.X.cols, 3072);
    assert.equal(held.X.rows, 10000);
    // record 12,345 is record 2,345 of data_batch_2.bin (seed 3·10 + 2)
    const bytes = cifar10FileBytes(10000, 32);
    const o = 2345 * RECORD_BYTES;
    assert.equal(train.y[12345], bytes[o]);
    for (const k of [0, 1023, 1024, 2047, 3071]) assert.equal(train.X.data[12345 * 3072 + k], bytes[o + 1 + k], `pixel ${k}`);

    const X = withNonzeroPattern(addBias(train.X)); // 50,000×3,073, kept: random search meets it 3 times
    assert.equal(X.cols, 3073);
    const y = train.y;
    const search = await randomSearch((W) => svmLoss(W, X, y, 0, { gradient: false }).loss, { rows: 10, cols: 3073, attempts: 3, seed: 1 });
    assert.equal(search.losses.length, 3);
    for (const L of search.losses) assert.ok(L > 5 && L < 15, `a random W's SVM loss is about C − 1 = 9, got ${L}`);

    // attempt 0 again, on the scalar path: randomSearch drew W = 1e-4 · randn(10, 3073) from rng(1)
    const W = { rows: 10, cols: 3073, data: rng(1).normals(10 * 3073, 0, 1e-4) };
    setComputeBackend("scalar");
    let scalar: number;
    try {
      scalar = svmLoss(W, X, y, 0, { gradient: false }).loss;
    } finally {
      setComputeBackend("auto");
    }
    assert.ok(Math.abs(search.losses[0] - scalar) <= 1e-12 * scalar, `fast ${search.losses[0]}, scalar ${scalar}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
