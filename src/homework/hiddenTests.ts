/**
 * Hidden tests, as an instructor writes them in an exercise notebook (between
 * `// BEGIN HIDDEN TESTS` and `// END HIDDEN TESTS`, so student copies never contain them; the
 * notebook imports it with `import { hiddenTests } from "optimlab/dist/homework"`, it is not on `ol`):
 *
 *   hiddenTests("svmLoss", { points: 4, hide: ["svmLoss", "svmLossNaive"] }, (t) => {
 *     const W = …, X = …, y = …;
 *     t.call("W 3×5, X 8×5, reg 0.1", "svmLoss", [W, X, y, 0.1], ol.svmLoss);
 *   });
 *
 * Each case names the student's function, its INPUTS and the reference that gives the expected
 * value. The grader runs this code in its own process: it computes every expected value there,
 * and sends only the inputs to the submission's process. In a notebook (tslab), hiddenTests just
 * builds the cases, so a mistake in them shows, and prints how many there are.
 */
import { Driver, runDriver } from "./drivers";
import { encode, InputFunction, inputFunction, Wire } from "./wire";

export interface HiddenCase {
  label: string;
  driver: Driver;
  /** The student's function, by name. */
  fn: string;
  /** The inputs in wire format, taken before the reference ran (so it cannot change them). */
  args: Wire;
  expected: unknown;
  /** Largest relative error that passes. */
  tol: number;
  /** Share of the exercise's points (all cases weigh 1 unless told). */
  weight: number;
}

export interface HiddenExercise {
  name: string;
  points: number;
  /** Wall-clock limit for the whole exercise, in seconds. */
  timeout: number;
  /** Library functions hidden from the submission while this exercise is graded. */
  hide: string[];
  /** What students see of these cases (scorePart.ts); the grader's --feedback overrides it. */
  feedback?: "points" | "pass-fail" | "full";
  /** When Gradescope shows this part to students (default "after_published"). */
  visibility?: "hidden" | "after_due_date" | "after_published" | "visible";
  cases: HiddenCase[];
}

export interface CaseOptions {
  tol?: number;
  weight?: number;
  /** Compare only these fields of the result (e.g. ["x"] of a Trace). */
  pick?: string[];
}

export interface HiddenTestBuilder {
  /** fn(...args) against reference(...args). */
  call(label: string, fn: string, args: unknown[], reference: (...args: any[]) => unknown, options?: CaseOptions): void;
  /** An update rule: opt = fn(options); opt.step(x, dx) for each dx; every x compared. */
  optimizer(
    label: string,
    fn: string,
    args: [options: unknown, x0: ArrayLike<number>, grads: ArrayLike<number>[]],
    reference: (options: any) => unknown,
    options?: CaseOptions,
  ): void;
  /** A function input (e.g. the f of a numerical gradient), sent to the submission as its source. */
  fn(source: string): InputFunction;
}

export interface HiddenTestOptions {
  points: number;
  timeout?: number;
  tol?: number;
  hide?: string[];
  /** "points", "pass-fail" (the default) or "full" (see scorePart.ts). */
  feedback?: "points" | "pass-fail" | "full";
  /** Gradescope: "hidden", "after_due_date", "after_published" (the default) or "visible". */
  visibility?: "hidden" | "after_due_date" | "after_published" | "visible";
}

let collecting: HiddenExercise[] | null = null;

/** Runs `run` (which evaluates hidden test cells) and returns the exercises they declared. */
export function collectHiddenTests(run: () => void): HiddenExercise[] {
  const prior = collecting;
  collecting = [];
  try {
    run();
    return collecting;
  } finally {
    collecting = prior;
  }
}

function pick(value: unknown, keys: string[] | undefined): unknown {
  if (!keys || typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (value as Record<string, unknown>)[k];
  return out;
}

/** Declares the hidden tests of one graded exercise (see the file comment). */
export function hiddenTests(name: string, options: HiddenTestOptions, build: (t: HiddenTestBuilder) => void): void {
  if (typeof name !== "string" || name === "") throw new TypeError("hiddenTests: name must be a non-empty string");
  if (!(options.points > 0)) throw new RangeError(`hiddenTests: points must be > 0, got ${options.points}`);
  if (options.feedback !== undefined && !["points", "pass-fail", "full"].includes(options.feedback)) {
    throw new RangeError(`hiddenTests: feedback must be "points", "pass-fail" or "full", got ${JSON.stringify(options.feedback)}`);
  }
  if (options.visibility !== undefined && !["hidden", "after_due_date", "after_published", "visible"].includes(options.visibility)) {
    throw new RangeError(`hiddenTests: visibility must be "hidden", "after_due_date", "after_published" or "visible", got ${JSON.stringify(options.visibility)}`);
  }
  const ex: HiddenExercise = {
    name,
    points: options.points,
    timeout: options.timeout ?? 10,
    hide: options.hide ?? [],
    feedback: options.feedback,
    visibility: options.visibility,
    cases: [],
  };
  const tol0 = options.tol ?? 1e-6;
  const add = (label: string, driver: Driver, fn: string, args: unknown[], reference: (...a: any[]) => unknown, o: CaseOptions = {}) => {
    if (typeof reference !== "function") throw new TypeError(`hiddenTests: the reference of "${label}" must be a function`);
    const wire = encode(args);
    const expected = pick(runDriver(driver, reference, args), o.pick);
    ex.cases.push({ label, driver, fn, args: wire, expected, tol: o.tol ?? tol0, weight: o.weight ?? 1 });
  };
  build({
    call: (label, fn, args, reference, o) => add(label, "call", fn, args, reference, o),
    optimizer: (label, fn, args, reference, o) => add(label, "optimizer", fn, args, reference, o),
    fn: (source) => inputFunction(source),
  });
  if (ex.cases.length === 0) throw new Error(`hiddenTests: "${name}" declares no cases`);
  if (collecting) collecting.push(ex);
  else console.log(`hidden tests "${name}": ${ex.cases.length} cases, ${ex.points} points (run by the grader)`);
}
