/**
 * The assessment exercises (06-09): what they grade is not in the library, whatever could
 * compute it is hidden while they are graded, and their hidden tests reject the obvious wrong
 * answers (a constant, a no-op, the buggy gradient handed in unchanged, the seed ignored).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listExerciseFiles } from "../../src/homework/assign";
import { loadCourseExercises } from "../../src/homework/courseExercises";
import { withEquivalents } from "../../src/homework/equivalents";
import { gradeFiles } from "../../src/homework/grade";
import { BEGIN_SOLUTION, cellText, END_SOLUTION, parseNotebook, toSource } from "../../src/homework/notebook";
import * as library from "../../src/index";

const EXERCISES = path.resolve(__dirname, "../../../notebooks/exercises");

function kindOf(file: string): string {
  return parseNotebook(fs.readFileSync(file, "utf8"), file).metadata.optimlab.kind ?? "practice";
}

/** What in the library could compute each graded function of the assessment exercises. */
const COULD_COMPUTE: Record<string, string[]> = {
  trainLinearClassifier: ["train", "minimize", "run", "twoLayerNetTrain"], // the run loop, with any batch sampling
  searchHyperparameters: ["train", "minimize", "run"],
  largestStableStep: [], // nothing in the library measures a step or an eigenvalue
  convergenceFactor: [],
  momentumSutskever: ["momentum", "nesterov", "momentumVelocity", "sgd"], // form 1 = form 2 for a constant rate
  momentumRescaled: ["momentum", "nesterov", "momentumVelocity"], // it IS form 2
  ridgeGrad: ["numericalGradient", "gradCheck"], // a centered difference of a quadratic is exact to rounding
  linearLayerGrad: ["numericalGradient", "gradCheck"],
  hingeGrad: ["numericalGradient", "gradCheck", "svmLoss", "svmLossNaive"], // 2-class SVM with W = [−w/2; w/2]
  locate: [], // uses gradCheck, the tool the exercise asks for
};

test("the four new exercises are marked assessment, the five old ones practice", () => {
  const kinds = listExerciseFiles(EXERCISES).map((f) => [path.basename(f).slice(0, 2), kindOf(f)]);
  assert.deepEqual(kinds, [
    ["01", "practice"], ["02", "practice"], ["03", "practice"], ["04", "practice"], ["05", "practice"],
    ["06", "assessment"], ["07", "assessment"], ["08", "assessment"], ["09", "assessment"],
  ]);
});

test("no graded function of an assessment exercise is exported by the library, and what could compute one is hidden", () => {
  const exported = new Set(Object.keys(library));
  const course = loadCourseExercises(EXERCISES);
  const names: string[] = [];
  for (const ex of course.values()) {
    if (kindOf(ex.file) !== "assessment") continue;
    for (const part of ex.parts) {
      names.push(part.name);
      assert.ok(!exported.has(part.name), `${part.name} (${ex.id}) is exported by the library`);
      assert.ok(part.name in COULD_COMPUTE, `${part.name}: say what in the library could compute it`);
      const hidden = withEquivalents(part.hide);
      for (const n of COULD_COMPUTE[part.name]) {
        assert.ok(exported.has(n), `${n} is not a library name`);
        assert.ok(hidden.includes(n), `${part.name} (${ex.id}): ${n} could compute it but is not hidden (hidden: ${hidden})`);
      }
    }
  }
  assert.deepEqual(names.sort(), Object.keys(COULD_COMPUTE).sort());
});

/** The source with the solution region of `fn` replaced by `body` (a wrong answer). */
function withAnswer(text: string, file: string, answers: Record<string, string>): string {
  const nb = parseNotebook(text, file);
  for (const [fn, body] of Object.entries(answers)) {
    const cell = nb.cells.find((c) => c.cell_type === "code" && cellText(c).includes(`function ${fn}(`));
    assert.ok(cell, `${file}: no cell defines ${fn}`);
    const src = cellText(cell);
    const at = src.indexOf(`function ${fn}(`);
    const begin = src.indexOf(BEGIN_SOLUTION, at), end = src.indexOf(END_SOLUTION, begin);
    assert.ok(begin > at && end > begin, `${file}: ${fn} has no solution region`);
    // the markers stay: in a source notebook they are what marks the cell as the student's work
    cell.source = toSource(src.slice(0, begin + BEGIN_SOLUTION.length) + "\n" + body + "\n" + src.slice(src.lastIndexOf("\n", end) + 1));
  }
  return JSON.stringify(nb);
}

