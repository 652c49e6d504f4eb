/**
 * Lessons 05 and 09: the choice questions store the right choice as a hash, and the number
 * questions rebuild the lesson's setup. Here the library re-runs each experiment as the lesson
 * does and the stored answer must agree with what it finds; and the lesson sources must still
 * build the setups the questions rebuild.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as ol from "../../src";
import { codeOf } from "../lessons/lessonSource";

/** Lesson 05's data and W0, as its first cell builds them. */
function lesson05Setup() {
  const { train: trainAll } = ol.loadMnist({ trainSize: 2500, testSize: 1000, seed: 0 });
  const split = ol.trainTestSplit(trainAll, { testSize: 500, seed: 1 });
  const X = ol.addBias(split.train.X);
  const W0 = { rows: 10, cols: 785, data: ol.rng(0).normals(10 * 785, 0, 0.001) };
  return { X, y: split.train.y, W0 };
}

test("05 still builds the setup its questions rebuild", () => {
  const code = codeOf("05-gradient-descent-and-sgd.ipynb");
  for (const line of [
    "ol.loadMnist({ trainSize: 2500, testSize: 1000, seed: 0 })",
    "ol.trainTestSplit(trainAll, { testSize: 500, seed: 1 })",
    "ol.rng(0).normals(10 * 785, 0, 0.001)",
    "const rates = [0.01, 1, 1000];",
    "const batchSizes = [1, 32, 64, 128, 256];",
    "optimizer: ol.sgd({ learningRate: 0.1 }), batchSize, epochs: 2, seed: 1, fullLoss: true",
  ]) assert.ok(code.includes(line), `05 no longer contains \`${line}\`; update src/questions/lesson05.ts and this test`);
});

test("05-lr-1000-after-10-steps: the stored choice is what 10 full-batch steps at learning rate 1000 do", () => {
  const { X, y, W0 } = lesson05Setup();
  const r = ol.train(ol.softmaxLoss, W0, { X, y }, { optimizer: ol.sgd({ learningRate: 1000 }), batchSize: X.rows, steps: 10 });
  const start = r.fs[0], end = r.fs[r.fs.length - 1];
  const choice = end < 0.9 * start ? "a" : end < 2 * start ? "b" : "c";
  assert.equal(ol.predictionVerdict("05-lr-1000-after-10-steps", choice).verdict, "right", `loss ${start} -> ${end}: choice ${choice}`);
});

test("05-lowest-loss-after-two-epochs: the stored choice has the lowest full training loss of 1, 32, 256", () => {
  const { X, y, W0 } = lesson05Setup();
  const losses = [1, 32, 256].map((batchSize) => {
    const r = ol.train(ol.softmaxLoss, W0, { X, y }, {
      optimizer: ol.sgd({ learningRate: 0.1 }), batchSize, epochs: 2, seed: 1, fullLoss: true, sampling: "without-replacement", shuffle: true,
    });
    return { batchSize, loss: r.fullLosses![r.fullLosses!.length - 1] };
  });
  const best = losses.reduce((a, b) => (b.loss < a.loss ? b : a));
  assert.equal(ol.predictionVerdict("05-lowest-loss-after-two-epochs", String(best.batchSize)).verdict, "right", JSON.stringify(losses));
});

test("05-noise-ratio-64-vs-256: the formula's ratio, as the lesson prints it (2.11)", () => {
  // √((1936/64) / (1744/256)) = √4.4404 = 2.1072
  assert.equal(ol.predictionVerdict("05-noise-ratio-64-vs-256", 2.1072).verdict, "right");
  assert.equal(ol.predictionVerdict("05-noise-ratio-64-vs-256", 2.4).verdict, "wrong");
});

test("09 still builds the setups its questions rebuild", () => {
  const code = codeOf("09-looking-ahead.ipynb");
  for (const line of [
    "ol.spiral({ pointsPerClass: 100, classes: 3, seed: 0 })",
    "const Wlin = ol.zeros(3, 3);",
    "const linOpt = ol.adam({ learningRate: 0.05 });",
    "for (let t = 0; t < 500; t++) {",
    "ol.softmaxLoss(Wlin, Sb, spiral.y, 5e-4)",
    "ol.twoLayerNet(2, 100, 3, { std: 0.01, seed: 0 })",
    "ol.twoLayerNetTrain(net, spiral, { optimizer: ol.adam({ learningRate: 0.03 }), steps: 500, reg: 5e-4 })",
    "net.objective(spiral.X, spiral.y, 5e-4)",
    "{ samples: 20, seed: 0 }",
    "ol.twoLayerNet(784, 32, 10",
  ]) assert.ok(code.includes(line), `09 no longer contains \`${line}\`; update src/questions/lesson09.ts and this test`);
});

test("09-net-gradcheck-verdict: the stored band is the verdict of the lesson's check", () => {
  const spiral = ol.spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
  const net = ol.twoLayerNet(2, 100, 3, { std: 0.01, seed: 0 });
  ol.twoLayerNetTrain(net, spiral, { optimizer: ol.adam({ learningRate: 0.03 }), steps: 500, reg: 5e-4 });
  const objective = net.objective(spiral.X, spiral.y, 5e-4);
  const check = ol.gradCheck(objective.f, objective.grad, Float64Array.from(net.params), { samples: 20, seed: 0 });
  assert.equal(ol.predictionVerdict("09-net-gradcheck-verdict", check.verdict).verdict, "right", `verdict ${check.verdict}`);
});

test("09-spiral-linear-accuracy and 09-mnist-net-parameters: right near the answer, wrong far from it", () => {
  // the case study's 49% is within 8 points of ours; a guess of one class (33%) is not
  assert.equal(ol.predictionVerdict("09-spiral-linear-accuracy", 49).verdict, "right");
  assert.equal(ol.predictionVerdict("09-spiral-linear-accuracy", 33.3).verdict, "wrong");
  // 32·784 + 32 + 10·32 + 10 = 25450
  assert.equal(ol.predictionVerdict("09-mnist-net-parameters", 25450).verdict, "right");
  assert.equal(ol.predictionVerdict("09-mnist-net-parameters", 25088).verdict, "wrong"); // W1 alone
});
