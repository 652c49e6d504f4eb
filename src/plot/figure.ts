/**
 * Figures are plain plotly objects, `{ data, layout, frames? }`: builders return them, tests read
 * them without a browser, and `show(fig)` draws them in a notebook.
 *
 * Builders compose like Observable Plot's marks: each takes options (and often a figure) and
 * returns a figure, so a contour, its trajectories and a legend stack:
 * `overlay(contour(objective), path(trace, { name: "SGD" }))`.
 */
export type PlotlyTrace = { type?: string; name?: string; [key: string]: unknown };
export type PlotlyLayout = { title?: unknown; [key: string]: unknown };
export interface PlotlyFrame { name?: string; data: PlotlyTrace[]; traces?: number[]; [key: string]: unknown }

export interface Figure {
  data: PlotlyTrace[];
  layout: PlotlyLayout;
  frames?: PlotlyFrame[];
}

/** A figure from traces and a layout. */
export function figure(data: PlotlyTrace[], layout: PlotlyLayout = {}, frames?: PlotlyFrame[]): Figure {
  return frames ? { data, layout, frames } : { data, layout };
}

/**
 * Stacks figures: the traces of all, in order, on the first figure's layout (later layouts
 * fill in keys the first does not set). Frames are kept from the figures that have them.
 */
export function overlay(...figs: Figure[]): Figure {
  if (figs.length === 0) throw new RangeError("overlay: needs at least one figure");
  const data = figs.flatMap((f) => f.data);
  const layout = Object.assign({}, ...figs.slice().reverse().map((f) => f.layout));
  const frames = figs.flatMap((f) => f.frames ?? []);
  return figure(data, layout, frames.length > 0 ? frames : undefined);
}

/** The same figure with layout keys set (title, axes, size …). */
export function withLayout(fig: Figure, layout: PlotlyLayout): Figure {
  return { ...fig, layout: { ...fig.layout, ...layout } };
}

/** An axis title in plotly's form. */
export function axisTitle(text: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return text === undefined ? { ...extra } : { title: { text }, ...extra };
}

/** Plain arrays for JSON (plotly reads typed arrays too, but JSON.stringify does not). */
export function plain(v: ArrayLike<number>): number[] {
  return Array.from(v, (x) => (Number.isFinite(x) ? x : NaN));
}
