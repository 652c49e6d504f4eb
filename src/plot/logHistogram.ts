import { figure, type Figure, type PlotlyTrace } from "./figure";
import { colorAt } from "./palette";

export interface LogHistogramSeries {
  /** Positive numbers spanning decades (relative errors, step sizes …). */
  values: ArrayLike<number>;
  name?: string;
  color?: string;
}

/** A shaded stretch of the x axis, e.g. a gradient check's band "1e-4 to 1e-2: suspicious". */
export interface LogHistogramBand {
  from: number;
  to: number;
  color: string;
  label?: string;
}

export interface LogHistogramOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** Bins per factor of 10 (default 2). */
  binsPerDecade?: number;
  /** Shaded behind the bars, labelled at the top. */
  bands?: LogHistogramBand[];
  height?: number;
}

/**
 * How many values fall in each bin of a logarithmic axis: one bar series per data set, bins
 * `binsPerDecade` to a factor of 10, overlaid. The bars are drawn on log10 of the values with
 * ticks labelled 1e-8, 1e-7, …, so every decade is as wide as the next. A value that is 0 or
 * not finite has no place on a log axis: it is counted in the legend ("3 at 0") instead.
 *
 *     logHistogram([{ values: errors, name: "svmLoss" }], { bands: [{ from: 1e-2, to: 1, color: "#f8b4b4" }] })
 */
export function logHistogram(series: LogHistogramSeries[], options: LogHistogramOptions = {}): Figure {
  if (!Array.isArray(series) || series.length === 0) {
    throw new RangeError("logHistogram: series must be a non-empty array of { values, name? }");
  }
  const binsPerDecade = options.binsPerDecade ?? 2;
  if (!Number.isInteger(binsPerDecade) || binsPerDecade < 1) {
    throw new RangeError(`logHistogram: binsPerDecade must be a whole number >= 1, got ${binsPerDecade}`);
  }
  const bands = options.bands ?? [];
  bands.forEach((b, i) => {
    if (!(b.from > 0) || !(b.to > b.from) || !Number.isFinite(b.to)) {
      throw new RangeError(`logHistogram: bands[${i}] must have 0 < from < to < Infinity, got from ${b.from}, to ${b.to}`);
    }
  });
  const logs = series.map((s, i) => {
    if (!s || s.values === undefined || typeof s.values.length !== "number") {
      throw new TypeError(`logHistogram: series[${i}] has no values`);
    }
    const positive: number[] = [];
    let left = 0;
    for (let k = 0; k < s.values.length; k++) {
      const v = s.values[k];
      if (v > 0 && Number.isFinite(v)) positive.push(Math.log10(v));
      else left++;
    }
    return { positive, left };
  });
  const all = logs.flatMap((l) => l.positive);
  const lowest = Math.floor(Math.min(...all, ...bands.map((b) => Math.log10(b.from))));
  const highest = Math.ceil(Math.max(...all, ...bands.map((b) => Math.log10(b.to)))) + 0; // + 0 turns −0 into 0
  const bins = Math.max(1, (highest - lowest) * binsPerDecade);
  const width = 1 / binsPerDecade;
  const centers = Array.from({ length: bins }, (_, k) => lowest + (k + 0.5) * width);

  const data: PlotlyTrace[] = series.map((s, i) => {
    const counts = new Array<number>(bins).fill(0);
    for (const l of logs[i].positive) counts[Math.min(bins - 1, Math.floor((l - lowest) / width))]++;
    const name = s.name ?? `series ${i + 1}`;
    return {
      type: "bar",
      name: logs[i].left > 0 ? `${name} (${logs[i].left} at 0)` : name,
      x: centers,
      y: counts,
      width: width * 0.9,
      opacity: series.length > 1 ? 0.7 : 1,
      marker: { color: s.color ?? colorAt(i) },
      hovertemplate: "%{y} between %{customdata}<extra></extra>",
      customdata: centers.map((c) => `${(10 ** (c - width / 2)).toExponential(1)} and ${(10 ** (c + width / 2)).toExponential(1)}`),
    };
  });
  const decades = Array.from({ length: highest - lowest + 1 }, (_, k) => lowest + k);
  return figure(data, {
    title: options.title ? { text: options.title } : undefined,
    barmode: "overlay",
    xaxis: {
      ...(options.xTitle ? { title: { text: options.xTitle } } : {}),
      tickvals: decades,
      ticktext: decades.map((d) => `1e${d}`),
      range: [lowest, highest],
    },
    yaxis: options.yTitle ? { title: { text: options.yTitle } } : {},
    shapes: bands.map((b) => ({
      type: "rect", xref: "x", yref: "paper", x0: Math.log10(b.from), x1: Math.log10(b.to), y0: 0, y1: 1,
      fillcolor: b.color, opacity: 0.5, line: { width: 0 }, layer: "below",
    })),
    annotations: bands.filter((b) => b.label).map((b) => ({
      x: (Math.log10(b.from) + Math.log10(b.to)) / 2, y: 1, xref: "x", yref: "paper", yanchor: "bottom",
      text: b.label, showarrow: false, font: { size: 11 },
    })),
    legend: { orientation: "h", y: -0.2 },
    height: options.height ?? 400,
    margin: { t: options.title ? 70 : 40, r: 20, b: 80, l: 60 },
  });
}
