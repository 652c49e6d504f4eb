import { checkWhole } from "../core/checks";
import { linspace } from "../core/vector";
import type { Objective } from "../objectives/objective";

/** The part of the plane (or line) a figure shows: x range, and y range in 2-D. */
export interface PlotWindow {
  x: [number, number];
  y?: [number, number];
}

/**
 * The checks every function plot starts with: `objective` really is an objective of dimension
 * `dim`, and the window (the one given, else the objective's own) is usable. Throws
 * `contour: objective has dim 3, expected 2` and the like, naming the builder `fn`.
 */
export function plotWindow(fn: string, objective: Objective, dim: 1 | 2, window?: PlotWindow): PlotWindow {
  if (!objective || typeof objective !== "object" || typeof objective.f !== "function") {
    throw new TypeError(`${fn}: objective must be an Objective { dim, f, grad }, got ${String(objective)}`);
  }
  if (objective.dim !== dim) throw new RangeError(`${fn}: objective has dim ${objective.dim}, expected ${dim}`);
  const w = window ?? objective.window;
  const name = objective.name ? ` "${objective.name}"` : "";
  const wanted = dim === 2 ? "{ x: [low, high], y: [low, high] }" : "{ x: [low, high] }";
  if (!w) throw new Error(`${fn}: objective${name} has no window; pass options.window = ${wanted}`);
  checkRange(fn, "window.x", w.x);
  if (dim === 1) return { x: [w.x[0], w.x[1]] };
  if (!w.y) throw new Error(`${fn}: window has no y range; pass options.window = ${wanted}`);
  checkRange(fn, "window.y", w.y);
  return { x: [w.x[0], w.x[1]], y: [w.y[0], w.y[1]] };
}

function checkRange(fn: string, what: string, r: unknown): void {
  const ok = Array.isArray(r) && r.length === 2 && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1];
  if (!ok) throw new RangeError(`${fn}: ${what} must be [low, high] with finite low < high, got ${JSON.stringify(r)}`);
}

/** Throws unless n is a whole number in [min, max]. */
export const checkCount = (fn: string, name: string, n: unknown, min: number, max: number): number => checkWhole(fn, name, n, min, max);

/** n evenly spaced numbers from a to b, both included, as a plain array (core's linspace). */
export function gridPoints(a: number, b: number, n: number): number[] {
  return Array.from(linspace(a, b, n));
}
