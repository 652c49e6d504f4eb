/**
 * Lessons 01 and 02's number questions compute their answers by rebuilding the lesson's own
 * setup (src/questions/lesson01.ts, lesson02.ts). If a lesson's setup changed without its
 * questions, the check would judge predictions against another experiment: the lesson sources
 * must still build the data and weights the questions rebuild.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeOf } from "../lessons/lessonSource";

const setups: Record<string, string[]> = {
  "01-linear-classifiers-recap.ipynb": [
    "ol.loadMnist({ trainSize: 2500, testSize: 1000, seed: 0 })",
    "ol.trainTestSplit(trainAll, { testSize: 500, seed: 1 })",
    "ol.matrix(10, 785, ol.rng(1).normals(10 * 785, 0, 0.01))",
    "ol.svmLoss(W0, X, train.y, 0)",
    "ol.softmaxLoss(W0, X, train.y, 0)",
    "ol.circles({ seed: 0 })",
    "ol.matrix(2, 3, ol.rng(2).normals(6, 0, 0.01))",
    "ol.softmaxLoss(Wc, Xc, rings.y, 1e-3)",
    "Wc.data[k] -= 0.5 * grad.data[k]",
  ],
  "02-random-search.ipynb": [
    "ol.loadMnist({ trainSize: 6000, testSize: 1000, seed: 0 })",
    "ol.trainTestSplit(trainAll, { testSize: 1000, seed: 1 })",
    "seed: 231",
    "scale: 1e-4",
  ],
};

for (const [name, lines] of Object.entries(setups)) {
  test(`${name} still builds the setup its questions rebuild`, () => {
    const code = codeOf(name);
    for (const line of lines) assert.ok(code.includes(line), `${name} no longer contains \`${line}\`; update src/questions/lesson${name.slice(0, 2)}.ts with it`);
  });
}
