/**
 * The student edition (`npm run assign -- --out DIR`) as a student gets it: made from this
 * course, installed OFFLINE from the npm cache (`npm install --offline`) and started in a temp
 * folder; Jupyter answers on its port and lists the lessons and the exercise copies; no line of a
 * SOLUTION or HIDDEN TESTS region (whitespace-normalized, 25 characters or longer) appears in
 * any file outside the library's own (src/; node_modules and the build's dist/ are not shipped).
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findLeaks, givenLines, secretLines, withoutGivenLines, withoutLibraryLines } from "../../src/homework/leaks";
import { getNotebook, listTree, startCourse } from "./jupyterTree";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const EXERCISES = path.join(ROOT, "notebooks", "exercises");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-edition-test-"));
const edition = path.join(tmp, "course");
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("the leak check finds a solution line planted in a file, whitespace changed; library lines are not secrets", () => {
  const secrets = secretLines(EXERCISES);
  assert.ok(secrets.size > 20, `${secrets.size} secret lines`);
  const dir = path.join(tmp, "planted");
  fs.mkdirSync(dir);
  const line = [...secrets][3];
  fs.writeFileSync(path.join(dir, "notes.md"), `intro\n   ${line.replace(/ /g, "\t  ")}  \n`);
  assert.deepEqual(findLeaks(dir, secrets).map((l) => l.file), ["notes.md"]);
  const lib = path.join(tmp, "lib");
  fs.mkdirSync(lib);
  fs.writeFileSync(path.join(lib, "rule.ts"), line);
  assert.ok(!withoutLibraryLines(secrets, lib).has(line));
  assert.equal(withoutLibraryLines(secrets, lib).size, secrets.size - 1);
  // a solution line is a secret even when a given line contains it as a part; only the same line is given
  const given = givenLines(EXERCISES);
  assert.ok([...secrets].some((l) => !given.has(l)));
});

test("assign --out DIR: a course on its own, installed offline and started; no solution or hidden line in it", { timeout: 900_000 }, async () => {
  const a = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli", "assign.js"), "--out", edition], { encoding: "utf8" });
  assert.equal(a.status, 0, a.stderr);
  assert.match(a.stdout, /student edition in .*: the lessons, their solutions, \d+ exercise copies/);
  for (const f of ["package.json", "package-lock.json", "src/index.ts", "src/jupyter/preload.ts", "notebooks/00-index.ipynb", "notebooks/solutions"]) {
    assert.ok(fs.existsSync(path.join(edition, f)), f);
  }
  assert.equal(JSON.parse(fs.readFileSync(path.join(edition, "package.json"), "utf8")).dependencies.tslab, "1.0.22", "tslab pinned");
  // a line the library's src/ holds ships anyway (the practice exercises' answers are in it), and so
  // does a line the sources give students outside every region (09's buggy gradients, repeated by its hidden tests)
  const all = secretLines(EXERCISES);
  const secrets = withoutGivenLines(withoutLibraryLines(all, path.join(ROOT, "src")), EXERCISES);
  assert.ok(secrets.size > 0 && secrets.size < all.size, `${secrets.size} of ${all.size} lines are not in the library`);
  assert.deepEqual(findLeaks(edition, secrets, ["src"]), []);
  const leftOut = [...a.stdout.matchAll(/^left out (\S+):/gm)].map((m) => m[1]);
  for (const f of leftOut) {
    assert.match(f, /^notebooks\/solutions\//);
    assert.ok(!fs.existsSync(path.join(edition, f)), f);
  }
  console.log(`# lessons' solutions left out of the edition (they hold exercise solution lines): ${leftOut.join(", ") || "none"}`);
  const copies = fs.readdirSync(path.join(edition, "notebooks", "exercises")).sort();
  assert.deepEqual(copies, fs.readdirSync(EXERCISES).filter((f) => f.endsWith(".ipynb")).sort());

  const install = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund"], { cwd: edition, encoding: "utf8", timeout: 600_000 });
  assert.equal(install.status, 0, `${install.stdout}\n${install.stderr}`);
  const s = await startCourse(edition, 600_000);
  try {
    console.log(`# the student edition: npm start answered after ${s.seconds.toFixed(1)} s (build included, machine under load)`);
    const kernel = JSON.parse(fs.readFileSync(path.join(edition, ".jupyter", "kernels", "optimlab", "kernel.json"), "utf8"));
    assert.ok(kernel.argv.includes("--require") && kernel.argv.some((a: string) => a.endsWith(path.join("dist", "jupyter", "preload.js"))), "the output fix preloaded");
    const tree = await listTree(s);
    for (const l of fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb"))) assert.ok(tree.includes(l), l);
    for (const c of copies) {
      assert.ok(tree.includes(`exercises/${c}`), c);
      const nb = await getNotebook(s, `exercises/${c}`);
      assert.equal(nb.metadata.optimlab.copy, "student");
    }
    assert.ok(!tree.some((p) => p.startsWith("my-exercises")), "the edition's exercises are the copies: none made");
  } finally {
    await s.stop();
  }
  // self-checks work in the edition: a copy runs top to bottom, each unwritten function says so
  const executed = path.join(tmp, "executed");
  const run = spawnSync(process.execPath, ["dist/cli/notebooks.js", "run", "--out", executed, `notebooks/exercises/${copies[0]}`], { cwd: edition, encoding: "utf8", timeout: 600_000 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const ran = JSON.parse(fs.readFileSync(path.join(executed, "exercises", copies[0]), "utf8")); // folders under notebooks/ mirrored
  const printed = ran.cells.flatMap((c: any) => c.outputs ?? []).map((o: any) => [].concat(o.text ?? o.data?.["text/plain"] ?? []).join("")).join("\n");
  assert.match(printed, /FAIL .*not implemented yet/);
  // after the install and the build: still nothing outside the library's files
  assert.deepEqual(findLeaks(edition, secrets, ["src", "node_modules", "dist"]), []);
});
