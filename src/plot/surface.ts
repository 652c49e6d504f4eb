import type { Objective } from "../objectives/objective";
import { functionGrid } from "./contour";
import { figure, type Figure } from "./figure";
import { checkCount, plotWindow, type PlotWindow } from "./plotWindow";

export interface SurfaceOptions {
  /** The part of the plane to draw; default: the objective's own window. */
  window?: PlotWindow;
  /** Grid points per axis (default 50). */
  resolution?: number;
  /** "linear" (default) draws f; "log" draws log₁₀(1 + f − f_min). */
  scale?: "linear" | "log";
  title?: string;
  width?: number;
  height?: number;
}

/**
 * A 2-D objective as a 3-D surface z = f(x, y), to turn with the mouse: the saddle x² − y² is
 * a minimum along x and a maximum along y, which a contour only hints at.
 *
 *     show(surface(saddle))
 */
export function surface(objective: Objective, options: SurfaceOptions = {}): Figure {
  const window = plotWindow("surface", objective, 2, options.window);
  const resolution = checkCount("surface", "resolution", options.resolution ?? 50, 2, 500);
  const scale = options.scale ?? "linear";
  if (scale !== "linear" && scale !== "log") {
    throw new RangeError(`surface: scale must be "linear" or "log", got ${JSON.stringify(scale)}`);
  }
  const grid = functionGrid(objective, window, resolution, scale);
  const title = options.title ?? objective.name;
  const zTitle = scale === "log" ? "log₁₀(1 + f − f_min)" : "f(x, y)";
  return figure(
    [
      {
        type: "surface",
        name: objective.name ?? "f",
        x: grid.x,
        y: grid.y,
        z: grid.z,
        colorscale: "Viridis",
        showscale: false,
        contours: { z: { show: true, usecolormap: true, project: { z: true } } },
        hovertemplate: `x=%{x:.3g}<br>y=%{y:.3g}<br>${zTitle}=%{z:.4g}<extra></extra>`,
      },
    ],
    {
      title: title ? { text: title } : undefined,
      scene: {
        xaxis: { title: { text: "x" } },
        yaxis: { title: { text: "y" } },
        zaxis: { title: { text: zTitle } },
        camera: { eye: { x: 1.6, y: -1.6, z: 1.1 } },
      },
      width: options.width,
      height: options.height ?? 500,
      margin: { t: title ? 50 : 10, r: 10, b: 10, l: 10 },
    },
  );
}
