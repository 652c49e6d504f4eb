import type { Objective } from "../objectives/objective";
import { axisTitle, figure, type Figure, type PlotlyTrace } from "./figure";
import { paddedRange } from "./paddedRange";
import { checkCount, gridPoints, plotWindow } from "./plotWindow";

export interface Function1dOptions {
  /** The x range to draw; default: the objective's own window. */
  window?: { x: [number, number] };
  /** Points on the curve (default 400). */
  resolution?: number;
  /** Mark the minima the objective knows (default true). */
  showMinima?: boolean;
  name?: string;
  title?: string;
  width?: number;
  height?: number;
}

/**
 * The graph of a 1-D objective, y = f(x), with its known minima marked (the global one as a
 * star, other local minima as diamonds). Overlay `path(trace)` of a 1-D run to watch gradient
 * descent roll into whichever valley it starts above.
 *
 *     show(function1d(localMinimum1d))
 */
export function function1d(objective: Objective, options: Function1dOptions = {}): Figure {
  const window = plotWindow("function1d", objective, 1, options.window);
  const resolution = checkCount("function1d", "resolution", options.resolution ?? 400, 2, 100000);
  const xs = gridPoints(window.x[0], window.x[1], resolution);
  const p = new Float64Array(1);
  const ys = xs.map((x) => {
    p[0] = x;
    const v = objective.f(p);
    return Number.isFinite(v) ? v : null;
  });
  const name = options.name ?? objective.name ?? "f";
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", name, x: xs, y: ys, line: { color: "#444", width: 2 } },
  ];
  if (options.showMinima ?? true) {
    const global = objective.minimum;
    const local = (objective.localMinima ?? []).filter((m) => !global || m[0] !== global.x[0]);
    if (global) {
      data.push({
        type: "scatter", mode: "markers", name: "global minimum", x: [global.x[0]], y: [global.f],
        marker: { symbol: "star", size: 14, color: "#f2c100", line: { color: "#5a4500", width: 1 } },
      });
    }
    if (local.length > 0) {
      data.push({
        type: "scatter", mode: "markers", name: "local minimum", x: local.map((m) => m[0]), y: local.map((m) => objective.f(m)),
        marker: { symbol: "diamond", size: 11, color: "#a0a0a0", line: { color: "#333", width: 1 } },
      });
    }
  }
  // A fixed y range (the curve and 8% around it), so a diverging run leaves the picture.
  const title = options.title ?? objective.name;
  return figure(data, {
    title: title ? { text: title } : undefined,
    xaxis: axisTitle("x", { range: window.x.slice() }),
    yaxis: axisTitle("f(x)", { range: paddedRange(ys, 0.08) }),
    width: options.width,
    height: options.height ?? 380,
    margin: { t: title ? 50 : 20, r: 20, b: 50, l: 60 },
  });
}
