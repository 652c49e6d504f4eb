/**
 * The reference is out of reach: for every part of the course's exercises, the runner bundle the
 * sandbox gets contains no line of the functions the part asks for nor of their equivalents,
 * and submissions that compute a hidden function from an equivalent score nothing. Each
 * equivalence is first shown to be real, on the library in this process.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { studentCopy } from "../../src/homework/assign";
import { loadCourseExercises } from "../../src/homework/courseExercises";
import { gradeFiles } from "../../src/homework/grade";
import { cellText, parseNotebook, toSource } from "../../src/homework/notebook";
import { buildRunnerBundle, hiddenModules } from "../../src/homework/runnerBundle";
import * as ol from "../../src/index";

const EXERCISES = path.resolve(__dirname, "../../../notebooks/exercises");
const LIBRARY = path.resolve(__dirname, "../../src");

/** Every compiled library module (not the grader's, not the commands'). */
function libraryFiles(dir = LIBRARY): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "homework" || e.name === "cli" ? [] : libraryFiles(p);
    return e.name.endsWith(".js") ? [p] : [];
  });
}

/** The steps of a rule from x0 over grads. */
function steps(rule: ol.Optimizer, x0: number[], grads: number[][]): number[][] {
  const x = Float64Array.from(x0);
  return grads.map((g) => (rule.step(x, Float64Array.from(g)), Array.from(x)));
}

test("the equivalences are real: adam(beta1 0, no bias correction) is RMSProp, adamw with decay 0 is Adam", () => {
  const grads = [[1, -2], [0.5, 0.5], [-1, 3]];
  const rms = steps(ol.rmsprop({ learningRate: 0.1, decayRate: 0.9 }), [1, 1], grads);
  const viaAdam = steps(ol.adam({ learningRate: 0.1, beta1: 0, beta2: 0.9, biasCorrection: false }), [1, 1], grads);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(rms[i][j] - viaAdam[i][j]) < 1e-12);
  assert.deepEqual(steps(ol.adamw({ learningRate: 0.1, weightDecay: 0 }), [1, 1], grads), steps(ol.adam({ learningRate: 0.1 }), [1, 1], grads));
});

test("every part's runner bundle holds no line of its hidden functions or their equivalents", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-bundle-test-"));
  try {
    const course = loadCourseExercises(EXERCISES);
    let checked = 0;
    for (const ex of course.values()) {
      for (const part of ex.parts) {
        const file = path.join(tmp, `${ex.id}-${part.name}.js`);
        const hidden = await buildRunnerBundle(file, part.hide);
        const bundle = fs.readFileSync(file, "utf8");
        for (const h of part.hide) assert.ok(hidden.includes(h));
        const modules = hiddenModules(part.hide);
        assert.ok(modules.size >= part.hide.length, `${part.name}: ${[...modules.keys()].join(", ")}`);
        // lines that some library module the part may use also has are not evidence
        const shared = new Set<string>();
        for (const f of libraryFiles()) if (!modules.has(f)) for (const l of fs.readFileSync(f, "utf8").split("\n")) shared.add(l.trim());
        for (const mod of modules.keys()) {
          assert.doesNotMatch(bundle, new RegExp(`function ${path.basename(mod, ".js")}\\(`), `${part.name}: ${path.basename(mod)}`);
          // the module's longest lines of code (its body), none of which may be in the bundle
          const lines = fs.readFileSync(mod, "utf8").split("\n").map((l) => l.trim())
            .filter((l) => l.length > 25 && !shared.has(l) && !/^(\/\/|\*|\/\*|import|export \{|"use strict"|Object\.defineProperty|exports\.|var |const .* = require)/.test(l));
          for (const l of lines.sort((a, b) => b.length - a.length).slice(0, 5)) {
            assert.equal(bundle.includes(l), false, `${part.name}: ${path.basename(mod)} line in bundle: ${l}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 40, `checked ${checked} lines`);
    // train and randomSearch call svmLoss: in 01's bundle they are present, svmLoss is a stand-in
    const f = path.join(tmp, "svm.js");
    await buildRunnerBundle(f, ["svmLoss"]);
    assert.match(fs.readFileSync(f, "utf8"), /svmLoss is hidden while grading/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("exercise 04 computed from equivalents (rmsprop from adam, adam from adamw, momentum from nesterov) scores 0", async () => {
  const src = path.join(EXERCISES, "04-update-rules.ipynb");
  const nb = studentCopy(parseNotebook(fs.readFileSync(src, "utf8"), src), src);
  const fills: Record<string, string> = {
    momentum: "function momentum(o: any) { return ol.nesterov(o); }",
    rmsprop: "function rmsprop(o: any) { return ol.adam({ learningRate: o.learningRate, beta1: 0, beta2: o.decayRate ?? 0.99, eps: o.eps ?? 1e-7, biasCorrection: false }); }",
    adam: "function adam(o: any = {}) { return ol.adamw({ ...o, weightDecay: 0 }); }",
  };
  for (const cell of nb.cells) {
    for (const [name, code] of Object.entries(fills)) {
      if (cell.metadata?.optimlab?.role === "solution" && cellText(cell).includes(`function ${name}(`)) cell.source = toSource(code);
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-equiv-test-"));
  try {
    const file = path.join(tmp, "04-update-rules.ipynb");
    fs.writeFileSync(file, JSON.stringify(nb));
    const [r] = await gradeFiles([file], { exercisesDir: EXERCISES });
    assert.deepEqual(r.exercises.map((e) => [e.name, e.score]), [["momentum", 0], ["rmsprop", 0], ["adam", 0]]);
    assert.match(r.exercises[0].feedback, /called nesterov, which is hidden while grading/);
    assert.match(r.exercises[1].feedback, /called adam, which is hidden while grading/);
    assert.match(r.exercises[2].feedback, /called adamw, which is hidden while grading/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
