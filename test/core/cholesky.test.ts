import { test } from "node:test";
import assert from "node:assert/strict";
import { cholesky, choleskySolve } from "../../src/core/cholesky";
import { matrix } from "../../src/core/matrix";

test("cholesky factors a 2×2 positive definite matrix by hand", () => {
  // A = [[4, 2], [2, 3]]: L00 = √4 = 2, L10 = 2/2 = 1, L11 = √(3 − 1²) = √2
  const L = cholesky(matrix([[4, 2], [2, 3]]));
  assert.ok(L);
  assert.deepEqual(Array.from(L.data), [2, 0, 1, Math.SQRT2]);
  // A x = b with b = [2, 5]: x = [−0.5, 2] (4·−0.5 + 2·2 = 2, 2·−0.5 + 3·2 = 5)
  const x = choleskySolve(L, [2, 5]);
  assert.ok(Math.abs(x[0] + 0.5) < 1e-15 && Math.abs(x[1] - 2) < 1e-15, `got ${x}`);
});

test("cholesky returns null when the matrix is not positive definite", () => {
  assert.equal(cholesky(matrix([[1, 2], [2, 1]])), null); // eigenvalues 3 and −1
  assert.equal(cholesky(matrix([[0, 0], [0, 1]])), null); // semi-definite
  assert.equal(cholesky(matrix([[NaN, 0], [0, 1]])), null);
});

test("choleskySolve solves a 3×3 system to rounding", () => {
  const A = matrix([[6, 2, 1], [2, 5, 2], [1, 2, 4]]);
  const xTrue = [1, -2, 3];
  const b = [6 - 4 + 3, 2 - 10 + 6, 1 - 4 + 12];
  const x = choleskySolve(cholesky(A)!, b);
  xTrue.forEach((v, i) => assert.ok(Math.abs(x[i] - v) < 1e-13, `x[${i}] = ${x[i]}, expected ${v}`));
});

test("cholesky and choleskySolve reject bad shapes", () => {
  assert.throws(() => cholesky(matrix([[1, 2, 3]])), /^RangeError: cholesky: A must be square, got 1×3/);
  assert.throws(() => choleskySolve(matrix([[1, 0], [0, 1]]), [1, 2, 3]), /choleskySolve: L is 2×2 but b has length 3/);
});
