/**
 * A tiny stand-in exercise for the grader's tests, written to a temporary folder: three graded
 * parts, one per driver and input kind (a plain call, a function input, an update rule), each
 * compared against the library's reference in the grader's process.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import assert from "node:assert/strict";
import type { SubmissionReport } from "../../src/homework/grade";
import type { Notebook } from "../../src/homework/notebook";

export const SOLUTIONS = {
  scaleAdd: `function scaleAdd(a: number[], b: number[], alpha: number): Float64Array {
  // BEGIN SOLUTION
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + alpha * b[i];
  return out;
  // END SOLUTION
}`,
  centeredGradient: `function centeredGradient(f: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  // BEGIN SOLUTION
  const grad = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const old = x[i];
    x[i] = old + h;
    const fPlus = f(x);
    x[i] = old - h;
    const fMinus = f(x);
    x[i] = old;
    grad[i] = (fPlus - fMinus) / (2 * h);
  }
  return grad;
  // END SOLUTION
}`,
  momentumRule: `function momentumRule(options: { learningRate: number; rho?: number }) {
  const rho = options.rho ?? 0.9;
  let vx: Float64Array | null = null;
  return {
    name: "mine",
    step(x: Float64Array, dx: Float64Array): void {
      // BEGIN SOLUTION
      if (!vx) vx = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) {
        vx[i] = rho * vx[i] + dx[i];
        x[i] -= options.learningRate * vx[i];
      }
      // END SOLUTION
    },
    reset() { vx = null; },
  };
}`,
};

export const HIDDEN = `// BEGIN HIDDEN TESTS
ol.hiddenTests("scaleAdd", { points: 3, hide: ["axpy", "add"] }, (t) => {
  for (const n of [1, 4, 9]) {
    const r = ol.rng(n);
    const a = Array.from(r.normals(n)), b = Array.from(r.normals(n));
    t.call(\`a, b of length \${n}, alpha 0.5\`, "scaleAdd", [a, b, 0.5], (a: number[], b: number[], alpha: number) => ol.add(a, ol.scale(alpha, b)));
  }
});
ol.hiddenTests("centeredGradient", { points: 2, tol: 1e-6, hide: ["numericalGradient"] }, (t) => {
  const f = t.fn("x => Math.sin(x[0]) * x[1] + x[1] ** 3");
  t.call("sin(x0)*x1 + x1^3 at (1, 2)", "centeredGradient", [f, Float64Array.of(1, 2)], (f: any, x: Float64Array) => ol.numericalGradient(f, x));
  t.call("sin(x0)*x1 + x1^3 at (-0.5, 0.3)", "centeredGradient", [f, Float64Array.of(-0.5, 0.3)], (f: any, x: Float64Array) => ol.numericalGradient(f, x));
});
ol.hiddenTests("momentumRule", { points: 2, hide: ["momentum"] }, (t) => {
  const grads = [[1, -2], [0.5, 0.5], [-1, 3]];
  t.optimizer("rho 0.9, learning rate 0.1, 3 steps", "momentumRule", [{ learningRate: 0.1, rho: 0.9 }, [1, 1], grads], ol.momentum);
  t.optimizer("rho 0.5, learning rate 1, 3 steps", "momentumRule", [{ learningRate: 1, rho: 0.5 }, [0, 0], grads], ol.momentum);
});
// END HIDDEN TESTS`;

export const SELF_CHECK = `ol.selfCheck("scaleAdd", () => [scaleAdd([1, 2], [3, 4], 2), [7, 10]]);`;

function code(text: string, metadata: Record<string, unknown> = {}) {
  return { cell_type: "code" as const, source: text, metadata, outputs: [], execution_count: null };
}

/** The source notebook (solutions and hidden tests). */
export function standinSource(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "optimlab", display_name: "TypeScript (optimlab)", language: "typescript" },
      optimlab: { exercise: "00-standin", title: "Stand-in exercise" },
    },
    cells: [
      { cell_type: "markdown", source: "# Stand-in\nComplete the functions.", metadata: {} },
      code('import * as ol from "optimlab";'),
      code(SOLUTIONS.scaleAdd),
      code(SOLUTIONS.centeredGradient),
      code(SOLUTIONS.momentumRule),
      code(SELF_CHECK),
      code(HIDDEN),
    ],
  };
}

/** A fresh temporary folder holding the stand-in source as exercises/00-standin.ipynb. */
export function standinCourse(): { root: string; exercisesDir: string; sourceFile: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-homework-test-"));
  const exercisesDir = path.join(root, "exercises");
  fs.mkdirSync(exercisesDir);
  const sourceFile = path.join(exercisesDir, "00-standin.ipynb");
  fs.writeFileSync(sourceFile, JSON.stringify(standinSource(), null, 1));
  return { root, exercisesDir, sourceFile };
}

/** A student copy of the stand-in with some solution cells replaced and extra cells appended. */
export function standinSubmission(
  parts: { scaleAdd?: string; centeredGradient?: string; momentumRule?: string },
  extra: string[] = [],
): Notebook {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { studentCopy } = require("../../src/homework/assign") as typeof import("../../src/homework/assign");
  const nb = studentCopy(standinSource(), "standin");
  for (const cell of nb.cells) {
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    for (const name of ["scaleAdd", "centeredGradient", "momentumRule"] as const) {
      if (cell.metadata?.optimlab?.role === "solution" && text.includes(`function ${name}(`) && parts[name] !== undefined) {
        cell.source = parts[name]!;
      }
    }
  }
  for (const e of extra) nb.cells.push({ cell_type: "code", source: e, metadata: {}, outputs: [], execution_count: null });
  return nb;
}

/** Readers of a graded batch's rows by attack name: its per-part scores (the row must exist) and a part's feedback. */
export function batchReaders(reports: Map<string, SubmissionReport>): {
  scoresOf: (name: string) => number[];
  feedbackOf: (name: string, k: number) => string;
} {
  return {
    scoresOf: (name) => {
      const r = reports.get(name);
      assert.ok(r, `${name} has a row`);
      return r!.exercises.map((e) => e.score);
    },
    feedbackOf: (name, k) => reports.get(name)!.exercises[k].feedback,
  };
}

/** Grades a folder as `npm run grade DIR` does: the files it lists, those it refuses as error rows. */
export async function gradeFolder(
  dir: string,
  options: Omit<import("../../src/homework/grade").GradeOptions, "refused">,
): Promise<{ out: SubmissionReport[]; list: import("../../src/homework/submissionFiles").SubmissionList }> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { listSubmissions } = require("../../src/homework/submissionFiles") as typeof import("../../src/homework/submissionFiles");
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { gradeFiles } = require("../../src/homework/grade") as typeof import("../../src/homework/grade");
  const list = listSubmissions([dir]);
  const refused = new Map(list.files.filter((f) => f.refused).map((f) => [f.file, f.refused!]));
  return { out: await gradeFiles(list.files.map((f) => f.file), { ...options, refused }), list };
}
