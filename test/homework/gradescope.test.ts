/**
 * The Gradescope bundle end to end, in a temporary root instead of /autograder
 * (AUTOGRADER_ROOT): `npm run autograder`'s command builds the ZIP for the fixture exercise, the
 * test unpacks it (with the ZIP reader of src/homework/zipFile.ts: no zip program needed) into
 * ROOT/source as Gradescope does, links the course's node_modules in place of setup.sh's
 * `npm ci` (setup.sh itself installs with apt and cannot run here), then runs `run_autograder`
 * on a correct, an empty, a partial and a hostile submission and validates every results.json
 * against test/fixtures/gradescope/results.schema.json (from Gradescope's documented fields).
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { studentCopy } from "../../src/homework/assign";
import type { Notebook } from "../../src/homework/notebook";
import { readZip, writeZip } from "../../src/homework/zipFile";
import { SOLUTIONS } from "./standin";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const FIXTURE = path.join(ROOT, "test", "homework", "fixtures", "exercises");
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "test", "fixtures", "gradescope", "results.schema.json"), "utf8"));
const SOURCE: Notebook = JSON.parse(fs.readFileSync(path.join(FIXTURE, "00-standin.ipynb"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-gradescope-test-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The JSON Schema subset the fixture uses; the list of what is wrong, empty when valid. */
function validate(schema: any, value: any, where = "results"): string[] {
  const errs: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) errs.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.join(", ")}`);
  const t = schema.type;
  const is = t === "object" ? typeof value === "object" && value !== null && !Array.isArray(value)
    : t === "array" ? Array.isArray(value) : t === "number" ? typeof value === "number" && Number.isFinite(value) : t === undefined || typeof value === t;
  if (!is) return [...errs, `${where}: expected ${t}, got ${JSON.stringify(value)}`];
  if (schema.minimum !== undefined && value < schema.minimum) errs.push(`${where}: ${value} < ${schema.minimum}`);
  if (t === "object") {
    for (const k of schema.required ?? []) if (!(k in value)) errs.push(`${where}: missing ${k}`);
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties?.[k]) errs.push(...validate(schema.properties[k], v, `${where}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${where}: unexpected field ${k}`);
    }
  }
  if (t === "array" && schema.items) (value as unknown[]).forEach((v, i) => errs.push(...validate(schema.items, v, `${where}[${i}]`)));
  return errs;
}

test("the schema checker rejects what Gradescope would not take", () => {
  assert.deepEqual(validate(SCHEMA, { score: 1, execution_time: 2, output: "", tests: [] }), []);
  assert.match(validate(SCHEMA, { score: 1, execution_time: 2, output: "", tests: [{ name: "a", score: 1, max_score: 1, output: "", visibility: "soon" }] }).join(), /is not one of hidden, after_due_date, after_published, visible/);
  assert.match(validate(SCHEMA, { score: "1", execution_time: 2, output: "", tests: [] }).join(), /results.score: expected number/);
  assert.match(validate(SCHEMA, { execution_time: 2, output: "", tests: [] }).join(), /missing score/);
});

test("the ZIP writer and reader agree, modes and CRCs included", () => {
  const entries = [{ name: "a/b.txt", data: Buffer.from("hello ".repeat(100)), mode: 0o644 }, { name: "run", data: Buffer.from("#!/bin/sh\n"), mode: 0o755 }];
  assert.deepEqual(readZip(writeZip(entries)), entries);
});

// ---- the bundle ----
const zip = path.join(tmp, "autograder.zip");
const agRoot = path.join(tmp, "autograder");
const source = path.join(agRoot, "source");

function unpack(): string[] {
  const entries = readZip(fs.readFileSync(zip));
  for (const e of entries) {
    assert.ok(!e.name.startsWith("/") && !e.name.split("/").includes(".."), e.name);
    const file = path.join(source, e.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, e.data, { mode: e.mode });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(source, "node_modules"), "dir");
  return entries.map((e) => e.name);
}

function submission(parts: Partial<typeof SOLUTIONS>): Notebook {
  const nb = studentCopy(SOURCE, "00-standin.ipynb");
  for (const cell of nb.cells) {
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    for (const [name, code] of Object.entries(parts)) {
      if (cell.metadata?.optimlab?.role === "solution" && text.includes(`function ${name}(`)) cell.source = code;
    }
  }
  return nb;
}

/** Runs run_autograder on `files` (name → notebook) as Gradescope would; the results. */
function runAutograder(files: Record<string, Notebook>, env: NodeJS.ProcessEnv = {}, status = 0): { results: any; stdout: string } {
  const sub = path.join(agRoot, "submission");
  fs.rmSync(sub, { recursive: true, force: true });
  fs.rmSync(path.join(agRoot, "results"), { recursive: true, force: true });
  fs.mkdirSync(sub, { recursive: true });
  for (const [name, nb] of Object.entries(files)) fs.writeFileSync(path.join(sub, name), JSON.stringify(nb));
  const r = spawnSync(path.join(agRoot, "run_autograder"), [], { cwd: agRoot, encoding: "utf8", env: { ...process.env, AUTOGRADER_ROOT: agRoot, ...env }, timeout: 300_000 });
  assert.equal(r.status, status, `${r.stdout}\n${r.stderr}`);
  const results = JSON.parse(fs.readFileSync(path.join(agRoot, "results", "results.json"), "utf8"));
  assert.deepEqual(validate(SCHEMA, results), [], JSON.stringify(results, null, 1));
  assert.deepEqual(fs.readdirSync(path.join(agRoot, "results")), ["results.json"], "no temporary file left");
  return { results, stdout: r.stdout };
}

const byName = (results: any) => Object.fromEntries(results.tests.map((t: any) => [t.name, t]));

test("the bundle: setup.sh and run_autograder at its root, executable, the course beside them", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli", "autograder.js"), "--out", zip, "--from", FIXTURE], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const names = unpack();
  for (const f of ["setup.sh", "run_autograder", "package.json", "package-lock.json", "dist/cli/autograder.js", "src/index.ts", "scripts/install-machine.sh", "notebooks/exercises/00-standin.ipynb"]) {
    assert.ok(names.includes(f), `${f} in the bundle`);
  }
  assert.equal(fs.statSync(path.join(source, "run_autograder")).mode & 0o111, 0o111);
  assert.equal(fs.statSync(path.join(source, "setup.sh")).mode & 0o111, 0o111);
  assert.match(fs.readFileSync(path.join(source, "setup.sh"), "utf8"), /bash scripts\/install-machine\.sh node isolation\nnpm ci/);
  // Gradescope copies run_autograder to /autograder/run_autograder
  fs.copyFileSync(path.join(source, "run_autograder"), path.join(agRoot, "run_autograder"));
  fs.chmodSync(path.join(agRoot, "run_autograder"), 0o755);
});

test("a correct submission: every part's full points; visibility as the source says", () => {
  const { results } = runAutograder({ "00-standin.ipynb": submission(SOLUTIONS) });
  const t = byName(results);
  assert.deepEqual(Object.keys(t), ["00-standin: scaleAdd", "00-standin: centeredGradient", "00-standin: momentumRule", "00-standin: 00-why-new-array", "00-standin: 00-centered-cost"]);
  assert.deepEqual([t["00-standin: scaleAdd"].score, t["00-standin: centeredGradient"].score, t["00-standin: momentumRule"].score], [3, 2, 2]);
  assert.equal(results.score, 7);
  assert.equal(t["00-standin: scaleAdd"].visibility, "after_published");
  assert.equal(t["00-standin: momentumRule"].visibility, "hidden");
  assert.equal(t["00-standin: 00-why-new-array"].max_score, 2);
  assert.match(t["00-standin: 00-why-new-array"].output, /graded by hand/);
});

test("an empty submission: score 0, and the output says there was nothing to grade", () => {
  const { results } = runAutograder({});
  assert.equal(results.score, 0);
  assert.deepEqual(results.tests, []);
  assert.match(results.output, /no \.ipynb notebook in the submission/);
});

test("a partial submission: the parts done score, the others do not", () => {
  const { results } = runAutograder({ "00-standin.ipynb": submission({ scaleAdd: SOLUTIONS.scaleAdd }) });
  const t = byName(results);
  assert.equal(t["00-standin: scaleAdd"].score, 3);
  assert.equal(t["00-standin: centeredGradient"].score, 0);
  assert.match(t["00-standin: centeredGradient"].output, /not implemented/);
  assert.equal(results.score, 3);
});

test("a hostile submission cannot write results.json, forge output lines or raise its score", () => {
  const target = path.join(agRoot, "results", "results.json");
  const evil = `function scaleAdd(a: number[], b: number[], alpha: number): Float64Array {
  const fs = require("fs");
  for (const p of [${JSON.stringify(target)}, "/autograder/results/results.json"]) {
    try { fs.mkdirSync(require("path").dirname(p), { recursive: true }); fs.writeFileSync(p, '{"score": 1000, "tests": []}'); } catch {}
  }
  console.log('{"score": 1000}');
  throw new Error("line one\\n00-standin: scaleAdd, 3 of 3 points\\u001b[8m");
}`;
  const { results } = runAutograder({ "00-standin.ipynb": submission({ ...SOLUTIONS, scaleAdd: evil }), "x\n<script>.ipynb": submission({}) });
  const t = byName(results);
  assert.equal(t["00-standin: scaleAdd"].score, 0);
  assert.equal(results.score, 4, "centeredGradient and momentumRule only (the second notebook scores 0)");
  assert.ok(!results.output.includes("\n00-standin: scaleAdd, 3 of 3"), "no forged line");
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(results.output + results.tests.map((x: any) => x.output).join("")), "control characters escaped");
});

test("where bubblewrap cannot start (a container without user namespaces): as root, graded as a uid of its own and the output says REDUCED; otherwise the autograder fails and says why", () => {
  const env = { OPTIMLAB_BWRAP: "/nonexistent/bwrap" };
  if (process.getuid?.() !== 0) {
    const { results } = runAutograder({ "00-standin.ipynb": submission(SOLUTIONS) }, env, 1);
    assert.equal(results.score, 0);
    assert.match(results.output, /The autograder failed; ask your instructor\. grade: refusing to run submissions without isolation/);
    return;
  }
  // as on Gradescope, where /autograder is readable by every user: run_autograder takes the
  // sources and the submission out of the sandbox uid's reach
  fs.chmodSync(tmp, 0o755);
  fs.chmodSync(agRoot, 0o755);
  try {
    const { results } = runAutograder({ "00-standin.ipynb": submission(SOLUTIONS) }, env);
    assert.equal(results.score, 7);
    assert.match(results.output, /note: graded with REDUCED isolation \(bubblewrap \(bwrap\) is not installed at \/nonexistent\/bwrap.*\): the submission's code ran as uid \d+, a uid of its own/);
    for (const dir of [path.join(source, "notebooks", "exercises"), path.join(agRoot, "submission")]) assert.equal(fs.statSync(dir).mode & 0o077, 0, dir);
  } finally {
    fs.chmodSync(agRoot, 0o700);
    fs.chmodSync(tmp, 0o700);
  }
});
