/**
 * `npm start` on a fresh copy of the course (the files a clone has: `git ls-files`, tracked and
 * new, with node_modules hard-linked from this checkout instead of a second `npm ci`): the tree
 * Jupyter serves (its REST API) lists the lessons, the lessons' solutions and the student copies
 * made on first start in my-exercises/, and no exercise source; a second start keeps what the
 * learner wrote in a copy.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getNotebook, listTree, startCourse } from "./jupyterTree";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-start-test-"));
const clone = path.join(tmp, "optimlab");
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function freshCopy(): void {
  const files = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).stdout.split("\0").filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(ROOT, f))) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(clone, f));
  }
  const cp = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(clone, "node_modules")]);
  assert.equal(cp.status, 0, String(cp.stderr));
}

const lessons = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
const exercises = fs.readdirSync(path.join(ROOT, "notebooks", "exercises")).filter((f) => f.endsWith(".ipynb")).sort();
const secretMarkers = /BEGIN SOLUTION|BEGIN HIDDEN TESTS|hiddenTests\(/;

test("npm start on a fresh copy serves the lessons and the exercise copies, never the sources", { timeout: 600_000 }, async () => {
  freshCopy();
  assert.ok(!fs.existsSync(path.join(clone, "notebooks", "my-exercises")));
  let s = await startCourse(clone, 540_000);
  try {
    const tree = await listTree(s);
    for (const l of lessons) assert.ok(tree.includes(l), `lesson ${l} in ${tree.join(", ")}`);
    assert.ok(tree.includes("solutions/"), "the lessons' solutions");
    for (const e of exercises) assert.ok(tree.includes(`my-exercises/${e}`), `copy of ${e}`);
    assert.deepEqual(tree.filter((p) => p.startsWith("exercises")), [], "no exercise source in the tree");
    for (const e of exercises) {
      const nb = await getNotebook(s, `my-exercises/${e}`);
      assert.equal(nb.metadata.optimlab.copy, "student");
      assert.doesNotMatch(JSON.stringify(nb.cells), secretMarkers, e);
    }
  } finally {
    await s.stop();
  }
  // the learner writes in a copy; the next start keeps it
  const mine = path.join(clone, "notebooks", "my-exercises", exercises[0]);
  const nb = JSON.parse(fs.readFileSync(mine, "utf8"));
  nb.cells.push({ cell_type: "markdown", metadata: {}, source: "my notes" });
  fs.writeFileSync(mine, JSON.stringify(nb));
  s = await startCourse(clone, 540_000);
  try {
    const served = await getNotebook(s, `my-exercises/${exercises[0]}`);
    assert.equal(served.cells[served.cells.length - 1].source, "my notes", "never overwritten");
  } finally {
    await s.stop();
  }
});
