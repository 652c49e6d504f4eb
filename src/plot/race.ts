import type { Objective } from "../objectives/objective";
import { contour, type ContourOptions } from "./contour";
import { type Figure, type PlotlyFrame, type PlotlyTrace } from "./figure";
import { colorAt } from "./palette";
import { drawablePart, type PathInput } from "./path";
import { checkCount, plotWindow } from "./plotWindow";

/** One contestant: a run and the name it carries in the legend. */
export interface RaceRun {
  name: string;
  trace: PathInput;
  color?: string;
}

export interface RaceOptions extends ContourOptions {
  /** At most this many frames (default 60); long runs are sampled evenly, first and last step kept. */
  frames?: number;
  /** Milliseconds per frame when playing (default 80). */
  frameDuration?: number;
}

/**
 * An animated race: several runs on one contour, moving together step by step. Each run is a
 * line with dots (the way it came) and a large marker (where it is now). The animation is made
 * of plotly frames with Play / Pause buttons and a slider over the steps, which plotly.js plays
 * by itself, so it also works in a saved or exported HTML page with no kernel behind it.
 *
 * Runs of different lengths are fine: one that stopped (converged, or diverged and was drawn up
 * to its last finite iterate) waits where it stopped.
 *
 *     show(race(quadratic2d, [{ name: "SGD", trace: t1 }, { name: "Adam", trace: t2 }]))
 */
export function race(objective: Objective, runs: RaceRun[], options: RaceOptions = {}): Figure {
  if (!Array.isArray(runs) || runs.length === 0) {
    throw new RangeError("race: runs must be a non-empty array of { name, trace }");
  }
  const maxFrames = checkCount("race", "frames", options.frames ?? 60, 2, 1000);
  const duration = options.frameDuration ?? 80;
  if (!(Number.isFinite(duration) && duration >= 0)) {
    throw new RangeError(`race: frameDuration must be a finite number of milliseconds >= 0, got ${duration}`);
  }
  const parts = runs.map((run, i) => {
    if (!run || typeof run.name !== "string") throw new TypeError(`race: runs[${i}] must be { name, trace }`);
    const part = drawablePart(`race: runs[${i}] ("${run.name}")`, run.trace);
    if (part.dim !== 2) throw new RangeError(`race: runs[${i}] ("${run.name}") is ${part.dim}-D, expected 2-D iterates`);
    return part;
  });
  plotWindow("race", objective, 2, options.window);
  const base = contour(objective, options);
  // The frames show steps s_0 = 0 < s_1 < … < s_last = the longest run's last step.
  const lastStep = Math.max(...parts.map((p) => p.steps[p.steps.length - 1]));
  const frameCount = Math.min(maxFrames, lastStep + 1);
  const frameSteps = Array.from({ length: frameCount }, (_, k) =>
    frameCount === 1 ? 0 : Math.round((k * lastStep) / (frameCount - 1)),
  );

  const first = base.data.length; // run i has its line at first + 2i and its marker at first + 2i + 1
  const runTraces = (s: number): PlotlyTrace[] =>
    parts.flatMap((part, i) => {
      const n = upTo(part.steps, s); // iterates 0 … s that were drawable
      const pts = part.points.slice(0, n);
      const head = pts[pts.length - 1];
      const stopped = n === part.points.length; // at its last drawable iterate
      const color = runs[i].color ?? colorAt(i);
      const label = part.diverged && stopped ? `${runs[i].name}: diverged` : runs[i].name;
      return [
        {
          type: "scatter",
          mode: "lines+markers",
          name: runs[i].name,
          legendgroup: runs[i].name,
          x: pts.map((p) => p[0]),
          y: pts.map((p) => p[1]),
          line: { color, width: 2 },
          marker: { color, size: 4 },
        },
        {
          type: "scatter",
          mode: "markers",
          name: label,
          legendgroup: runs[i].name,
          showlegend: false,
          x: [head[0]],
          y: [head[1]],
          marker: { color, size: 13, symbol: part.diverged && stopped ? "x" : "circle", line: { color: "white", width: 1 } },
          hovertemplate: `${label}, step ${part.steps[n - 1]}: (%{x:.4g}, %{y:.4g})<extra></extra>`,
        },
      ];
    });
  const traceIndices = parts.flatMap((_, i) => [first + 2 * i, first + 2 * i + 1]);
  const frames: PlotlyFrame[] = frameSteps.map((s) => ({ name: `step ${s}`, data: runTraces(s), traces: traceIndices }));

  // redraw: true on every frame: with redraw: false plotly.js animates scatter traces only and
  // drops the contour underneath (plotly.js issue #4491).
  const still = { mode: "immediate", frame: { duration: 0, redraw: true }, transition: { duration: 0 } };
  return {
    data: [...base.data, ...frames[0].data],
    layout: {
      ...base.layout,
      // title on top, the legend between it and the plot, the controls below the x axis
      title: base.layout.title ? { ...(base.layout.title as object), y: 0.98, yanchor: "top" } : undefined,
      margin: { t: base.layout.title ? 90 : 50, r: 20, b: 130, l: 60 },
      height: (options.height ?? 450) + 100,
      legend: { orientation: "h", y: 1.01, yanchor: "bottom", x: 0.5, xanchor: "center" },
      updatemenus: [
        {
          type: "buttons",
          direction: "left",
          showactive: false,
          x: 0,
          xanchor: "left",
          y: -0.2,
          yanchor: "top",
          pad: { t: 0, r: 10 },
          buttons: [
            {
              label: "▶ Play",
              method: "animate",
              args: [null, { fromcurrent: true, frame: { duration, redraw: true }, transition: { duration: 0 } }],
            },
            { label: "❚❚ Pause", method: "animate", args: [[null], still] },
          ],
        },
      ],
      sliders: [
        {
          active: 0,
          x: 0.22,
          len: 0.78,
          y: -0.16,
          yanchor: "top",
          pad: { t: 0 },
          currentvalue: { prefix: "step ", visible: true, xanchor: "right" },
          steps: frames.map((f) => ({ label: String(f.name).replace("step ", ""), method: "animate", args: [[f.name], still] })),
        },
      ],
    },
    frames,
  };
}

/** How many of the sorted steps are ≤ s. */
function upTo(steps: number[], s: number): number {
  let n = 0;
  while (n < steps.length && steps[n] <= s) n++;
  return n;
}
