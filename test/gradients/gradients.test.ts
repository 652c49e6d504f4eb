import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { numericalGradient, relativeError, gradCheck, verdictOf } from "../../src/gradients";
import { rosenbrock } from "../../src/objectives";

interface Case {
  function: string; x: number[]; h: number;
  centered: number[]; forward: number[]; scipyCentered: number[]; scipyForward: number[];
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../../test/fixtures/numerical-gradient/numerical-gradient.json"), "utf8"),
) as { cases: Case[] };

/** g(x) = Σ sin(x_i) x_i² + (Σ x_i)², as in make.py */
function sinsq(x: Float64Array): number {
  let a = 0, s = 0;
  for (let i = 0; i < x.length; i++) {
    a += Math.sin(x[i]) * x[i] * x[i];
    s += x[i];
  }
  return a + s * s;
}
const functions: Record<string, (x: Float64Array) => number> = { rosen: (x) => rosenbrock(x.length).f(x), sinsq };

test("numericalGradient matches the CS231n formula in NumPy and SciPy's approx_fprime / approx_derivative", () => {
  assert.equal(fixture.cases.length, 4);
  for (const c of fixture.cases) {
    const f = functions[c.function];
    for (const scheme of ["centered", "forward"] as const) {
      const got = numericalGradient(f, c.x, { h: c.h, scheme });
      const scipy = scheme === "centered" ? c.scipyCentered : c.scipyForward;
      c[scheme].forEach((e, i) => {
        // f evaluated in a different order rounds differently; the difference quotient scales that by 1/h.
        const tol = 1e-15 * 100 / c.h;
        assert.ok(Math.abs(got[i] - e) <= tol * (1 + Math.abs(e)), `${c.function} ${scheme} h=${c.h} [${i}]: got ${got[i]}, expected ${e}`);
        assert.ok(Math.abs(got[i] - scipy[i]) <= 1e-8 * (1 + Math.abs(e)), `vs SciPy [${i}]: got ${got[i]}, SciPy ${scipy[i]}`);
      });
    }
  }
});

test("numericalGradient: worked example, error orders, x restored exactly", () => {
  // f(x) = x³ at x = 1, h = 0.1: forward (1.1³ − 1)/0.1 = 3.31, centered (1.1³ − 0.9³)/0.2 = 3.01; exact 3.
  const cube = (x: Float64Array) => x[0] ** 3;
  assert.ok(Math.abs(numericalGradient(cube, [1], { h: 0.1, scheme: "forward" })[0] - 3.31) < 1e-12);
  assert.ok(Math.abs(numericalGradient(cube, [1], { h: 0.1 })[0] - 3.01) < 1e-12);
  // Halving h: forward error halves (O(h)), centered error quarters (O(h²)).
  const errF = (h: number) => Math.abs(numericalGradient(cube, [1], { h, scheme: "forward" })[0] - 3);
  const errC = (h: number) => Math.abs(numericalGradient(cube, [1], { h })[0] - 3);
  assert.ok(Math.abs(errF(1e-2) / errF(5e-3) - 2) < 0.02);
  assert.ok(Math.abs(errC(1e-2) / errC(5e-3) - 4) < 0.01);
  // x is perturbed in place and put back bit for bit, even where x + h − h ≠ x.
  const x = Float64Array.of(0.1, 1 / 3, 1e10);
  const before = x.slice();
  const seen: number[] = [];
  numericalGradient((v) => { seen.push(v[1]); return v[0] + v[1] + v[2]; }, x, { h: 1e-5 });
  assert.deepEqual(Array.from(x), Array.from(before));
  assert.ok(seen.includes(1 / 3 + 1e-5) && seen.includes(1 / 3 - 1e-5), "f saw the perturbed x in place");
});

