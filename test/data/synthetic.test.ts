import { test } from "node:test";
import assert from "node:assert/strict";
import { spiral, circles, blobs, loadDataset } from "../../src/data";

test("spiral: K*N points; point i of each arm has radius i/(N-1) and angle near 4j + 4i/(N-1)", () => {
  const N = 100, K = 3;
  const s = spiral({ pointsPerClass: N, classes: K, seed: 0 });
  assert.equal(s.X.rows, 300);
  assert.equal(s.X.cols, 2);
  assert.equal(s.numClasses, 3);
  let sq = 0;
  for (let j = 0; j < K; j++) {
    for (let i = 0; i < N; i++) {
      const ix = j * N + i;
      assert.equal(s.y[ix], j);
      const [x, y] = [s.X.data[2 * ix], s.X.data[2 * ix + 1]];
      const r = i / (N - 1);
      assert.ok(Math.abs(Math.hypot(x, y) - r) < 1e-12);
      if (r > 0.05) {
        // x = r sin t, y = r cos t, so t = atan2(x, y); compare modulo 2π with the noiseless angle
        const t0 = j * 4 + (4 * i) / (N - 1);
        let d = Math.atan2(x, y) - t0;
        d = Math.atan2(Math.sin(d), Math.cos(d));
        sq += d * d;
      }
    }
  }
  // the angle noise has standard deviation 0.2: the sample std over ~290 points is 0.2 ± 0.03
  const std = Math.sqrt(sq / (K * (N - 5)));
  assert.ok(std > 0.16 && std < 0.24, `angle noise std ${std}`);
});

test("spiral: deterministic by seed; noise 0 gives the exact curve", () => {
  assert.deepEqual(spiral({ seed: 5 }).X.data, spiral({ seed: 5 }).X.data);
  assert.notDeepEqual(spiral({ seed: 5 }).X.data, spiral({ seed: 6 }).X.data);
  const s = spiral({ pointsPerClass: 3, classes: 1, noise: 0 });
  // r = [0, 0.5, 1], t = [0, 2, 4]: (r sin t, r cos t)
  const want = [0, 0, 0.5 * Math.sin(2), 0.5 * Math.cos(2), Math.sin(4), Math.cos(4)];
  Array.from(s.X.data).forEach((v, k) => assert.ok(Math.abs(v - want[k]) < 1e-15));
});

test("circles: class 0 on the inner circle, class 1 on the outer, red and blue", () => {
  const c = circles({ pointsPerClass: 200, innerRadius: 0.5, outerRadius: 1, noise: 0.05, seed: 1 });
  assert.equal(c.X.rows, 400);
  assert.deepEqual(c.classNames, ["inner", "outer"]);
  const meanR = [0, 0];
  for (let i = 0; i < 400; i++) meanR[c.y[i]] += Math.hypot(c.X.data[2 * i], c.X.data[2 * i + 1]) / 200;
  assert.ok(Math.abs(meanR[0] - 0.5) < 0.02, `inner ${meanR[0]}`);
  assert.ok(Math.abs(meanR[1] - 1) < 0.02, `outer ${meanR[1]}`);
  // the mean point of each class is near the origin (no line separates the classes)
  let mx = 0, my = 0;
  for (let i = 0; i < 200; i++) { mx += c.X.data[2 * i] / 200; my += c.X.data[2 * i + 1] / 200; }
  assert.ok(Math.hypot(mx, my) < 0.1);
  assert.throws(() => circles({ innerRadius: 2, outerRadius: 1 }), /circles: innerRadius must be < outerRadius, got 2 and 1/);
});

test("blobs: given centres, the class means are near them", () => {
  const b = blobs({ pointsPerClass: 400, centers: [[0, 0], [5, 5], [-5, 5]], std: 0.5, seed: 2 });
  assert.equal(b.X.rows, 1200);
  assert.equal(b.numClasses, 3);
  const centres = [[0, 0], [5, 5], [-5, 5]];
  for (let k = 0; k < 3; k++) {
    let mx = 0, my = 0;
    for (let i = k * 400; i < (k + 1) * 400; i++) { mx += b.X.data[2 * i] / 400; my += b.X.data[2 * i + 1] / 400; }
    // standard error of the mean is 0.5 / √400 = 0.025
    assert.ok(Math.abs(mx - centres[k][0]) < 0.1 && Math.abs(my - centres[k][1]) < 0.1, `class ${k}: ${mx}, ${my}`);
  }
  const r = blobs({ centers: 4, dim: 3, seed: 0 });
  assert.equal(r.X.cols, 3);
  assert.equal(r.numClasses, 4);
  assert.throws(() => blobs({ centers: [[0, 0], [1]] }), /blobs: centers must be/);
  assert.throws(() => blobs({ centers: [[0, 0]], dim: 3 }), /blobs: dim is 3 but the centers have dimension 2/);
});

test("synthetic sets: bad options are named", () => {
  assert.throws(() => spiral({ clases: 3 } as never), /spiral: unknown option "clases"; expected one of pointsPerClass, classes, noise, seed/);
  assert.throws(() => spiral({ classes: 0 }), /spiral: classes must be a whole number >= 1, got 0/);
  assert.throws(() => spiral({ noise: -1 }), /spiral: noise must be a finite number >= 0, got -1/);
  assert.throws(() => blobs({ std: NaN }), /blobs: std must be a finite number >= 0, got NaN/);
});

test("loadDataset: by name, same as calling the loader; unknown names are listed", () => {
  assert.deepEqual(loadDataset("spiral", { seed: 3 }).X.data, spiral({ seed: 3 }).X.data);
  assert.equal(loadDataset("iris").X.rows, 150);
  assert.equal(loadDataset("mnist", { trainSize: 10, testSize: 5 }).test.y.length, 5);
  assert.throws(() => loadDataset("mnst" as never), /loadDataset: unknown dataset "mnst"; known: mnist, iris, spiral, circles, blobs/);
  assert.throws(() => loadDataset("toString" as never), /loadDataset: unknown dataset "toString"/);
});
