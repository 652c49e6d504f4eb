import { axisTitle, figure, type Figure } from "./figure";

export interface BarChartOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
  /** Number shown above each bar (e.g. "15.5%"). */
  text?: string[];
}

/** One bar per label: accuracy against chance, cost per method, …. */
export function barChart(labels: string[], values: ArrayLike<number>, options: BarChartOptions = {}): Figure {
  if (labels.length !== values.length) {
    throw new RangeError(`barChart: ${labels.length} labels but ${values.length} values`);
  }
  if (labels.length === 0) throw new RangeError("barChart: needs at least one bar");
  return figure(
    [{ type: "bar", x: labels.slice(), y: Array.from(values), text: options.text, textposition: "outside" }],
    {
      title: options.title ? { text: options.title } : undefined,
      xaxis: axisTitle(options.xTitle),
      yaxis: axisTitle(options.yTitle),
      height: options.height ?? 360,
      margin: { t: options.title ? 50 : 20, r: 20, b: 50, l: 60 },
    },
  );
}
