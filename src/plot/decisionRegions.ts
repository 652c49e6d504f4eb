import { checkMatrix, shapeOf, type Matrix } from "../core/matrix";
import { checkWhole } from "../core/checks";
import { axisTitle, figure, plain, type Figure, type PlotlyTrace } from "./figure";
import { paddedRange } from "./paddedRange";
import { PALETTE } from "./palette";
import { gridPoints } from "./plotWindow";

/** Class colours: the one palette of every figure (class 0 blue, class 1 red, then green, …). */
export const CLASS_COLORS = PALETTE;

export interface DecisionRegionsOptions {
  /** Grid points per axis (default 120). */
  resolution?: number;
  /** The x and y ranges of the grid (default: the data's range plus 10% on each side). */
  xRange?: [number, number];
  yRange?: [number, number];
  /** Number of classes (default: 1 + the largest label or prediction). */
  numClasses?: number;
  /** Legend names of the classes (default "class 0", …). */
  classNames?: string[];
  colors?: string[];
  title?: string;
  xTitle?: string;
  yTitle?: string;
  width?: number;
  height?: number;
}

/**
 * Decision regions of a classifier on 2-D data: the plane coloured by the class `predict` gives
 * each grid point (a heatmap), the data on top (one marker trace per class, same colours).
 *
 * `predict` takes an M×2 matrix of points (one per row) and returns M class labels, so any
 * classifier fits: `X => net.predict(X)`, or a linear one on features, `X => linear(polar(X))`.
 *
 *     show(decisionRegions(data.X, data.y, (G) => net.predict(G), { title: "2-layer net" }))
 */
export function decisionRegions(
  X: Matrix, y: ArrayLike<number>, predict: (points: Matrix) => ArrayLike<number>, options: DecisionRegionsOptions = {},
): Figure {
  checkMatrix("decisionRegions", "X", X);
  if (X.cols !== 2) throw new RangeError(`decisionRegions: X must be N×2 (points in the plane), got ${shapeOf(X)}`);
  if (!y || y.length !== X.rows) throw new RangeError(`decisionRegions: y has ${y?.length} labels but X has ${X.rows} rows`);
  if (typeof predict !== "function") throw new TypeError("decisionRegions: predict must be a function (points: Matrix) => labels");
  const n = options.resolution ?? 120;
  checkWhole("decisionRegions", "resolution", n, 2);

  const xs = X.data.filter((_, k) => k % 2 === 0);
  const ys = X.data.filter((_, k) => k % 2 === 1);
  const [x0, x1] = options.xRange ?? paddedRange(xs, 0.1);
  const [y0, y1] = options.yRange ?? paddedRange(ys, 0.1);
  const gx = gridPoints(x0, x1, n);
  const gy = gridPoints(y0, y1, n);

  // all grid points as one n²×2 matrix, row by row (y outer), so z[j][i] is the class at (gx[i], gy[j])
  const grid: Matrix = { rows: n * n, cols: 2, data: new Float64Array(2 * n * n) };
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      grid.data[2 * (j * n + i)] = gx[i];
      grid.data[2 * (j * n + i) + 1] = gy[j];
    }
  }
  const labels = predict(grid);
  if (!labels || labels.length !== n * n) {
    throw new RangeError(`decisionRegions: predict returned ${labels?.length} labels for ${n * n} grid points`);
  }
  let maxLabel = 0;
  for (let k = 0; k < y.length; k++) maxLabel = Math.max(maxLabel, y[k]);
  for (let k = 0; k < labels.length; k++) maxLabel = Math.max(maxLabel, labels[k]);
  const K = options.numClasses ?? maxLabel + 1;
  const colors = options.colors ?? CLASS_COLORS;
  const names = options.classNames ?? Array.from({ length: K }, (_, k) => `class ${k}`);
  const z = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => labels[j * n + i]));

  // a discrete colour scale: label k (in [k - 0.5, k + 0.5]) gets colour k
  const colorscale: [number, string][] = [];
  for (let k = 0; k < K; k++) colorscale.push([k / K, colors[k % colors.length]], [(k + 1) / K, colors[k % colors.length]]);
  const regions: PlotlyTrace = {
    type: "heatmap", x: gx, y: gy, z, zmin: -0.5, zmax: K - 0.5, colorscale, opacity: 0.3,
    showscale: false, hoverinfo: "skip", name: "decision regions",
  };
  const points: PlotlyTrace[] = [];
  for (let k = 0; k < K; k++) {
    const idx = [];
    for (let i = 0; i < X.rows; i++) if (y[i] === k) idx.push(i);
    if (idx.length === 0) continue;
    points.push({
      type: "scatter", mode: "markers", name: names[k] ?? `class ${k}`,
      x: plain(idx.map((i) => X.data[2 * i])), y: plain(idx.map((i) => X.data[2 * i + 1])),
      marker: { color: colors[k % colors.length], size: 6, line: { color: "black", width: 0.5 } },
    });
  }
  return figure([regions, ...points], {
    title: options.title ? { text: options.title } : undefined,
    xaxis: axisTitle(options.xTitle, { range: [x0, x1] }),
    yaxis: axisTitle(options.yTitle, { range: [y0, y1] }),
    width: options.width ?? 480,
    height: options.height ?? 440,
    margin: { t: options.title ? 50 : 20, r: 20, b: 50, l: 60 },
  });
}
