import { test } from "node:test";
import assert from "node:assert/strict";
import { matrix, transpose, toArray, shapeOf, row, zeros } from "../../src/core/matrix";
import { linspace, dot, norm2, normInf, checkSameLength } from "../../src/core/vector";

test("matrix is row-major; transpose and rows", () => {
  const m = matrix([[1, 2, 3], [4, 5, 6]]);
  assert.equal(shapeOf(m), "2×3");
  assert.deepEqual(Array.from(m.data), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(toArray(transpose(m)), [[1, 4], [2, 5], [3, 6]]);
  row(m, 1)[0] = 40;
  assert.equal(m.data[3], 40);
  assert.throws(() => matrix([[1, 2], [3]]), /row 1 has 1 entries, row 0 has 2/);
  assert.throws(() => matrix(2, 2, [1, 2, 3]), /rows\*cols = 4 entries, got 3/);
  assert.throws(() => zeros(-1, 2), /rows must be a whole number/);
});

test("vectors: linspace as NumPy's, dot and norms", () => {
  // np.linspace(-0.4, 0.6, 5) = [-0.4, -0.15, 0.1, 0.35, 0.6]
  const v = linspace(-0.4, 0.6, 5);
  [-0.4, -0.15, 0.1, 0.35, 0.6].forEach((e, i) => assert.ok(Math.abs(v[i] - e) < 1e-15));
  assert.equal(dot([1, 2, 3], [4, 5, 6]), 32);
  assert.equal(norm2([3, 4]), 5);
  assert.equal(normInf([1, -7, 3]), 7);
  assert.throws(() => checkSameLength("f", [1, 2, 3], [1, 2], ["x", "dx"]), /f: x has length 3 but dx has length 2/);
});
