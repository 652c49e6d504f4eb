import type { Objective } from "../objectives/objective";
import { axisTitle, figure, type Figure, type PlotlyTrace } from "./figure";
import { checkCount, gridPoints, plotWindow, type PlotWindow } from "./plotWindow";

export interface ContourOptions {
  /** The part of the plane to draw; default: the objective's own window. */
  window?: PlotWindow;
  /** Grid points per axis (default 80): f is evaluated resolution² times. */
  resolution?: number;
  /** About how many contour levels to draw (default 30). */
  levels?: number;
  /**
   * "linear" (default) colours by f; "log" by log₁₀(1 + f − f_min), which shows both the
   * steep walls and the flat floor of a valley like Rosenbrock's.
   */
  scale?: "linear" | "log";
  /** Mark the known minimum (and every local minimum) with a star (default true). */
  showMinimum?: boolean;
  /** Same length per unit on both axes, so an elongated bowl looks elongated (default false). */
  equalAxes?: boolean;
  title?: string;
  width?: number;
  height?: number;
}

/** The grid of f values: z[i][j] = f(x[j], y[i]), with null where f is not finite. */
export interface FunctionGrid {
  x: number[];
  y: number[];
  z: (number | null)[][];
}

/**
 * f on a resolution × resolution grid over the window, as plotly's contour and surface read it:
 * z[i][j] = f(x[j], y[i]). Values that are not finite (overflow, NaN) become null, a gap.
 */
export function functionGrid(objective: Objective, window: PlotWindow, resolution: number, scale = "linear"): FunctionGrid {
  const x = gridPoints(window.x[0], window.x[1], resolution);
  const y = gridPoints(window.y![0], window.y![1], resolution);
  const p = new Float64Array(2);
  const z = y.map((yi) =>
    x.map((xj) => {
      p[0] = xj;
      p[1] = yi;
      const v = objective.f(p);
      return Number.isFinite(v) ? v : null;
    }),
  );
  if (scale === "log") {
    // log₁₀(1 + f − f_min): 0 at the minimum, one unit per factor of ten above it.
    let fmin = objective.minimum?.f ?? Infinity;
    for (const row of z) for (const v of row) if (v !== null && v < fmin) fmin = v;
    for (const row of z) for (let j = 0; j < row.length; j++) {
      const v = row[j];
      row[j] = v === null ? null : Math.log10(1 + Math.max(0, v - fmin));
    }
  }
  return { x, y, z };
}

/**
 * The level sets of a 2-D objective, filled in pale blues (light at the bottom), with the known
 * minimum marked by a star. Stack trajectories on it with `overlay(contour(f), path(trace))`:
 * the axes keep the contour's window, so a run that flies off (diverges) leaves the picture
 * instead of shrinking it.
 *
 *     show(contour(quadratic2d, { equalAxes: true }))
 */
export function contour(objective: Objective, options: ContourOptions = {}): Figure {
  const window = plotWindow("contour", objective, 2, options.window);
  const resolution = checkCount("contour", "resolution", options.resolution ?? 80, 2, 1000);
  const levels = checkCount("contour", "levels", options.levels ?? 30, 1, 500);
  const scale = options.scale ?? "linear";
  if (scale !== "linear" && scale !== "log") {
    throw new RangeError(`contour: scale must be "linear" or "log", got ${JSON.stringify(scale)}`);
  }
  const grid = functionGrid(objective, window, resolution, scale);
  const data: PlotlyTrace[] = [
    {
      type: "contour",
      name: objective.name ?? "f",
      x: grid.x,
      y: grid.y,
      z: grid.z,
      ncontours: levels,
      autocontour: true,
      colorscale: [[0, "#ffffff"], [1, "#4f8fc9"]],
      line: { width: 0.5, color: "rgba(40, 60, 90, 0.35)" },
      showscale: false,
      hovertemplate: `x=%{x:.3g}<br>y=%{y:.3g}<br>${scale === "log" ? "log₁₀(1 + f − f_min)" : "f"}=%{z:.4g}<extra></extra>`,
    },
  ];
  if (options.showMinimum ?? true) {
    const minima = objective.localMinima ?? (objective.minimum ? [objective.minimum.x] : []);
    if (minima.length > 0) {
      data.push({
        type: "scatter",
        mode: "markers",
        name: minima.length > 1 ? "minima" : "minimum",
        x: minima.map((m) => m[0]),
        y: minima.map((m) => m[1]),
        marker: { symbol: "star", size: 14, color: "#f2c100", line: { color: "#5a4500", width: 1 } },
        hovertemplate: "minimum (%{x:.4g}, %{y:.4g})<extra></extra>",
      });
    }
  }
  const title = options.title ?? objective.name;
  return figure(data, {
    title: title ? { text: title } : undefined,
    xaxis: axisTitle("x", { range: window.x.slice(), constrain: "domain" }),
    yaxis: axisTitle("y", options.equalAxes ? { range: window.y!.slice(), scaleanchor: "x", scaleratio: 1 } : { range: window.y!.slice() }),
    width: options.width,
    height: options.height ?? 450,
    margin: { t: title ? 50 : 20, r: 20, b: 50, l: 60 },
    legend: { orientation: "h", y: -0.15 },
  });
}
