import { test } from "node:test";
import assert from "node:assert/strict";
import type { Matrix } from "../../src/core/matrix";
import { rng } from "../../src/core/random";
import { sgd, momentum } from "../../src/optimizers";
import { train, type LossFunction } from "../../src/training";

// A small softmax loss written here (the course's own lives in src/classifiers; train takes
// any loss of the shape (W, X, y, reg) => { loss, grad }):
//   loss = mean_i −log softmax(W x_i)_{y_i} + reg·ΣW²,   grad = (P − Y)ᵀ X / N + 2·reg·W
const softmax: LossFunction = (W, X, y, reg) => {
  const C = W.rows;
  const D = W.cols;
  const N = X.rows;
  const grad = new Float64Array(C * D);
  let loss = 0;
  const s = new Float64Array(C);
  for (let i = 0; i < N; i++) {
    let max = -Infinity;
    for (let c = 0; c < C; c++) {
      let v = 0;
      for (let j = 0; j < D; j++) v += W.data[c * D + j] * X.data[i * D + j];
      s[c] = v;
      max = Math.max(max, v);
    }
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(s[c] - max);
    loss += Math.log(z) - (s[y[i]] - max);
    for (let c = 0; c < C; c++) {
      const p = Math.exp(s[c] - max) / z - (c === y[i] ? 1 : 0);
      for (let j = 0; j < D; j++) grad[c * D + j] += (p * X.data[i * D + j]) / N;
    }
  }
  loss /= N;
  for (let k = 0; k < C * D; k++) {
    loss += reg * W.data[k] * W.data[k];
    grad[k] += 2 * reg * W.data[k];
  }
  return { loss, grad: { rows: C, cols: D, data: grad } };
};

/** Three Gaussian blobs in 2-D, with a bias column of ones: X is N×3. */
function blobs(n: number, seed: number): { X: Matrix; y: Int32Array } {
  const r = rng(seed);
  const centers = [[2, 0], [-1, 1.7], [-1, -1.7]];
  const X = { rows: n, cols: 3, data: new Float64Array(n * 3) };
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y[i] = c;
    X.data.set([centers[c][0] + r.normal(0, 0.5), centers[c][1] + r.normal(0, 0.5), 1], i * 3);
  }
  return { X, y };
}
const zeros = (): Matrix => ({ rows: 3, cols: 3, data: new Float64Array(9) });

test("minibatch SGD learns the blobs: loss falls, accuracy per epoch, wall time", () => {
  const data = blobs(300, 1);
  const validation = blobs(150, 2);
  const W0 = zeros();
  const result = train(softmax, W0, data, {
    optimizer: sgd({ learningRate: 0.5 }), batchSize: 32, epochs: 5, reg: 1e-4, seed: 7, validation,
  });
  // ceil(300 / 32) = 10 steps per epoch (9 of 32 and one of 12), 5 epochs
  assert.equal(result.nit, 50);
  assert.equal(result.epochs, 5);
  assert.equal(result.fs.length, 50);
  assert.equal(result.seconds.length, 50);
  assert.deepEqual(result.recordSteps, [10, 20, 30, 40, 50]);
  assert.equal(result.trainAccuracies.length, 5);
  assert.equal(result.valAccuracies.length, 5);
  // W = 0 gives log 3 = 1.0986 at the first step
  assert.ok(Math.abs(result.fs[0] - Math.log(3)) < 1e-12);
  assert.ok(result.fs.slice(-10).every((l) => l < 0.3), `last losses ${result.fs.slice(-10)}`);
  assert.ok(result.trainAccuracies[4] > 0.95 && result.valAccuracies[4] > 0.95);
  assert.ok(result.seconds[result.seconds.length - 1] > 0 && result.seconds.every((t, k) => k === 0 || t >= result.seconds[k - 1]));
  assert.equal(result.status, "max-iterations");
  assert.deepEqual(W0.data, new Float64Array(9), "W0 untouched");
});

