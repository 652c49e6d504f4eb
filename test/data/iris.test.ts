import { test } from "node:test";
import assert from "node:assert/strict";
import { loadIris } from "../../src/data";

test("loadIris: 150×4, three classes of 50, first row is Fisher's 5.1 3.5 1.4 0.2 setosa", () => {
  const iris = loadIris();
  assert.equal(iris.X.rows, 150);
  assert.equal(iris.X.cols, 4);
  assert.equal(iris.numClasses, 3);
  assert.deepEqual(iris.classNames, ["setosa", "versicolor", "virginica"]);
  assert.deepEqual(Array.from(iris.X.data.subarray(0, 4)), [5.1, 3.5, 1.4, 0.2]);
  const counts = [0, 0, 0];
  for (const l of iris.y) counts[l]++;
  assert.deepEqual(counts, [50, 50, 50]);
  assert.equal(iris.y[0], 0);
  assert.equal(iris.y[149], 2);
  // mean sepal length over all 150 flowers is 5.8433 (876.5 / 150)
  let s = 0;
  for (let i = 0; i < 150; i++) s += iris.X.data[i * 4];
  assert.ok(Math.abs(s - 876.5) < 1e-9, `sum ${s}`);
});

test("loadIris: takes no options", () => {
  assert.throws(() => loadIris({ seed: 1 } as never), /loadIris: unknown option "seed"; it takes no options/);
});
