import { axisTitle, figure, plain, type Figure, type PlotlyTrace } from "./figure";

export interface Series {
  /** y values; x defaults to 0, 1, 2, …. */
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  name?: string;
  /** "lines" (default), "markers" or "lines+markers". */
  mode?: string;
  dash?: "solid" | "dash" | "dot" | "dashdot";
  color?: string;
}

export interface LineChartOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
}

/**
 * Lines over a shared x axis: loss per iteration, best loss so far, error against h …
 * Non-finite values (a diverged run's Inf or NaN) leave a gap rather than breaking the plot.
 */
export function lineChart(series: Series[], options: LineChartOptions = {}): Figure {
  if (!Array.isArray(series) || series.length === 0) {
    throw new RangeError("lineChart: series must be a non-empty array of { y, x?, name? }");
  }
  const data: PlotlyTrace[] = series.map((s, i) => {
    if (!s || s.y === undefined) throw new TypeError(`lineChart: series[${i}] has no y values`);
    if (s.x !== undefined && s.x.length !== s.y.length) {
      throw new RangeError(`lineChart: series[${i}] has ${s.x.length} x values but ${s.y.length} y values`);
    }
    return {
      type: "scatter",
      mode: s.mode ?? "lines",
      name: s.name ?? `series ${i + 1}`,
      x: s.x ? plain(s.x) : Array.from({ length: s.y.length }, (_, k) => k),
      y: plain(s.y),
      line: { dash: s.dash ?? "solid", ...(s.color ? { color: s.color } : {}) },
    };
  });
  return figure(data, {
    title: options.title ? { text: options.title } : undefined,
    xaxis: axisTitle(options.xTitle, options.logX ? { type: "log" } : {}),
    yaxis: axisTitle(options.yTitle, options.logY ? { type: "log" } : {}),
    width: options.width,
    height: options.height ?? 380,
    margin: { t: options.title ? 50 : 20, r: 20, b: 50, l: 60 },
  });
}
