import { test } from "node:test";
import assert from "node:assert/strict";
import { checkFinite, checkFiniteEntries, checkInterval, checkWhole, describe } from "../../src/core/checks";

test("checkWhole: the range in the message, the value returned", () => {
  assert.equal(checkWhole("f", "n", 3, 1), 3);
  assert.throws(() => checkWhole("f", "n", 2.5, 1), /^RangeError: f: n must be a whole number >= 1, got 2\.5$/);
  assert.throws(() => checkWhole("f", "n", "3", 1), /^RangeError: f: n must be a whole number >= 1, got 3$/);
  assert.throws(() => checkWhole("f", "k", 11, 0, 10), /^RangeError: f: k must be a whole number in \[0, 10\], got 11$/);
  assert.throws(() => checkWhole("train", "batchSize", 31, 1, 30, "N"), /^RangeError: train: batchSize must be a whole number in \[1, N = 30\], got 31$/);
  assert.equal(checkWhole("f", "k", 10, 0, 10), 10);
});

test("checkFinite, checkInterval, checkFiniteEntries", () => {
  assert.equal(checkFinite("f", "h", 0, ">= 0"), 0);
  assert.throws(() => checkFinite("f", "h", 0, "> 0"), /^RangeError: f: h must be a finite number > 0, got 0$/);
  assert.throws(() => checkFinite("f", "h", Infinity, ">= 0"), /f: h must be a finite number >= 0, got Infinity/);
  assert.equal(checkInterval("f", "rho", 0, "[0, 1)"), 0);
  assert.throws(() => checkInterval("f", "rho", 1, "[0, 1)"), /^RangeError: f: rho must be in \[0, 1\), got 1$/);
  assert.equal(checkInterval("f", "gamma", 1, "(0, 1]"), 1);
  assert.throws(() => checkInterval("f", "gamma", 0, "(0, 1]"), /f: gamma must be in \(0, 1\], got 0/);
  assert.throws(() => checkInterval("f", "c", NaN, "(0, 1)"), /f: c must be in \(0, 1\), got NaN/);
  assert.doesNotThrow(() => checkFiniteEntries("f", "x0", [1, 2]));
  assert.throws(() => checkFiniteEntries("f", "x0", [1, NaN]), /^RangeError: f: x0\[1\] must be finite, got NaN$/);
  assert.equal(describe([1]), "an Array (use Float64Array.from(...))");
  assert.equal(describe(null), "null");
  assert.equal(describe(new Float32Array(1)), "Float32Array");
});
