import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { twoLayerNet } from "../../src/classifiers/twoLayerNet";
import { twoLayerNetTrain } from "../../src/training/twoLayerNetTrain";
import { softmaxLoss } from "../../src/classifiers/softmaxLoss";
import { predict } from "../../src/classifiers/predict";
import { accuracy } from "../../src/classifiers/accuracy";
import { matrix } from "../../src/core";
import { gradCheck } from "../../src/gradients";
import { addBias, spiral } from "../../src/data";
import { adam, sgd } from "../../src/optimizers";

// Golden values from PyTorch autograd (test/fixtures/two-layer-net/make.py).
const golden = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../../test/fixtures/two-layer-net/two-layer-net.json"), "utf8"),
);

type Case = {
  name: string; reg: number; D: number; H: number; C: number; N: number;
  W1: number[]; b1: number[]; W2: number[]; b2: number[]; X: number[]; y: number[];
  hidden: number[]; scores: number[]; loss: number; dW1: number[]; db1: number[]; dW2: number[]; db2: number[];
};

function netFor(c: Case) {
  const net = twoLayerNet(c.D, c.H, c.C);
  net.W1.data.set(c.W1); // writing to the views writes to net.params
  net.b1.set(c.b1);
  net.W2.data.set(c.W2);
  net.b2.set(c.b2);
  return { net, X: matrix(c.N, c.D, c.X) };
}

function assertClose(got: ArrayLike<number>, want: number[], tol: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let k = 0; k < want.length; k++) {
    const err = Math.abs(got[k] - want[k]) / Math.max(1, Math.abs(want[k]));
    assert.ok(err < tol, `${what}[${k}]: got ${got[k]}, expected ${want[k]}`);
  }
}

test("twoLayerNet: params is one flat vector [W1 | b1 | W2 | b2] and the blocks are views into it", () => {
  const net = twoLayerNet(2, 100, 3, { seed: 1 });
  // H·D + H + C·H + C = 200 + 100 + 300 + 3 = 603
  assert.equal(net.params.length, 603);
  assert.equal(net.W1.rows, 100);
  assert.equal(net.W1.cols, 2);
  assert.equal(net.W2.rows, 3);
  assert.equal(net.W2.cols, 100);
  net.params[200] = 7; // first entry of b1
  assert.equal(net.b1[0], 7);
  net.params[602] = -2; // last entry of b2
  assert.equal(net.b2[2], -2);
  // weights ~ 0.01·randn: sample std of 200 entries is 0.01 ± 0.0015; biases start at 0
  const w = net.W1.data;
  const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
  assert.ok(std > 0.008 && std < 0.012, `std ${std}`);
  assert.deepEqual(twoLayerNet(2, 100, 3, { seed: 1 }).W1.data, w);
  assert.notDeepEqual(twoLayerNet(2, 100, 3, { seed: 2 }).W1.data, w);
});

test("twoLayerNet.loss: with tiny weights every class is equally likely, so the loss is ln 3 = 1.0986", () => {
  const net = twoLayerNet(2, 100, 3, { std: 1e-6 });
  const data = spiral({ seed: 0 });
  const { loss } = net.loss(data.X, data.y, 0);
  assert.ok(Math.abs(loss - Math.log(3)) < 1e-6, `loss ${loss}`);
});

for (const c of golden.cases as Case[]) {
  test(`twoLayerNet: hidden, scores, loss and every gradient match PyTorch autograd (${c.name})`, () => {
    const { net, X } = netFor(c);
    assertClose(net.hidden(X).data, c.hidden, 1e-12, "hidden");
    assertClose(net.scores(X).data, c.scores, 1e-12, "scores");
    const { loss, grad } = net.loss(X, c.y, c.reg);
    assert.ok(Math.abs(loss - c.loss) < 1e-12 * Math.abs(c.loss), `loss ${loss} vs ${c.loss}`);
    // the gradient has the params layout: [dW1 | db1 | dW2 | db2]
    const { D, H, C } = c;
    assertClose(grad.subarray(0, H * D), c.dW1, 1e-11, "dW1");
    assertClose(grad.subarray(H * D, H * D + H), c.db1, 1e-11, "db1");
    assertClose(grad.subarray(H * D + H, H * D + H + C * H), c.dW2, 1e-11, "dW2");
    assertClose(grad.subarray(H * D + H + C * H), c.db2, 1e-11, "db2");
  });
}

