import type { Matrix } from "../core/matrix";
import { colorAt } from "./palette";
import { figure, type Figure, type PlotlyTrace } from "./figure";

export interface HyperplanesOptions {
  title?: string;
  /** The window [xmin, xmax] × [ymin, ymax] (default: the data's range with a margin). */
  window?: { x: [number, number]; y: [number, number] };
  classNames?: string[];
}

/**
 * The geometric viewpoint of a linear classifier on 2-D points: the data, coloured by class,
 * and for each class c the line where its score is zero, W[c][0]·x + W[c][1]·y + W[c][2] = 0
 * (W is C×3: two weights and the bias, after the bias trick). The score of class c grows on the
 * side the short arrow on its line points to (the direction of (W[c][0], W[c][1])).
 *
 * @param X N×2 points (or N×3 with the bias column, which is ignored).
 */
export function hyperplanes(W: Matrix, X: Matrix, y: ArrayLike<number>, options: HyperplanesOptions = {}): Figure {
  if (W.cols !== 3) throw new RangeError(`hyperplanes: W must be C×3 (two weights and a bias), got ${W.rows}×${W.cols}`);
  if (X.cols !== 2 && X.cols !== 3) throw new RangeError(`hyperplanes: X must be N×2 (or N×3 with the bias), got ${X.rows}×${X.cols}`);
  if (y.length !== X.rows) throw new RangeError(`hyperplanes: y has ${y.length} labels but X has ${X.rows} rows`);
  const px = Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols]);
  const py = Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols + 1]);
  const pad = (a: number[]): [number, number] => {
    const lo = Math.min(...a), hi = Math.max(...a), m = 0.1 * (hi - lo || 1);
    return [lo - m, hi + m];
  };
  const win = options.window ?? { x: pad(px), y: pad(py) };
  const data: PlotlyTrace[] = [];
  for (let c = 0; c < W.rows; c++) {
    const name = options.classNames?.[c] ?? `class ${c}`;
    const idx = Array.from({ length: X.rows }, (_, i) => i).filter((i) => y[i] === c);
    data.push({
      type: "scatter", mode: "markers", name, legendgroup: name,
      x: idx.map((i) => px[i]), y: idx.map((i) => py[i]), marker: { color: colorAt(c), size: 6 },
    });
  }
  for (let c = 0; c < W.rows; c++) {
    const [a, b, bias] = [W.data[c * 3], W.data[c * 3 + 1], W.data[c * 3 + 2]];
    const name = options.classNames?.[c] ?? `class ${c}`;
    // Points of a·x + b·y + bias = 0 along the longer of the two directions.
    let xs: number[], ys: number[];
    if (Math.abs(b) >= Math.abs(a)) {
      xs = [win.x[0], win.x[1]];
      ys = xs.map((x) => -(a * x + bias) / b);
    } else {
      ys = [win.y[0], win.y[1]];
      xs = ys.map((yy) => -(b * yy + bias) / a);
    }
    const mx = (xs[0] + xs[1]) / 2, my = (ys[0] + ys[1]) / 2;
    const len = Math.hypot(a, b) || 1, s = 0.08 * (win.x[1] - win.x[0]);
    data.push({
      type: "scatter", mode: "lines", name: `score of ${name} = 0`, legendgroup: name, showlegend: false,
      x: xs, y: ys, line: { color: colorAt(c), width: 2 },
    });
    data.push({
      type: "scatter", mode: "lines+markers", legendgroup: name, showlegend: false, hoverinfo: "skip",
      x: [mx, mx + (s * a) / len], y: [my, my + (s * b) / len], line: { color: colorAt(c), width: 2 },
      marker: { symbol: ["circle", "triangle-up"], size: [1, 9], color: colorAt(c), angleref: "previous" },
    });
  }
  return figure(data, {
    title: options.title ? { text: options.title } : undefined,
    xaxis: { range: win.x, title: { text: "x₁" } },
    yaxis: { range: win.y, title: { text: "x₂" }, scaleanchor: "x" },
    height: 480, width: 560,
  });
}