test("relativeError: max_i |a−b| / max(1e-8, |a|+|b|)", () => {
  // |1 − 1.1| / 2.1 = 0.047619…, |100 − 100.01| / 200.01 = 5.0e-5; the max is the first.
  assert.ok(Math.abs(relativeError([1, 100], [1.1, 100.01]) - 0.1 / 2.1) < 1e-15);
  assert.equal(relativeError(0, 0), 0);
  assert.equal(relativeError(1e-10, 0), 1e-10 / 1e-8); // the floor
  assert.ok(Number.isNaN(relativeError([1, NaN], [1, 1])));
  assert.throws(() => relativeError([1, 2], [1]), /relativeError: a has length 2 but b has length 1/);
});

test("gradCheck: verdict bands, full and sampled checks", () => {
  assert.equal(verdictOf(0.5), "wrong");
  assert.equal(verdictOf(1e-3), "suspicious");
  assert.equal(verdictOf(1e-6), "fine-with-kinks");
  assert.equal(verdictOf(1e-9), "right");
  assert.equal(verdictOf(NaN), "wrong");
  const f = (x: Float64Array) => x.reduce((s, v) => s + v * v * v, 0);
  const right = (x: Float64Array) => x.map((v) => 3 * v * v);
  const wrong = (x: Float64Array) => x.map((v) => 2 * v * v); // a forgotten factor
  const x = [0.5, -1, 2];
  const good = gradCheck(f, right, x);
  assert.equal(good.entries.length, 3);
  assert.equal(good.sampled, false);
  assert.equal(good.verdict, "right");
  assert.ok(good.maxRelativeError < 1e-9);
  const bad = gradCheck(f, wrong, x);
  // |2 − 3|/(2 + 3) = 0.2 at every coordinate
  assert.ok(Math.abs(bad.maxRelativeError - 0.2) < 1e-9);
  assert.equal(bad.verdict, "wrong");
  // A precomputed gradient works too.
  assert.equal(gradCheck(f, right(Float64Array.from(x)), x).verdict, "right");
  // 1000 coordinates: 10 sampled by default, distinct, reproducible with the seed.
  const big = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i));
  let calls = 0;
  const r1 = gradCheck((v) => { calls++; return f(v); }, right, big, { seed: 3 });
  assert.equal(r1.sampled, true);
  assert.equal(r1.entries.length, 10);
  assert.equal(calls, 20, "two evaluations per sampled coordinate");
  assert.equal(new Set(r1.entries.map((e) => e.index)).size, 10);
  assert.deepEqual(gradCheck(f, right, big, { seed: 3 }).entries.map((e) => e.index), r1.entries.map((e) => e.index));
  assert.notDeepEqual(gradCheck(f, right, big, { seed: 4 }).entries.map((e) => e.index), r1.entries.map((e) => e.index));
  assert.equal(gradCheck(f, right, big, { samples: 25 }).entries.length, 25);
});

test("bad input: h <= 0, wrong scheme, wrong lengths, bad samples", () => {
  const f = (x: Float64Array) => x[0];
  assert.throws(() => numericalGradient(f, [1], { h: 0 }), /^RangeError: numericalGradient: h must be a finite number > 0, got 0/);
  assert.throws(() => numericalGradient(f, [1], { h: -1e-5 }), /numericalGradient: h must be a finite number > 0, got -0.00001/);
  assert.throws(() => numericalGradient(f, [1], { scheme: "backward" as "forward" }), /numericalGradient: scheme must be "centered" or "forward", got "backward"/);
  assert.throws(() => numericalGradient(f, "1" as unknown as number[]), /numericalGradient: x must be a Float64Array or number\[\]/);
  assert.throws(() => numericalGradient(1 as unknown as typeof f, [1]), /numericalGradient: f must be a function/);
  assert.throws(() => gradCheck(f, [1, 2], [1]), /gradCheck: the analytic gradient has length 2 but x has length 1/);
  assert.throws(() => gradCheck(f, [1], [1], { h: NaN }), /gradCheck: h must be a finite number > 0, got NaN/);
  assert.throws(() => gradCheck(f, [1], [1], { samples: 0 }), /gradCheck: samples must be a whole number >= 1, got 0/);
  assert.throws(() => gradCheck(f, [], []), /gradCheck: x must have at least one entry, got 0/);
});
