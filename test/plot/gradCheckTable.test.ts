import { test } from "node:test";
import assert from "node:assert/strict";
import { gradCheck } from "../../src/gradients";
import { gradCheckTable, VERDICT_COLORS } from "../../src/plot/gradCheckTable";

test("gradCheckTable: one coloured row per entry, the verdict and the bands", () => {
  const f = (x: Float64Array) => x[0] * x[0] + 3 * x[1];
  const res = gradCheck(f, (x) => [2 * x[0], 2.9], [1, 1]); // ∂/∂y wrong: |2.9 − 3| / 5.9 ≈ 0.017
  const { html, text } = gradCheckTable(res, { title: "demo" });
  assert.equal((html.match(/<tr style="background:/g) ?? []).length, 2);
  assert.ok(html.includes(VERDICT_COLORS.right) && html.includes(VERDICT_COLORS.wrong));
  assert.match(text, /all 2 coordinates, h = 0.00001/);
  assert.match(text, /max relative error 1\.694915e-2: wrong/);
  assert.ok(html.includes("below 1e-7: right"));
  assert.throws(() => gradCheckTable({} as never), /gradCheckTable: result must be what gradCheck returns/);
});
