import { test } from "node:test";
import assert from "node:assert/strict";
import { agrees, numberTokens, proseDisagreements, type Cell } from "./lessonSource";

test("agrees: a printed number agrees with prose at the precision the prose shows", () => {
  assert.ok(agrees("6.57", "6.5712"));
  assert.ok(agrees("1,136", "1136"));
  assert.ok(agrees("5.98e-4", "0.000598123"));
  assert.ok(agrees("5.98e-4", "5.981e-4"));
  assert.ok(agrees("−2.5", "-2.5000"));
  assert.ok(!agrees("20", "20.6"));
  assert.ok(!agrees("6.57", "6.58"));
  assert.ok(!agrees("thousands", "1136"));
});

test("numberTokens reads numbers as they are printed", () => {
  assert.deepEqual(numberTokens("κ = 200: 1136 steps, f 5.98e-4, x2"), ["200", "1136", "5.98e-4"]);
});

test("proseDisagreements: a marked number must be printed on a line containing its key", () => {
  const cells: Cell[] = [
    { cell_type: "code", source: "", outputs: [{ output_type: "stream", name: "stdout", text: "κ = 200: 1136 steps\n" }] },
    { cell_type: "markdown", source: "At κ = 200 it takes 1136<!--out: κ = 200--> steps." },
  ];
  assert.deepEqual(proseDisagreements(cells), { checked: 1, problems: [] });
  cells[1].source = "At κ = 200 it takes 1000<!--out: κ = 200--> steps.";
  assert.equal(proseDisagreements(cells).problems.length, 1);
  cells[1].source = "It takes 1136<!--out: κ = 300--> steps.";
  assert.match(proseDisagreements(cells).problems[0], /no printed line contains it/);
});
