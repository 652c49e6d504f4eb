import { checkWhole } from "../core/checks";
import { checkMatrix, type Matrix } from "../core/matrix";
import { figure, type Figure } from "./figure";

export interface HiddenActivationsOptions {
  /** Show at most this many examples, evenly spread over the (class-sorted) data (default 300). */
  maxExamples?: number;
  /** Order the units by the class they fire for most (default true), so blocks appear. */
  sortUnits?: boolean;
  classNames?: string[];
  title?: string;
  width?: number;
  height?: number;
}

/**
 * What the hidden layer computes: a heatmap with one row per example (grouped by class, the
 * class names on the y axis) and one column per hidden unit, coloured by the unit's activation
 * max(0, W1 x + b1). Units that fire for one class and not the others show as blocks: the
 * features the second layer W2 combines into class scores.
 *
 * `net` is anything with `hidden(X)` returning the N×H activations (a `twoLayerNet`).
 */
export function hiddenActivations(
  net: { hidden(X: Matrix): Matrix }, X: Matrix, y: ArrayLike<number>, options: HiddenActivationsOptions = {},
): Figure {
  if (!net || typeof net.hidden !== "function") throw new TypeError("hiddenActivations: net must have a hidden(X) method (a twoLayerNet)");
  checkMatrix("hiddenActivations", "X", X);
  if (!y || y.length !== X.rows) throw new RangeError(`hiddenActivations: y has ${y?.length} labels but X has ${X.rows} rows`);
  const maxExamples = checkWhole("hiddenActivations", "maxExamples", options.maxExamples ?? 300, 1);
  const A = net.hidden(X);
  const H = A.cols;

  // examples sorted by class (stable), then thinned evenly to maxExamples
  const order = Array.from({ length: X.rows }, (_, i) => i).sort((a, b) => y[a] - y[b] || a - b);
  const step = Math.max(1, order.length / maxExamples);
  const rows: number[] = [];
  for (let r = 0; r < order.length && rows.length < maxExamples; r += step) rows.push(order[Math.floor(r)]);

  // units sorted by the class with the highest mean activation, then by that mean
  let units = Array.from({ length: H }, (_, j) => j);
  const sorted = options.sortUnits ?? true;
  if (sorted) {
    const K = Math.max(...Array.from(y as ArrayLike<number>)) + 1;
    const sums = Array.from({ length: K }, () => new Float64Array(H));
    const counts = new Float64Array(K);
    for (let i = 0; i < X.rows; i++) {
      counts[y[i]]++;
      for (let j = 0; j < H; j++) sums[y[i]][j] += A.data[i * H + j];
    }
    const best = units.map((j) => {
      let k = 0;
      for (let c = 1; c < K; c++) if (sums[c][j] / (counts[c] || 1) > sums[k][j] / (counts[k] || 1)) k = c;
      return { j, k, m: sums[k][j] / (counts[k] || 1) };
    });
    units = best.sort((a, b) => a.k - b.k || b.m - a.m).map((u) => u.j);
  }

  const z = rows.map((i) => units.map((j) => round3(A.data[i * H + j])));
  const names = options.classNames;
  const label = (c: number) => (names?.[c] ?? `class ${c}`);
  // one tick at the first row of each class
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  rows.forEach((i, r) => {
    if (r === 0 || y[rows[r - 1]] !== y[i]) { tickvals.push(r); ticktext.push(label(y[i])); }
  });
  return figure(
    [{
      type: "heatmap", z, x: units.map((j) => `unit ${j}`), colorscale: "Viridis", name: "activation",
      colorbar: { title: { text: "max(0, W1x+b1)" } },
      hovertemplate: "%{x}<br>row %{y}<br>activation %{z}<extra></extra>",
    }],
    {
      title: options.title ? { text: options.title } : undefined,
      xaxis: { title: { text: `hidden units (${H}${sorted ? ", grouped by the class they fire for most" : ""})` }, type: "category", showticklabels: H <= 30 },
      yaxis: { title: { text: "example (grouped by class)" }, tickvals, ticktext, autorange: "reversed" },
      width: options.width ?? 640,
      height: options.height ?? 420,
      margin: { t: options.title ? 50 : 20, r: 20, b: 50, l: 90 },
    },
  );
}

function round3(v: number): number {
  return Math.round(v * 1e3) / 1e3;
}
