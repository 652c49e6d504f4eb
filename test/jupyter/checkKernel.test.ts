import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { checkKernel } from "../../src/jupyter/checkKernel";

const ROOT = path.resolve(__dirname, "..", "..", "..");

test("the build accepts the pinned tslab and stops on another version, naming both", () => {
  assert.doesNotThrow(() => checkKernel(ROOT));
  // a project folder inside this one resolves the same node_modules/tslab, but pins another version
  const other = path.join(ROOT, "test", ".out", "other-pin");
  fs.mkdirSync(other, { recursive: true });
  fs.writeFileSync(path.join(other, "package.json"), JSON.stringify({ dependencies: { tslab: "9.9.9" } }));
  assert.throws(() => checkKernel(other), /optimlab: tslab 1\.0\.22 is installed, package\.json pins 9\.9\.9/);
});
