import { test } from "node:test";
import assert from "node:assert/strict";
import {
  adagrad, adam, adamw, momentum, momentumVelocity, nesterov, rmsprop, sgd, type Optimizer,
} from "../../src/optimizers";

// Bad arguments throw before any state changes, with the rule's name, the argument and what
// was expected in the message.

const rules: Record<string, (o: Record<string, unknown>) => Optimizer> = {
  sgd, momentum, momentumVelocity, nesterov, adagrad, rmsprop, adam, adamw,
} as unknown as Record<string, (o: Record<string, unknown>) => Optimizer>;

test("learningRate: non-positive, NaN, Infinity or missing is refused by every rule", () => {
  for (const [name, make] of Object.entries(rules)) {
    for (const bad of [0, -0.1, NaN, Infinity, "0.1"]) {
      assert.throws(
        () => make({ learningRate: bad }),
        new RegExp(`^RangeError: ${name}: learningRate must be a positive number or a schedule \\(t\\) => number, got ${bad}$`),
      );
    }
  }
  for (const name of ["sgd", "momentum", "momentumVelocity", "nesterov", "adagrad", "rmsprop"]) {
    assert.throws(() => rules[name]({}), new RegExp(`^RangeError: ${name}: learningRate .* got undefined$`));
  }
  // adam and adamw default to 1e-3
  assert.doesNotThrow(() => adam());
  assert.doesNotThrow(() => adamw());
});

test("rho, beta1, beta2 and decayRate outside [0, 1) are refused", () => {
  for (const bad of [1, 1.5, -0.1, NaN]) {
    assert.throws(() => momentum({ learningRate: 0.1, rho: bad }), new RegExp(`^RangeError: momentum: rho must be in \\[0, 1\\), got ${bad}$`));
    assert.throws(() => momentumVelocity({ learningRate: 0.1, rho: bad }), /momentumVelocity: rho must be in \[0, 1\)/);
    assert.throws(() => nesterov({ learningRate: 0.1, rho: bad }), /nesterov: rho must be in \[0, 1\)/);
    assert.throws(() => rmsprop({ learningRate: 0.1, decayRate: bad }), /rmsprop: decayRate must be in \[0, 1\)/);
    assert.throws(() => adam({ beta1: bad }), /adam: beta1 must be in \[0, 1\)/);
    assert.throws(() => adam({ beta2: bad }), /adam: beta2 must be in \[0, 1\)/);
    assert.throws(() => adamw({ beta1: bad }), /adamw: beta1 must be in \[0, 1\)/);
    assert.throws(() => adamw({ beta2: bad }), /adamw: beta2 must be in \[0, 1\)/);
  }
  assert.throws(() => momentum({ learningRate: 0.1, rho: 1.5 }), /^RangeError: momentum: rho must be in \[0, 1\), got 1\.5$/);
  // 0 is allowed: momentum with rho = 0 is plain SGD
  assert.doesNotThrow(() => momentum({ learningRate: 0.1, rho: 0 }));
});

test("negative or NaN eps and weightDecay are refused", () => {
  assert.throws(() => adagrad({ learningRate: 0.1, eps: -1e-7 }), /^RangeError: adagrad: eps must be a finite number >= 0, got -1e-7$/);
  assert.throws(() => rmsprop({ learningRate: 0.1, eps: -1 }), /rmsprop: eps must be a finite number >= 0, got -1/);
  assert.throws(() => adam({ eps: NaN }), /adam: eps must be a finite number >= 0, got NaN/);
  assert.throws(() => adamw({ eps: -1 }), /adamw: eps must be/);
  assert.throws(() => adamw({ weightDecay: -0.01 }), /adamw: weightDecay must be a finite number >= 0, got -0\.01/);
  assert.doesNotThrow(() => adam({ eps: 0 }));
});

test("x and dx of different lengths: both lengths in the message, x and the state untouched", () => {
  for (const [name, make] of Object.entries(rules)) {
    const rule = make({ learningRate: 0.1 });
    const x = Float64Array.of(1, 2, 3);
    rule.step(x, Float64Array.of(1, 1, 1)); // one good step, so the state exists
    const before = x.slice();
    const state = JSON.stringify(rule as unknown as { state: unknown }, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));
    assert.throws(() => rule.step(x, Float64Array.of(1, 2)), new RegExp(`^RangeError: ${name}: x has length 3 but dx has length 2$`));
    assert.deepEqual(x, before, `${name} changed x`);
    const after = JSON.stringify(rule as unknown as { state: unknown }, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));
    assert.equal(after, state, `${name} changed its state`);
  }
});

test("x and dx must be Float64Arrays; a state array of the wrong length is named", () => {
  const rule = momentum({ learningRate: 0.1 });
  assert.throws(() => rule.step([1, 2] as unknown as Float64Array, Float64Array.of(1, 2)), /^TypeError: momentum: x must be a Float64Array, got an Array/);
  assert.throws(() => rule.step(Float64Array.of(1, 2), [1, 2] as unknown as Float64Array), /^TypeError: momentum: dx must be a Float64Array/);
  rule.state.vx = new Float64Array(5);
  const x = Float64Array.of(1, 2);
  assert.throws(() => rule.step(x, Float64Array.of(1, 1)), /^RangeError: momentum: state\.vx has length 5 but x has length 2$/);
  assert.deepEqual(Array.from(x), [1, 2]);
  assert.equal(rule.state.t, 0);
  const a = adam();
  a.state.secondMoment = new Float64Array(3);
  assert.throws(() => a.step(Float64Array.of(1, 2), Float64Array.of(1, 1)), /adam: state\.secondMoment has length 3 but x has length 2/);
});

test("a schedule that gives a negative or NaN rate stops the step before anything changes", () => {
  const rule = sgd({ learningRate: (t) => (t < 3 ? 0.1 : -1) });
  const x = Float64Array.of(1);
  rule.step(x, Float64Array.of(1)); // t = 1: x = 1 − 0.1 = 0.9
  rule.step(x, Float64Array.of(1)); // t = 2: x = 0.8
  assert.throws(() => rule.step(x, Float64Array.of(1)), /^RangeError: sgd: the learningRate schedule gave -1 at step 3, expected a finite number >= 0$/);
  assert.ok(Math.abs(x[0] - 0.8) < 1e-15);
  assert.equal(rule.state.t, 2);
});

test("reset forgets the state; set state is used", () => {
  const rule = adam({ learningRate: 0.1 });
  const x = Float64Array.of(1, -1);
  rule.step(x, Float64Array.of(1, -1));
  // Bias-corrected first step moves each coordinate by almost exactly the learning rate:
  // m̂ = dx, v̂ = dx², step = 0.1·dx / (|dx| + 1e-7) ≈ 0.1·sign(dx).
  assert.ok(Math.abs(x[0] - 0.9) < 1e-7 && Math.abs(x[1] + 0.9) < 1e-7);
  assert.equal(rule.state.t, 1);
  rule.reset();
  assert.equal(rule.state.t, 0);
  assert.equal(rule.state.firstMoment, null);
});