test("twoLayerNet: gradCheck of every parameter (W1, b1, W2, b2) says right (relative error < 1e-7)", () => {
  // A small net at random weights of std 1, so some ReLUs are on and some off.
  const net = twoLayerNet(3, 6, 4, { std: 1, seed: 3 });
  const X = matrix(8, 3, Array.from({ length: 24 }, (_, k) => Math.sin(1.3 * k + 0.5) * 2));
  const y = [0, 1, 2, 3, 3, 2, 1, 0];
  const f = net.objective(X, y, 0.05);
  const x = net.params.slice();
  // H·D + H + C·H + C = 6·3 + 6 + 4·6 + 4 = 52 parameters, all checked: (f(x+h e_i) - f(x-h e_i)) / 2h against grad_i
  const report = gradCheck(f.f, f.grad, x, { samples: 52 });
  assert.equal(report.entries.length, 52);
  assert.equal(report.sampled, false);
  assert.ok(report.maxRelativeError < 1e-7, `max relative error ${report.maxRelativeError}`);
  assert.equal(report.verdict, "right");
  assert.deepEqual(x, net.params); // x restored
});

test("twoLayerNet: sampled gradCheck on an MNIST-shaped net (784-20-10, 30 random coordinates)", () => {
  const net = twoLayerNet(784, 20, 10, { std: 0.1, seed: 1 });
  const X = matrix(10, 784, Array.from({ length: 7840 }, (_, k) => (Math.sin(k * 0.7) > 0.3 ? Math.cos(k) ** 2 : 0)));
  const y = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const f = net.objective(X, y, 1e-3);
  const report = gradCheck(f.f, f.grad, net.params.slice(), { samples: 30, seed: 2 });
  assert.equal(report.entries.length, 30);
  assert.ok(report.maxRelativeError < 1e-6, `max relative error ${report.maxRelativeError}`);
});

test("twoLayerNet: the flat params plug into an optimizer: adam learns the spiral above 95% train accuracy", () => {
  // cs231n case study: 3 classes × 100 points, 100 hidden units, ~98% train accuracy.
  const data = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
  const net = twoLayerNet(2, 100, 3, { seed: 0 });
  const opt = adam({ learningRate: 0.03 });
  const losses: number[] = [];
  for (let t = 0; t < 500; t++) {
    const { loss, grad } = net.loss(data.X, data.y, 5e-4);
    losses.push(loss);
    opt.step(net.params, grad);
  }
  const acc = net.accuracy(data.X, data.y);
  assert.ok(losses[0] > 1.09 && losses[0] < 1.1, `initial loss ${losses[0]} (ln 3 = 1.0986)`);
  assert.ok(losses[499] < 0.35, `final loss ${losses[499]}`);
  assert.ok(acc > 0.95, `network train accuracy ${acc}`);
});

test("twoLayerNet: predict takes the highest score; accuracy counts matches", () => {
  const net = twoLayerNet(2, 1, 2);
  // hidden = max(0, x0) ; scores = [h, -h] + [0, 0.5]: class 0 when h > 0.25
  net.W1.data.set([1, 0]);
  net.W2.data.set([1, -1]);
  net.b2.set([0, 0.5]);
  const X = matrix([[1, 5], [0.1, 5], [-3, 0]]);
  // x0 = 1: scores [1, -0.5] -> 0; x0 = 0.1: [0.1, 0.4] -> 1; x0 = -3: h = 0, [0, 0.5] -> 1
  assert.deepEqual(Array.from(net.predict(X)), [0, 1, 1]);
  assert.equal(net.accuracy(X, [0, 1, 0]), 2 / 3);
});

test("twoLayerNet: bad input gets a clear error", () => {
  assert.throws(() => twoLayerNet(2, 0, 3), /^RangeError: twoLayerNet: hiddenSize must be a whole number >= 1, got 0$/);
  assert.throws(() => twoLayerNet(2, 2.5, 3), /twoLayerNet: hiddenSize must be a whole number >= 1, got 2.5/);
  assert.throws(() => twoLayerNet(0, 5, 3), /twoLayerNet: inputSize must be a whole number >= 1, got 0/);
  assert.throws(() => twoLayerNet(2, 5, 1), /twoLayerNet: numClasses must be a whole number >= 2, got 1/);
  assert.throws(() => twoLayerNet(2, 5, 3, { sd: 1 } as never), /twoLayerNet: unknown option "sd"; expected one of std, seed/);
  const net = twoLayerNet(2, 5, 3);
  const X = matrix([[1, 2, 3], [4, 5, 6]]);
  assert.throws(() => net.loss(X, [0, 1]), /twoLayerNet.loss: X is 2×3 but the network takes 2 inputs \(W1 is 5×2\)/);
  assert.throws(() => net.predict(X), /twoLayerNet.predict: X is 2×3 but the network takes 2 inputs/);
  const X2 = matrix([[1, 2], [3, 4]]);
  assert.throws(() => net.loss(X2, [0, 3]), /twoLayerNet.loss: y\[1\] = 3 is not a class in 0…2/);
  assert.throws(() => net.loss(X2, [0, -1]), /twoLayerNet.loss: y\[1\] = -1 is not a class in 0…2/);
  assert.throws(() => net.loss(X2, [0]), /twoLayerNet.loss: y has 1 labels but X has 2 rows/);
  assert.throws(() => net.loss(X2, [0, 1], -1), /twoLayerNet.loss: reg must be a finite number >= 0, got -1/);
  assert.throws(() => net.loss(X2, [0, 1], 0, new Float64Array(3)), /twoLayerNet.loss: params must be a Float64Array of 33 numbers/);
  const before = net.params.slice();
  assert.throws(() => net.loss(X2, [0, 9]));
  assert.deepEqual(net.params, before); // nothing changed
});

