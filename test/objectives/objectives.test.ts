import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  quadratic2d, quadratic, rosenbrock, saddle, beale, himmelblau, localMinimum1d, type Objective,
} from "../../src/objectives";

interface Case { x: number[]; f: number; grad: number[]; hess: number[][] }
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../../test/fixtures/objectives/objectives.json"), "utf8"),
) as Record<string, Case[]>;

/** |got − expected| ≤ tol·(1 + |expected|), printing x, got, expected on failure. */
function close(got: number, expected: number, tol: number, what: string): void {
  assert.ok(
    Math.abs(got - expected) <= tol * (1 + Math.abs(expected)),
    `${what}: got ${got}, expected ${expected}`,
  );
}

function checkAgainst(obj: Objective, cases: Case[]): void {
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const x = Float64Array.from(c.x);
    close(obj.f(x), c.f, 1e-13, `${obj.name} f(${c.x})`);
    const g = obj.grad(x);
    assert.equal(g.length, obj.dim);
    c.grad.forEach((e, i) => close(g[i], e, 1e-13, `${obj.name} grad(${c.x})[${i}]`));
    const H = obj.hess!(x);
    assert.equal(H.rows, obj.dim);
    assert.equal(H.cols, obj.dim);
    c.hess.forEach((r, i) => r.forEach((e, j) => close(H.data[i * obj.dim + j], e, 1e-13, `${obj.name} hess(${c.x})[${i}][${j}]`)));
  }
}

test("f, gradient and Hessian match PyTorch autograd and SciPy's rosen/rosen_der/rosen_hess", () => {
  checkAgainst(quadratic2d, fixture.quadratic2d);
  checkAgainst(saddle, fixture.saddle);
  checkAgainst(beale, fixture.beale);
  checkAgainst(himmelblau, fixture.himmelblau);
  checkAgainst(localMinimum1d, fixture.localMinimum1d);
  checkAgainst(rosenbrock(), fixture.rosenbrock2);
  checkAgainst(rosenbrock(5), fixture.rosenbrock5);
});

test("the stated minima are minima: f there is the stated value and the gradient vanishes", () => {
  const objs = [quadratic2d, rosenbrock(), rosenbrock(7), beale, himmelblau, localMinimum1d];
  for (const o of objs) {
    const m = o.minimum!;
    close(o.f(m.x), m.f, 1e-12, `${o.name} f(x*)`);
    for (const xm of o.localMinima ?? [m.x]) {
      const g = o.grad(xm);
      for (let i = 0; i < g.length; i++) assert.ok(Math.abs(g[i]) < 1e-9, `${o.name} grad(${Array.from(xm)})[${i}] = ${g[i]}`);
      // A minimum has a positive definite Hessian; in 1-D and 2-D: positive diagonal and determinant.
      const H = o.hess!(xm);
      assert.ok(H.data[0] > 0, `${o.name} H[0][0] at ${Array.from(xm)}`);
      if (o.dim === 2) assert.ok(H.data[0] * H.data[3] - H.data[1] * H.data[2] > 0, `${o.name} det H`);
    }
  }
  // The saddle has no minimum; its Hessian has one eigenvalue of each sign.
  assert.equal(saddle.minimum, undefined);
  assert.deepEqual(Array.from(saddle.hess!(Float64Array.of(0, 0)).data), [2, 0, 0, -2]);
  // Each 2-D window contains the minima.
  for (const o of [quadratic2d, rosenbrock(), beale, himmelblau]) {
    for (const xm of o.localMinima ?? [o.minimum!.x]) {
      assert.ok(xm[0] >= o.window!.x[0] && xm[0] <= o.window!.x[1] && xm[1] >= o.window!.y![0] && xm[1] <= o.window!.y![1]);
    }
  }
});

test("quadratic from a Hessian: ½(x−c)ᵀH(x−c)", () => {
  const q = quadratic([[2, 1], [1, 3]], { center: [1, -1] });
  // x − c = (1, 2); H(x − c) = (2·1 + 1·2, 1·1 + 3·2) = (4, 7); f = ½(1·4 + 2·7) = 9
  assert.equal(q.f(Float64Array.of(2, 1)), 9);
  assert.deepEqual(Array.from(q.grad(Float64Array.of(2, 1))), [4, 7]);
  assert.deepEqual(Array.from(q.minimum!.x), [1, -1]);
  // Indefinite H: no minimum.
  assert.equal(quadratic([[1, 0], [0, -1]]).minimum, undefined);
  assert.throws(() => quadratic([[1, 2], [0, 1]]), /quadratic: H must be symmetric, H\[0\]\[1\] = 2 but H\[1\]\[0\] = 0/);
  assert.throws(() => quadratic([[1, 2, 3], [2, 1, 0]]), /quadratic: H must be square, got 2×3/);
  assert.throws(() => quadratic([[1, 0], [0, 1]], { center: [1] }), /quadratic: center must have length 2, got 1/);
  assert.throws(() => quadratic([[NaN, 0], [0, 1]]), /quadratic: H\[0\]\[0\] must be finite, got NaN/);
});

test("bad input: wrong x length and bad n", () => {
  assert.throws(() => beale.f(Float64Array.of(1, 2, 3)), /beale: x must have length 2, got 3/);
  assert.throws(() => himmelblau.grad(Float64Array.of(1)), /himmelblau: x must have length 2, got 1/);
  assert.throws(() => rosenbrock(3).hess!(Float64Array.of(1, 2)), /rosenbrock: x must have length 3, got 2/);
  assert.throws(() => localMinimum1d.f(Float64Array.of(1, 2)), /localMinimum1d: x must have length 1, got 2/);
  assert.throws(() => rosenbrock(1), /rosenbrock: n must be a whole number >= 2, got 1/);
  assert.throws(() => rosenbrock(2.5), /rosenbrock: n must be a whole number >= 2, got 2.5/);
});
