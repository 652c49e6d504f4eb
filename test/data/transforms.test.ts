import { test } from "node:test";
import assert from "node:assert/strict";
import { matrix } from "../../src/core";
import { addBias, polar, trainTestSplit, spiral, loadIris } from "../../src/data";

test("addBias: N×D -> N×(D+1) with a last column of ones", () => {
  const X = matrix([[1, 2], [3, 4], [5, 6]]);
  const Xb = addBias(X);
  assert.equal(Xb.rows, 3);
  assert.equal(Xb.cols, 3);
  assert.deepEqual(Array.from(Xb.data), [1, 2, 1, 3, 4, 1, 5, 6, 1]);
  assert.deepEqual(Array.from(X.data), [1, 2, 3, 4, 5, 6]); // input unchanged
  // the slide's CIFAR-10 shape: 3072 + 1 = 3073
  assert.equal(addBias(matrix(2, 3072, new Float64Array(6144))).cols, 3073);
  assert.throws(() => addBias([[1, 2]] as never), /addBias: X must be a Matrix/);
});

test("polar: (x, y) -> (r, θ) with θ = atan2(y, x)", () => {
  const P = polar(matrix([[3, 4], [0, -2], [-1, 0]]));
  // (3,4): r = 5, θ = atan2(4,3) = 0.9273; (0,-2): r = 2, θ = -π/2; (-1,0): r = 1, θ = π
  const want = [5, Math.atan2(4, 3), 2, -Math.PI / 2, 1, Math.PI];
  Array.from(P.data).forEach((v, k) => assert.ok(Math.abs(v - want[k]) < 1e-15, `${k}: ${v}`));
  assert.throws(() => polar(matrix([[1, 2, 3]])), /polar: X must be N×2 \(columns x, y\), got 1×3/);
});

test("trainTestSplit: sizes, determinism by seed, every example used once", () => {
  const data = spiral({ pointsPerClass: 50, classes: 2, seed: 0 });
  const a = trainTestSplit(data, { seed: 7 });
  // 100 points, testFraction 0.2: 20 test, 80 train
  assert.equal(a.test.X.rows, 20);
  assert.equal(a.train.X.rows, 80);
  assert.equal(a.train.y.length, 80);
  assert.deepEqual(a.test.X.data, trainTestSplit(data, { seed: 7 }).test.X.data);
  assert.notDeepEqual(a.test.X.data, trainTestSplit(data, { seed: 8 }).test.X.data);
  // the x-coordinates of both parts, sorted, are those of the whole
  const xs = (d: Float64Array) => Array.from(d).filter((_, k) => k % 2 === 0);
  const sorted = (v: number[]) => v.map((t) => t + 0).sort((p, q) => p - q); // + 0 turns -0 into 0
  assert.deepEqual(sorted([...xs(a.train.X.data), ...xs(a.test.X.data)]), sorted(xs(data.X.data)));
  const iris = trainTestSplit(loadIris(), { testSize: 30, seed: 0 });
  assert.equal(iris.test.X.rows, 30);
  assert.deepEqual(iris.test.classNames, ["setosa", "versicolor", "virginica"]);
});

test("trainTestSplit: bad options are named", () => {
  const data = spiral({ pointsPerClass: 5, classes: 2 });
  assert.throws(() => trainTestSplit(data, { testFration: 0.1 } as never), /trainTestSplit: unknown option "testFration"/);
  assert.throws(() => trainTestSplit(data, { testFraction: 1.5 }), /trainTestSplit: testFraction must be in \[0, 1\], got 1.5/);
  assert.throws(() => trainTestSplit(data, { testSize: 11 }), /trainTestSplit: testSize must be a whole number in \[0, 10\], got 11/);
  assert.throws(() => trainTestSplit({ ...data, y: new Int32Array(3) }), /trainTestSplit: data.y must be an Int32Array of 10 labels/);
});