test("spiral contrast (cs231n case study, 3 classes × 100 points, seed 0): linear softmax well below 60%, 2-layer net above 95%", () => {
  const data = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
  // the linear softmax classifier f = Wx + b (bias trick: W is 3×3 on [x, y, 1]), full-batch Adam
  const Xb = addBias(data.X);
  const W = { rows: 3, cols: 3, data: new Float64Array(9) };
  const opt = adam({ learningRate: 0.05 });
  for (let t = 0; t < 500; t++) opt.step(W.data, softmaxLoss(W, Xb, data.y, 5e-4).grad.data);
  const linearAcc = accuracy(predict(W, Xb), data.y);
  // the 2-layer net, 100 hidden units, trained by twoLayerNetTrain (full batch, Adam)
  const net = twoLayerNet(2, 100, 3, { seed: 0 });
  const run = twoLayerNetTrain(net, data, { optimizer: adam({ learningRate: 0.03 }), steps: 500, reg: 5e-4 });
  const netAcc = net.accuracy(data.X, data.y);
  // the case study reports about 49% and 98%
  assert.ok(linearAcc < 0.6, `linear accuracy ${linearAcc}`);
  assert.ok(linearAcc > 0.4, `linear accuracy ${linearAcc} (better than chance 33%)`);
  assert.ok(netAcc > 0.95, `network accuracy ${netAcc}`);
  assert.equal(run.trainAccuracies[run.trainAccuracies.length - 1], netAcc);
  assert.deepEqual(run.recordSteps, [100, 200, 300, 400, 500]);
  assert.equal(run.status, "max-iterations");
});

test("twoLayerNetTrain: minibatches, deterministic by seed, divergence is a result", () => {
  const data = spiral({ pointsPerClass: 50, classes: 3, seed: 1 });
  const runOnce = (seed: number) => {
    const net = twoLayerNet(2, 20, 3, { seed: 0 });
    const r = twoLayerNetTrain(net, data, { optimizer: adam({ learningRate: 0.01 }), steps: 30, batchSize: 32, seed, evalEvery: 10 });
    return { net, r };
  };
  const a = runOnce(4), b = runOnce(4), c = runOnce(5);
  assert.equal(a.r.fs.length, 30);
  assert.deepEqual(a.r.fs, b.r.fs);
  assert.deepEqual(a.net.params, b.net.params);
  assert.notDeepEqual(a.r.fs, c.r.fs);
  assert.deepEqual(a.r.recordSteps, [10, 20, 30]);
  const net = twoLayerNet(2, 20, 3, { seed: 0, std: 1 });
  const r = twoLayerNetTrain(net, data, { optimizer: sgd({ learningRate: 1e6 }), steps: 50 });
  assert.equal(r.status, "diverged");
  assert.match(r.message, /^diverged at step \d+: the loss is (NaN|Infinity)$/);
  assert.throws(() => twoLayerNetTrain(twoLayerNet(3, 4, 3), data, { optimizer: sgd({ learningRate: 1 }) }),
    /twoLayerNetTrain: data.X must be N×3 \(the network's inputs\), got 150×2/);
  assert.throws(() => twoLayerNetTrain(twoLayerNet(2, 4, 2), data, { optimizer: sgd({ learningRate: 1 }) }),
    /twoLayerNetTrain: y\[100\] = 2 is not a class in 0…1/);
  assert.throws(() => twoLayerNetTrain(twoLayerNet(2, 4, 3), data, { optimizer: sgd({ learningRate: 1 }), batchSize: 151 }),
    /twoLayerNetTrain: batchSize must be a whole number in \[1, N = 150\], got 151/);
});
