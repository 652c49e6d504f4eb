/**
 * Numbers in a lesson's prose that come from its own output are marked, `1136<!--out: κ = 200-->`,
 * and must agree with what the executed notebook prints on a line containing the key.
 * Reads the executed copies the notebook test wrote (runs the notebook when there is none).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { EXECUTED, runNotebooks } from "../../src/cli/notebooks";
import { executedCopy } from "../../src/cli/export";
import { cellsOf, lessonFiles, proseDisagreements } from "../lessons/lessonSource";

for (const file of lessonFiles()) {
  test(`prose numbers agree with the printed ones: ${path.basename(file)}`, { timeout: 600_000 }, () => {
    let executed = executedCopy(file, EXECUTED);
    if (!fs.existsSync(executed) || fs.statSync(executed).mtimeMs < fs.statSync(file).mtimeMs) {
      const r = runNotebooks([file]);
      assert.ok(r.ok, r.output);
      executed = executedCopy(file, EXECUTED);
    }
    const { problems } = proseDisagreements(cellsOf(executed));
    assert.deepEqual(problems, []);
  });
}
