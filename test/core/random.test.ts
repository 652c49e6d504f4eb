import { test } from "node:test";
import assert from "node:assert/strict";
import { rng } from "../../src/core/random";

test("the same seed gives the same numbers", () => {
  const a = rng(42), b = rng(42);
  for (let i = 0; i < 5; i++) assert.equal(a.random(), b.random());
  assert.notEqual(rng(1).random(), rng(2).random());
});

test("uniforms lie in [0, 1) with mean near 1/2; normals have mean 0 and std 1", () => {
  const r = rng(7);
  const u = r.uniforms(100000);
  let mean = 0;
  for (const v of u) {
    assert.ok(v >= 0 && v < 1);
    mean += v / u.length;
  }
  assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  const z = r.normals(100000);
  let m = 0, s = 0;
  for (const v of z) m += v / z.length;
  for (const v of z) s += (v - m) ** 2 / z.length;
  assert.ok(Math.abs(m) < 0.01, `mean ${m}`);
  assert.ok(Math.abs(Math.sqrt(s) - 1) < 0.01, `std ${Math.sqrt(s)}`);
});

test("permutation holds every index once; integer stays in range", () => {
  const p = rng(3).permutation(50);
  assert.deepEqual(Array.from(p).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  const r = rng(4);
  for (let i = 0; i < 1000; i++) {
    const k = r.integer(-2, 3);
    assert.ok(Number.isInteger(k) && k >= -2 && k < 3);
  }
  assert.throws(() => r.integer(3, 3), /integer: high must be > low/);
  assert.throws(() => rng(NaN), /rng: seed must be a finite number/);
});