test("batch size N without shuffling is full-batch gradient descent", () => {
  const data = blobs(60, 3);
  const result = train(softmax, zeros(), data, {
    optimizer: momentum({ learningRate: 0.1 }), batchSize: 60, epochs: 4, shuffle: false,
  });
  // The same four steps by hand on the whole data set:
  const W = zeros();
  const rule = momentum({ learningRate: 0.1 });
  for (let k = 0; k < 4; k++) {
    const { loss, grad } = softmax(W, data.X, data.y, 0);
    assert.equal(result.fs[k], loss);
    rule.step(W.data, grad.data);
  }
  assert.deepEqual(result.W.data, W.data);
});

/** A loss that records which rows (examples) it saw: X holds the example's index in column 0. */
function recorder(): { loss: LossFunction; batches: number[][] } {
  const batches: number[][] = [];
  return {
    batches,
    loss: (W, X) => {
      const rows: number[] = [];
      for (let i = 0; i < X.rows; i++) rows.push(X.data[i * X.cols]);
      batches.push(rows);
      return { loss: 1, grad: { rows: W.rows, cols: W.cols, data: new Float64Array(W.data.length) } };
    },
  };
}
const indexed = (n: number) => ({
  X: { rows: n, cols: 1, data: Float64Array.from({ length: n }, (_, i) => i) },
  y: new Int32Array(n),
});
const W1 = (): Matrix => ({ rows: 1, cols: 1, data: new Float64Array(1) });

test("without replacement: every epoch sees each example once, reshuffled; with shuffle false, in order", () => {
  const r = recorder();
  train(r.loss, W1(), indexed(10), { optimizer: sgd({ learningRate: 1 }), batchSize: 4, epochs: 3, seed: 1 });
  // ceil(10 / 4) = 3 batches per epoch: 4, 4, 2
  assert.deepEqual(r.batches.map((b) => b.length), [4, 4, 2, 4, 4, 2, 4, 4, 2]);
  const epochs = [0, 1, 2].map((e) => r.batches.slice(3 * e, 3 * e + 3).flat());
  for (const e of epochs) assert.deepEqual([...e].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.notDeepEqual(epochs[0], epochs[1], "a new order each epoch");
  const inOrder = recorder();
  train(inOrder.loss, W1(), indexed(10), { optimizer: sgd({ learningRate: 1 }), batchSize: 5, epochs: 2, shuffle: false });
  assert.deepEqual(inOrder.batches, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]);
});

test("with replacement: floor(N / batchSize) steps per epoch, repeats allowed, seeded", () => {
  const a = recorder();
  const result = train(a.loss, W1(), indexed(10), {
    optimizer: sgd({ learningRate: 1 }), batchSize: 3, epochs: 2, sampling: "with-replacement", seed: 5,
  });
  // floor(10 / 3) = 3 steps per epoch
  assert.equal(result.nit, 6);
  assert.deepEqual(result.recordSteps, [3, 6]);
  const all = a.batches.flat();
  assert.equal(all.length, 18);
  assert.ok(new Set(all).size < 10 || new Set(all).size < all.length, "18 draws from 10 repeat some");
  const b = recorder();
  train(b.loss, W1(), indexed(10), { optimizer: sgd({ learningRate: 1 }), batchSize: 3, epochs: 2, sampling: "with-replacement", seed: 5 });
  assert.deepEqual(b.batches, a.batches, "same seed, same batches");
  const c = recorder();
  train(c.loss, W1(), indexed(10), { optimizer: sgd({ learningRate: 1 }), batchSize: 3, epochs: 2, sampling: "with-replacement", seed: 6 });
  assert.notDeepEqual(c.batches, a.batches);
});

