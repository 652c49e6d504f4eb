/**
 * The values that cross the wall between the grader and a submission's process, as plain JSON.
 *
 * JSON has no Float64Array, no NaN and no functions, so a few tagged objects stand for them:
 *
 *   Float64Array [1, 2]      ⇄ { "$f64": [1, 2] }
 *   Int32Array [0, 2]        ⇄ { "$i32": [0, 2] }
 *   NaN, Infinity, -Infinity ⇄ { "$num": "NaN" } …
 *   an input function        ⇄ { "$fn": "x => x[0] ** 2" }   (grader → submission only)
 *
 * `encode` never throws and never trusts what it is given: a submission may return a Proxy, an
 * object whose getters throw, a cycle, or a billion numbers. What cannot be read becomes
 * `{ "$bad": "why" }`, which never equals an expected value.
 */

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

// Taken when this module loads, before a submission's code could replace them.
const isArray = Array.isArray;
const keysOf = Object.keys;
const isView = ArrayBuffer.isView;
const toNumber = Number;

/** Limits on what a submission may send back (per value). */
export const WIRE_LIMITS = { depth: 12, numbers: 4_000_000 };

/** An input function for a hidden test: `source` is evaluated in both processes. */
export interface InputFunction {
  (...args: any[]): any;
  $source: string;
}

/**
 * A function the grader can send to a submission as its source text. The source may use `ol`,
 * the library as loaded by this module (in the submission's process, not the copy the submission
 * gets, in which the functions it must write are hidden).
 */
export function inputFunction(source: string): InputFunction {
  const ol = require("../index");
  // eslint-disable-next-line no-new-func
  const f = new Function("ol", `return (${source});`)(ol) as InputFunction;
  if (typeof f !== "function") throw new TypeError(`inputFunction: source must be a function expression, got ${source}`);
  f.$source = source;
  return f;
}

/** A value as plain JSON (see the table above). */
export function encode(value: unknown): Wire {
  const budget = { numbers: WIRE_LIMITS.numbers };
  return enc(value, 0, budget, new Set());
}

function enc(v: unknown, depth: number, budget: { numbers: number }, seen: Set<unknown>): Wire {
  try {
    if (v === null || v === undefined) return null;
    switch (typeof v) {
      case "number":
        return Number.isFinite(v) ? v : { $num: String(v) };
      case "boolean":
        return v;
      case "string":
        return v.length > 10_000 ? v.slice(0, 10_000) : v;
      case "bigint":
        return { $bad: "a bigint" };
      case "symbol":
        return { $bad: "a symbol" };
      case "function": {
        const src = (v as Partial<InputFunction>).$source;
        return typeof src === "string" ? { $fn: src } : { $bad: "a function" };
      }
    }
    if (depth > WIRE_LIMITS.depth) return { $bad: "nested too deeply" };
    if (seen.has(v)) return { $bad: "a cycle" };
    if (isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<number>;
      if (a.length > budget.numbers) return { $bad: "too many numbers" };
      budget.numbers -= a.length;
      const out: Wire[] = new Array(a.length);
      for (let i = 0; i < a.length; i++) out[i] = enc(toNumber(a[i]), depth + 1, budget, seen);
      return v instanceof Int32Array ? { $i32: out } : { $f64: out };
    }
    seen.add(v);
    try {
      if (isArray(v)) {
        if (v.length > budget.numbers) return { $bad: "too many entries" };
        budget.numbers -= v.length;
        const out: Wire[] = [];
        for (let i = 0; i < v.length; i++) out.push(enc(v[i], depth + 1, budget, seen));
        return out;
      }
      const out: { [key: string]: Wire } = {};
      for (const key of keysOf(v as object)) {
        if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
        out[key] = enc((v as Record<string, unknown>)[key], depth + 1, budget, seen);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  } catch {
    return { $bad: "a value that throws when read" };
  }
}

/** An entry of a tagged number list: a number or { $num }, anything else is NaN (never throws). */
function decodeNumber(x: unknown): number {
  if (typeof x === "number") return x;
  if (x !== null && typeof x === "object" && !Array.isArray(x) && typeof (x as { $num?: unknown }).$num === "string") {
    return Number((x as { $num: string }).$num);
  }
  return NaN;
}

/**
 * The value back from JSON. In the grader (`inChild` false) objects come back with a null
 * prototype, so no key a submission chose (`__proto__`, `toString`, …) can change how the
 * grader's own code behaves, and functions are refused. In the submission's process inputs
 * (which the grader wrote) come back as ordinary objects and functions.
 *
 * In the grader it never throws: anything deeper than WIRE_LIMITS.depth, or a tagged object of
 * the wrong shape, becomes `{ $bad: "why" }` (which never equals an expected value).
 */
export function decode(w: unknown, inChild = false, depth = 0): unknown {
  if (w === null || typeof w !== "object") return w;
  if (depth > WIRE_LIMITS.depth + 2) return inChild ? null : bad("nested too deeply");
  if (Array.isArray(w)) return w.map((x) => decode(x, inChild, depth + 1));
  const o = w as Record<string, unknown>;
  if (own(o, "$f64")) return Array.isArray(o.$f64) ? Float64Array.from(o.$f64, decodeNumber) : bad("a malformed vector");
  if (own(o, "$i32")) return Array.isArray(o.$i32) ? Int32Array.from(o.$i32, decodeNumber) : bad("a malformed vector");
  if (own(o, "$num")) return typeof o.$num === "string" ? Number(o.$num) : bad("a malformed number");
  if (own(o, "$fn")) return inChild && typeof o.$fn === "string" ? inputFunction(o.$fn) : bad("a function");
  const out: Record<string, unknown> = inChild ? {} : Object.create(null);
  for (const key of Object.keys(o)) out[key] = decode(o[key], inChild, depth + 1);
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;
const own = (o: object, key: string) => hasOwn.call(o, key);

function bad(why: string): { $bad: string } {
  const o = Object.create(null) as { $bad: string };
  o.$bad = why;
  return o;
}