const WRONG: Record<string, { answers: Record<string, string>; expect: Record<string, number> }> = {
  "06-train-linear-classifier.ipynb": {
    answers: {
      // the seed ignored: the right loop, always from rng(0)
      trainLinearClassifier: `const { learningRate, reg, batchSize, numIters } = options;
  const N = X.rows, D = X.cols; let C = 0; for (let i = 0; i < y.length; i++) C = Math.max(C, y[i] + 1);
  const r = ol.rng(0); const W = ol.matrix(C, D, r.normals(C * D, 0, 1e-3)); const lossHistory: number[] = [];
  for (let it = 0; it < numIters; it++) {
    const Xb = ol.zeros(batchSize, D), yb = new Int32Array(batchSize);
    for (let b = 0; b < batchSize; b++) { const n = r.integer(0, N); ol.row(Xb, b).set(ol.row(X, n)); yb[b] = y[n]; }
    const { loss, grad } = ol.softmaxLoss(W, Xb, yb, reg); lossHistory.push(loss);
    for (let k = 0; k < W.data.length; k++) W.data[k] -= learningRate * grad.data[k];
  }
  return { W, lossHistory };`,
      // a constant: always the first pair of the grid
      searchHyperparameters: `return { learningRate: learningRates[0], reg: regs[0], valAccuracy: 0.5 };`,
    },
    expect: { trainLinearClassifier: 0, searchHyperparameters: 0 },
  },
  "07-largest-stable-step.ipynb": {
    answers: { largestStableStep: "return 0.2;", convergenceFactor: "return 0.9;" },
    expect: { largestStableStep: 0, convergenceFactor: 0 },
  },
  "08-momentum-forms.ipynb": {
    answers: {
      momentumSutskever: "// a no-op: x stays",
      // form 1 unchanged: right only while the rate is constant (1 of the 4 cases)
      momentumRescaled: `if (!vx) vx = new Float64Array(x.length);
      t += 1; const learningRate = rateAt(options.learningRate, t);
      for (let i = 0; i < x.length; i++) { vx[i] = rho * vx[i] - learningRate * dx[i]; x[i] += vx[i]; }`,
    },
    expect: { momentumSutskever: 0, momentumRescaled: 1 },
  },
  "09-gradient-check-hunt.ipynb": {
    answers: {
      ridgeGrad: "return buggyRidgeGrad(w, X, y, reg);",
      linearLayerGrad: "return buggyLinearLayerGrad(W, x, t);",
      hingeGrad: "return buggyHingeGrad(w, X, y);",
      locate: "return { failing: [], worst: 0 };",
    },
    expect: { ridgeGrad: 0, linearLayerGrad: 0, hingeGrad: 0, locate: 0 },
  },
};

test("the hidden tests reject a constant, a no-op, the buggy gradient unchanged and an ignored seed", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-assessment-test-"));
  try {
    const files = Object.entries(WRONG).map(([name, w]) => {
      const src = path.join(EXERCISES, name);
      const out = path.join(tmp, name);
      fs.writeFileSync(out, withAnswer(fs.readFileSync(src, "utf8"), src, w.answers));
      return out;
    });
    const reports = await gradeFiles(files, { exercisesDir: EXERCISES });
    Object.values(WRONG).forEach((w, k) => {
      const r = reports[k];
      assert.deepEqual(r.errors, [], r.file);
      for (const [part, score] of Object.entries(w.expect)) {
        const e = r.exercises.find((x) => x.name === part);
        assert.ok(e, `${r.file}: no part ${part}`);
        assert.equal(e.score, score, `${r.file} ${part}: ${e.feedback}`);
      }
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

/** Wrong answers a student review found graded full marks (review 17), each with the score it must get now. */
const REVIEW_17: { file: string; label: string; answers: Record<string, string>; expect: Record<string, number> }[] = [
  {
    file: "06-train-linear-classifier.ipynb",
    label: "ties keep the last (>=)",
    answers: {
      searchHyperparameters: `let best = { learningRate: NaN, reg: NaN, valAccuracy: -1 };
  for (const learningRate of learningRates) for (const reg of regs) {
    const { W } = trainLinearClassifier(train.X, train.y, { learningRate, reg, ...options });
    const valAccuracy = ol.accuracy(ol.predict(W, val.X), val.y);
    if (valAccuracy >= best.valAccuracy) best = { learningRate, reg, valAccuracy };
  }
  return best;`,
    },
    // fails the lr-0-only tie and the loop-order tie (both ties, the last one kept): 3 of 5 cases
    expect: { trainLinearClassifier: 5, searchHyperparameters: 2.4 },
  },
  {
    file: "06-train-linear-classifier.ipynb",
    label: "loops swapped (regs outer)",
    answers: {
      searchHyperparameters: `let best = { learningRate: NaN, reg: NaN, valAccuracy: -1 };
  for (const reg of regs) for (const learningRate of learningRates) {
    const { W } = trainLinearClassifier(train.X, train.y, { learningRate, reg, ...options });
    const valAccuracy = ol.accuracy(ol.predict(W, val.X), val.y);
    if (valAccuracy > best.valAccuracy) best = { learningRate, reg, valAccuracy };
  }
  return best;`,
    },
    expect: { trainLinearClassifier: 5, searchHyperparameters: 3.2 },
  },
  {
    file: "09-gradient-check-hunt.ipynb",
    label: "locate hard-coded from the printed numbers",
    answers: {
      locate: `const table = {
    ridge: { failing: [0, 1, 2, 3], worst: 4.35e-1 },
    linear: { failing: [1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14], worst: 6.57e-1 },
    hinge: { failing: [0, 1, 2, 3], worst: 1.0 },
  };
  return table[which];`,
    },
    // right on the 3 problems given and, by coincidence, on one hidden hinge problem: 4 of 9 cases
    expect: { ridgeGrad: 2, locate: 1.33 }, // the report rounds to 2 decimals
  },
];

test("review 17's wrong answers lose points: 06's tie rule and loop order, 09's locate hard-coded", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-review17-test-"));
  try {
    const files = REVIEW_17.map((w, k) => {
      const src = path.join(EXERCISES, w.file);
      const out = path.join(tmp, String(k), w.file);
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, withAnswer(fs.readFileSync(src, "utf8"), src, w.answers));
      return out;
    });
    const reports = await gradeFiles(files, { exercisesDir: EXERCISES });
    REVIEW_17.forEach((w, k) => {
      const r = reports[k];
      assert.deepEqual(r.errors, [], `${w.label}: ${r.file}`);
      for (const [part, score] of Object.entries(w.expect)) {
        const e = r.exercises.find((x) => x.name === part);
        assert.ok(e, `${w.label}: no part ${part}`);
        assert.ok(Math.abs(e.score - score) < 1e-9, `${w.label} ${part}: ${e.score}, expected ${score} (${e.feedback})`);
      }
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
