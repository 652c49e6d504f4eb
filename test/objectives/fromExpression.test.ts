import { test } from "node:test";
import assert from "node:assert/strict";
import { fromExpression, beale, himmelblau } from "../../src/objectives";
import { gradCheck } from "../../src/gradients";

test("fromExpression: the saddle, differentiated symbolically", () => {
  const o = fromExpression("x^2 - y^2");
  assert.deepEqual(o.variables, ["x", "y"]);
  assert.deepEqual(o.gradientExpressions, ["2 * x", "-(2 * y)"]);
  assert.deepEqual(o.hessianExpressions, [["2", "0"], ["0", "-2"]]);
  assert.equal(o.latex, "{ x}^{2}-{ y}^{2}");
  // f(1, 2) = 1 − 4 = −3, ∇f = (2, −4)
  assert.equal(o.f(Float64Array.of(1, 2)), -3);
  assert.deepEqual(Array.from(o.grad(Float64Array.of(1, 2))), [2, -4]);
  assert.deepEqual(Array.from(o.hess!(Float64Array.of(1, 2)).data), [2, 0, 0, -2]);
});

test("fromExpression agrees with the hand-derived Beale and Himmelblau, and passes the gradient check", () => {
  const b = fromExpression("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2");
  const h = fromExpression("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");
  for (const p of [[1, 2], [-0.5, 0.7], [2.5, 0.3]]) {
    const x = Float64Array.from(p);
    for (const [sym, hand] of [[b, beale], [h, himmelblau]] as const) {
      assert.ok(Math.abs(sym.f(x) - hand.f(x)) < 1e-9 * (1 + Math.abs(hand.f(x))));
      const gs = sym.grad(x), gh = hand.grad(x);
      for (let i = 0; i < 2; i++) assert.ok(Math.abs(gs[i] - gh[i]) < 1e-9 * (1 + Math.abs(gh[i])), `${sym.name} grad ${p}`);
      const Hs = sym.hess!(x).data, Hh = hand.hess!(x).data;
      for (let i = 0; i < 4; i++) assert.ok(Math.abs(Hs[i] - Hh[i]) < 1e-9 * (1 + Math.abs(Hh[i])), `${sym.name} hess ${p}`);
      assert.equal(gradCheck(sym.f, sym.grad, x).verdict, "right");
    }
  }
  const s = fromExpression("sin(x) * exp(y) + pi * z", { variables: ["z", "y", "x"] });
  // ∂/∂z = π, ∂/∂y = sin(x) e^y, ∂/∂x = cos(x) e^y at (z, y, x) = (1, 0, 0): (π, 0, 1)
  const g = s.grad(Float64Array.of(1, 0, 0));
  assert.ok(Math.abs(g[0] - Math.PI) < 1e-15 && g[1] === 0 && g[2] === 1);
});

test("fromExpression: errors quote the expression", () => {
  assert.throws(() => fromExpression("x^^2"), /^SyntaxError: fromExpression: cannot parse "x\^\^2": Value expected/);
  assert.throws(() => fromExpression("x^2 - z", { variables: ["x", "y"] }), /fromExpression: unknown variable "z" in "x\^2 - z"; expected one of x, y/);
  assert.throws(() => fromExpression("2 + pi"), /fromExpression: "2 \+ pi" has no variables/);
  assert.throws(() => fromExpression(""), /fromExpression: expression must be a non-empty string/);
  assert.throws(() => fromExpression("x*y").f(Float64Array.of(1)), /fromExpression: x must have length 2, got 1/);
});
