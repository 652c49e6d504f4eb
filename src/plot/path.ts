import type { Trace } from "../training/trace";
import { figure, type Figure, type PlotlyTrace } from "./figure";

/** What a path needs from a run: its iterates, and f at each one for a 1-D run. */
export type PathInput = Pick<Trace, "xs"> & Partial<Pick<Trace, "fs" | "status">>;

export interface PathOptions {
  /** The legend entry (default "path"). */
  name?: string;
  color?: string;
  /** A marker at every iterate (default true), so step sizes show as gaps between dots. */
  markers?: boolean;
  dash?: "solid" | "dash" | "dot" | "dashdot";
}

/**
 * A coordinate farther out than this counts as gone: browsers draw SVG in single precision,
 * so a line to 1e300 would break the plot, and no window of the course reaches 1e15.
 */
const FAR = 1e15;

/**
 * How much of a run can be drawn: the iterates up to (not including) the first one that is not
 * finite (or beyond ±1e15), and whether the run diverged (left for infinity or NaN, or says so in its status).
 */
export function drawablePart(fn: string, trace: PathInput): { points: [number, number][]; steps: number[]; diverged: boolean; dim: number } {
  if (!trace || !Array.isArray(trace.xs) || trace.xs.length === 0) {
    throw new TypeError(`${fn}: trace must have a non-empty xs (the iterates, xs[0] = x0)`);
  }
  const dim = trace.xs[0]?.length;
  if (dim !== 1 && dim !== 2) {
    throw new RangeError(`${fn}: trace.xs[0] has length ${dim}, expected 1 or 2 (a path is drawn on a line or in the plane)`);
  }
  if (dim === 1 && (!trace.fs || trace.fs.length !== trace.xs.length)) {
    throw new RangeError(
      `${fn}: a 1-D trace needs fs (f at every iterate) as long as xs (${trace.xs.length}), got ${trace.fs?.length ?? "none"}`,
    );
  }
  const points: [number, number][] = [];
  const steps: number[] = [];
  let diverged = trace.status === "diverged";
  for (let k = 0; k < trace.xs.length; k++) {
    const p = trace.xs[k];
    if (!p || p.length !== dim) throw new RangeError(`${fn}: trace.xs[${k}] has length ${p?.length}, expected ${dim}`);
    const pt: [number, number] = dim === 2 ? [p[0], p[1]] : [p[0], trace.fs![k]];
    if (!(Math.abs(pt[0]) <= FAR) || !(Math.abs(pt[1]) <= FAR)) {
      diverged = true;
      break;
    }
    points.push(pt);
    steps.push(k);
  }
  if (points.length === 0) throw new RangeError(`${fn}: the first iterate xs[0] = (${Array.from(trace.xs[0]).join(", ")}) is not finite`);
  return { points, steps, diverged, dim };
}

/**
 * The trajectory of a run: a line through its iterates with a dot at each, a circle at x0, and
 * for a run that diverged, a cross where it was last seen (its hover gives the step). A 2-D run is
 * drawn in the plane (x, y), a 1-D run on its function's graph (x, f(x)). Overlay it on
 * `contour` or `function1d`, whose fixed axes let a diverging run leave the picture:
 *
 *     show(overlay(contour(quadratic2d), path(minimize(quadratic2d, sgd({ learningRate: 0.4 }), [-5, -2], { steps: 30 }), { name: "SGD" })))
 */
export function path(trace: PathInput, options: PathOptions = {}): Figure {
  const { points, steps, diverged } = drawablePart("path", trace);
  const name = options.name ?? "path";
  const color = options.color;
  const markers = options.markers ?? true;
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: markers ? "lines+markers" : "lines",
      name,
      x: points.map((p) => p[0]),
      y: points.map((p) => p[1]),
      text: steps.map((k) => `step ${k}`),
      line: { width: 2, dash: options.dash ?? "solid", ...(color ? { color } : {}) },
      marker: { size: 5, ...(color ? { color } : {}) },
      hovertemplate: `${name}: %{text}<br>(%{x:.4g}, %{y:.4g})<extra></extra>`,
    },
    {
      type: "scatter",
      mode: "markers",
      name: `${name} start`,
      showlegend: false,
      x: [points[0]?.[0]],
      y: [points[0]?.[1]],
      marker: { symbol: "circle-open", size: 12, line: { width: 2 }, ...(color ? { color } : {}) },
      hovertemplate: `${name}: start (%{x:.4g}, %{y:.4g})<extra></extra>`,
    },
  ];
  if (diverged && points.length > 0) {
    const last = points[points.length - 1];
    data.push({
      type: "scatter",
      mode: "markers",
      name: `${name}: diverged`,
      x: [last[0]],
      y: [last[1]],
      marker: { symbol: "x", size: 12, ...(color ? { color } : {}) },
      hovertemplate: `${name}: last finite iterate, step ${steps[steps.length - 1]}<extra></extra>`,
    });
  }
  return figure(data, {});
}
