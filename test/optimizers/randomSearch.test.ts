import { test } from "node:test";
import assert from "node:assert/strict";
import { randomSearch } from "../../src/optimizers/randomSearch";
import { randomLocalSearch } from "../../src/optimizers/randomLocalSearch";
import { matrix, type Matrix } from "../../src/core/matrix";

// A loss with a known minimum at W = [[1, 2]]: L = (w0 − 1)² + (w1 − 2)².
const L = (W: Matrix) => (W.data[0] - 1) ** 2 + (W.data[1] - 2) ** 2;

test("randomSearch keeps the best of its attempts and records every loss", async () => {
  const r = await randomSearch(L, { rows: 1, cols: 2, attempts: 200, scale: 2, seed: 1 });
  assert.equal(r.losses.length, 200);
  assert.equal(r.bestLoss, Math.min(...r.losses));
  assert.equal(L(r.best), r.bestLoss);
  // bestLosses is the running minimum
  r.bestLosses.forEach((b, i) => assert.equal(b, Math.min(...r.losses.slice(0, i + 1))));
  // the same seed gives the same search
  assert.deepEqual((await randomSearch(L, { rows: 1, cols: 2, attempts: 200, scale: 2, seed: 1 })).losses, r.losses);
});

test("randomLocalSearch only goes downhill and does better than where it started", async () => {
  const W0 = matrix([[0, 0]]);
  const r = await randomLocalSearch(L, { W0, attempts: 500, stepSize: 0.1, seed: 2 });
  assert.deepEqual(Array.from(W0.data), [0, 0], "W0 unchanged");
  for (let i = 1; i < r.bestLosses.length; i++) assert.ok(r.bestLosses[i] <= r.bestLosses[i - 1]);
  assert.ok(r.bestLoss < 0.05 * L(W0), `best ${r.bestLoss} against start ${L(W0)}`);
});

test("bad options get clear errors", async () => {
  await assert.rejects(randomSearch(L, { rows: 0, cols: 2 }), /randomSearch: rows must be a whole number >= 1, got 0/);
  await assert.rejects(randomSearch(L, { rows: 1, cols: 2, scale: -1 }), /randomSearch: scale must be a positive number, got -1/);
  await assert.rejects(randomLocalSearch(L, { W0: matrix([[0, 0]]), attempts: 0 }), /randomLocalSearch: attempts must be/);
});