test("steps instead of epochs; a partial last epoch still gets its accuracy", () => {
  const result = train(softmax, zeros(), blobs(90, 4), { optimizer: sgd({ learningRate: 0.1 }), batchSize: 30, steps: 4 });
  assert.equal(result.nit, 4);
  assert.equal(result.epochs, 2);
  assert.deepEqual(result.recordSteps, [3, 4]);
});

test("a learning rate far too large diverges: status, step, no throw", () => {
  // loss = ΣW² + ΣW, grad = 2W + 1, learning rate 1e100, W0 = 0 (one entry):
  //   step 1: loss 0,      W = 0 − 1e100·1 = −1e100
  //   step 2: loss ≈ 1e200, W = −1e100 − 1e100·(−2e100 + 1) ≈ 2e200
  //   step 3: loss ≈ 4e400 = Infinity: diverged at step 3
  const blowUp: LossFunction = (W) => ({
    loss: W.data[0] * W.data[0] + W.data[0],
    grad: { rows: 1, cols: 1, data: Float64Array.of(2 * W.data[0] + 1) },
  });
  const steps: number[] = [];
  const result = train(blowUp, W1(), indexed(10), {
    optimizer: sgd({ learningRate: 1e100 }), batchSize: 2, epochs: 3, onStep: ({ step }) => steps.push(step),
  });
  assert.equal(result.status, "diverged");
  assert.equal(result.nit, 3);
  assert.equal(result.message, "diverged at step 3 (epoch 1): the loss is Infinity");
  assert.deepEqual(result.fs.slice(0, 2), [0, 1e200 - 1e100]);
  assert.equal(result.fs[2], Infinity);
  assert.deepEqual(steps, [1, 2], "onStep ran for the finished steps");
  assert.equal(result.seconds.length, 3);
});

test("bad batch sizes and options", () => {
  const data = blobs(30, 1);
  const optimizer = sgd({ learningRate: 0.1 });
  for (const bad of [0, 31, 2.5, -1]) {
    assert.throws(
      () => train(softmax, zeros(), data, { optimizer, batchSize: bad }),
      new RegExp(`^RangeError: train: batchSize must be a whole number in \\[1, N = 30\\], got ${bad}$`),
    );
  }
  assert.throws(() => train(softmax, zeros(), data, { optimizer, epochs: 0 }), /train: epochs must be a whole number >= 1, got 0/);
  assert.throws(() => train(softmax, zeros(), data, { optimizer, sampling: "bootstrap" as never }), /train: sampling must be "without-replacement" or "with-replacement", got bootstrap/);
  assert.throws(() => train(softmax, { rows: 3, cols: 4, data: new Float64Array(12) }, data, { optimizer }), /^RangeError: train: W0 is 3×4 but data\.X is 30×3$/);
  assert.throws(() => train(softmax, zeros(), { X: data.X, y: data.y.subarray(0, 10) }, { optimizer }), /train: data\.y has 10 labels but data\.X has 30 rows/);
  assert.throws(() => train(softmax, zeros(), data, {} as never), /^TypeError: train: options\.optimizer must be an update rule/);
});

test("fullLoss: the loss on all the training data at every record, next to the minibatch losses in fs", () => {
  const data = blobs(90, 5);
  const result = train(softmax, zeros(), data, { optimizer: sgd({ learningRate: 0.3 }), batchSize: 30, epochs: 2, seed: 3, fullLoss: true });
  // 3 steps per epoch: records after steps 3 and 6
  assert.deepEqual(result.recordSteps, [3, 6]);
  assert.equal(result.fullLosses!.length, 2);
  // the record after step 6 is the loss at the final W, computed by hand
  assert.equal(result.fullLosses![1], softmax(result.W, data.X, data.y, 0).loss);
  assert.ok(result.fullLosses![1] < result.fullLosses![0] && result.fullLosses![0] < Math.log(3));
  assert.equal(result.fs.length, 6);
  assert.deepEqual(result.xs.length, 2, "iterates not kept unless asked: x0 and the final W");
});
