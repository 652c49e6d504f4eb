/**
 * Compares what a submission returned with what the reference returned, entry by entry, with the
 * relative error of the lecture's gradient check:
 *
 *   relative error = |got - expected| / max(1e-8, |got| + |expected|)
 *
 * A number, a vector (Float64Array or number[]), a Matrix {rows, cols, data}, a list of those, or
 * an object of those ({ loss, grad }) is compared; the largest error decides, and `detail` names
 * the worst entry ("grad[2,3]: expected 0.25, got 0.5") so feedback can say what went wrong.
 */

export interface Comparison {
  ok: boolean;
  /** The largest relative error found (Infinity when the shapes or types differ). */
  relativeError: number;
  /** Where the worst entry is and its two values, or why the values cannot be compared. */
  detail: string;
}

interface Worst {
  err: number;
  detail: string;
}

/** Compares `got` with `expected`; `tol` is the largest relative error that passes. */
export function compare(got: unknown, expected: unknown, tol: number): Comparison {
  const worst: Worst = { err: 0, detail: "" };
  walk(got, expected, "", worst);
  return { ok: worst.err <= tol, relativeError: worst.err, detail: worst.detail };
}

/** |a - b| / max(1e-8, |a| + |b|); 0 when both are the same NaN or infinity. */
export function entryError(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
}

export function formatNumber(x: unknown): string {
  if (typeof x !== "number") return describe(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}

/** A short description of a value's type and size, for feedback. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v !== "object") return typeof v;
  if (isNumberList(v)) return `a vector of ${(v as ArrayLike<number>).length} number${(v as ArrayLike<number>).length === 1 ? "" : "s"}`;
  if (isMatrixLike(v)) return `a ${v.rows}×${v.cols} matrix`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  const bad = (v as { $bad?: unknown }).$bad;
  if (typeof bad === "string") return bad;
  const keys = Object.keys(v);
  return keys.length === 0 ? "an empty object" : `an object with ${keys.slice(0, 5).join(", ")}`;
}

function isNumberList(v: unknown): boolean {
  if (v instanceof Float64Array || v instanceof Int32Array || v instanceof Float32Array) return true;
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number");
}

function isMatrixLike(v: unknown): v is { rows: number; cols: number; data: ArrayLike<number> } {
  const m = v as { rows: unknown; cols: unknown; data: unknown };
  return typeof v === "object" && v !== null && typeof m.rows === "number" && typeof m.cols === "number" &&
    isNumberList(m.data);
}

function fail(worst: Worst, err: number, detail: string): void {
  if (err > worst.err || worst.detail === "") {
    worst.err = err;
    worst.detail = detail;
  }
}

function name(path: string, fallback: string): string {
  return path === "" ? fallback : path;
}

function walk(got: unknown, exp: unknown, path: string, worst: Worst): void {
  if (typeof exp === "number") {
    if (typeof got !== "number") return fail(worst, Infinity, `${name(path, "result")}: expected ${formatNumber(exp)}, got ${describe(got)}`);
    const err = entryError(got, exp);
    if (err > worst.err || worst.detail === "") fail(worst, err, `${name(path, "result")}: expected ${formatNumber(exp)}, got ${formatNumber(got)}`);
    return;
  }
  if (typeof exp === "boolean" || typeof exp === "string" || exp === null || exp === undefined) {
    if (got !== exp) fail(worst, Infinity, `${name(path, "result")}: expected ${describe(exp)}, got ${describe(got)}`);
    return;
  }
  if (isMatrixLike(exp)) {
    if (!isMatrixLike(got)) return fail(worst, Infinity, `${name(path, "result")}: expected a ${exp.rows}×${exp.cols} matrix, got ${describe(got)}`);
    if (got.rows !== exp.rows || got.cols !== exp.cols || got.data.length !== exp.data.length) {
      return fail(worst, Infinity, `${name(path, "result")}: expected a ${exp.rows}×${exp.cols} matrix, got ${got.rows}×${got.cols}`);
    }
    return entries(got.data, exp.data, (i) => `${name(path, "result")}[${Math.floor(i / exp.cols)},${i % exp.cols}]`, worst);
  }
  if (isNumberList(exp)) {
    const e = exp as ArrayLike<number>;
    if (!isNumberList(got) || (got as ArrayLike<number>).length !== e.length) {
      return fail(worst, Infinity, `${name(path, "result")}: expected a vector of ${e.length} number${e.length === 1 ? "" : "s"}, got ${describe(got)}`);
    }
    return entries(got as ArrayLike<number>, e, (i) => `${name(path, "result")}[${i}]`, worst);
  }
  if (Array.isArray(exp)) {
    if (!Array.isArray(got) || got.length !== exp.length) {
      return fail(worst, Infinity, `${name(path, "result")}: expected a list of ${exp.length}, got ${describe(got)}`);
    }
    exp.forEach((e, i) => walk(got[i], e, `${name(path, "result")}[${i}]`, worst));
    return;
  }
  if (typeof exp === "object") {
    if (typeof got !== "object" || got === null) return fail(worst, Infinity, `${name(path, "result")}: expected ${describe(exp)}, got ${describe(got)}`);
    for (const key of Object.keys(exp as object)) {
      walk((got as Record<string, unknown>)[key], (exp as Record<string, unknown>)[key], path === "" ? key : `${path}.${key}`, worst);
    }
  }
}

function entries(got: ArrayLike<number>, exp: ArrayLike<number>, where: (i: number) => string, worst: Worst): void {
  for (let i = 0; i < exp.length; i++) {
    const err = entryError(Number(got[i]), exp[i]);
    if (err > worst.err || worst.detail === "") {
      fail(worst, err, `${where(i)}: expected ${formatNumber(exp[i])}, got ${formatNumber(got[i])}`);
    }
  }
}
