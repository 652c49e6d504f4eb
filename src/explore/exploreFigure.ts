import type { Explorable, RunSettings } from "./explorable";
import {
  adagrad, adam, adamw, colorAt, contour, himmelblau, minimize, momentum, nesterov, newton, path, quadratic, rmsprop,
  rosenbrock, saddle, sgd, type Figure, type Objective, type Optimizer, type PlotlyTrace, type Trace,
} from "./library";

/** One run of an explorable: what it is, what it did, and that in words. */
export interface ExploreRun {
  label: string;
  trace: Pick<Trace, "xs" | "fs" | "status" | "nit">;
  /** "f = 3.12e-4 after 30 steps", "diverged at step 12", "converged at step 5, f = 0". */
  summary: string;
}

/** The objective an explorable's settings describe. */
export function objectiveOf(ex: Explorable): Objective {
  switch (ex.objective) {
    case "bowl": {
      // ½(λ_min x² + λ_max y²), λ_max = 4: condition 20 gives the lecture's 0.1x² + 2y².
      const lambdaMin = 4 / ex.condition;
      return quadratic([[lambdaMin, 0], [0, 4]], {
        name: `${formatNumber(lambdaMin / 2)}x² + 2y²`,
        window: { x: [-10, 10], y: [-5, 5] },
      });
    }
    case "rosenbrock":
      return rosenbrock(2);
    case "saddle":
      return saddle;
    case "himmelblau":
      return himmelblau;
  }
}

/** The update rule a run names, made by src/optimizers' own factories (its defaults included). */
export function optimizerOf(run: RunSettings): Optimizer {
  const { learningRate, rho, beta1, beta2, decayRate, eps, weightDecay, biasCorrection } = run;
  switch (run.rule) {
    case "sgd": return sgd({ learningRate: learningRate! });
    case "momentum": return momentum({ learningRate: learningRate!, rho });
    case "nesterov": return nesterov({ learningRate: learningRate!, rho });
    case "adagrad": return adagrad({ learningRate: learningRate!, eps });
    case "rmsprop": return rmsprop({ learningRate: learningRate!, decayRate, eps });
    case "adam": return adam({ learningRate, beta1, beta2, eps, biasCorrection });
    case "adamw": return adamw({ learningRate, beta1, beta2, eps, weightDecay });
    case "newton": throw new RangeError("explore: newton is a run loop, not an update rule");
  }
}

const RULE_NAMES: Record<RunSettings["rule"], string> = {
  sgd: "SGD", momentum: "SGD+Momentum", nesterov: "Nesterov", adagrad: "AdaGrad", rmsprop: "RMSProp",
  adam: "Adam", adamw: "AdamW", newton: "Newton",
};

/** "SGD+Momentum (lr 0.04, ρ 0.9)": the rule and the settings that are not left to defaults. */
export function runLabel(run: RunSettings): string {
  const parts: string[] = [];
  if (run.learningRate !== undefined) parts.push(`lr ${formatNumber(run.learningRate)}`);
  if (run.rho !== undefined) parts.push(`ρ ${formatNumber(run.rho)}`);
  if (run.decayRate !== undefined) parts.push(`decay ${formatNumber(run.decayRate)}`);
  if (run.beta1 !== undefined) parts.push(`β1 ${formatNumber(run.beta1)}`);
  if (run.beta2 !== undefined) parts.push(`β2 ${formatNumber(run.beta2)}`);
  if (run.weightDecay !== undefined) parts.push(`wd ${formatNumber(run.weightDecay)}`);
  if (run.biasCorrection === false) parts.push("no bias correction");
  return `${RULE_NAMES[run.rule]}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/** Three significant digits; exponent form for very small or large values. */
export function formatNumber(v: number): string {
  if (v === 0) return "0";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
}

/** Runs every run of the explorable from its start: minimize for the rules, newton for Newton. */
export function exploreRuns(ex: Explorable, objective: Objective = objectiveOf(ex)): ExploreRun[] {
  return ex.runs.map((run) => {
    const trace = run.rule === "newton"
      ? newton(objective, ex.start, { maxIter: ex.steps })
      : minimize(objective, optimizerOf(run), ex.start, { steps: ex.steps });
    const f = trace.fs[trace.fs.length - 1];
    const summary = trace.status === "diverged"
      ? `diverged at step ${trace.nit}`
      : trace.status === "converged"
        ? `converged at step ${trace.nit}, f = ${formatNumber(f)}`
        : trace.status === "line-search-failed"
          ? `line search failed at step ${trace.nit}, f = ${formatNumber(f)}`
          : `f = ${formatNumber(f)} after ${trace.nit} steps (${formatNumber(trace.fs[0])} at the start)`;
    return { label: runLabel(run), trace, summary };
  });
}

/** The contour under the paths, which only changes with the objective: kept by the page. */
export type ContourCache = Map<string, Figure>;

/** Which contour an explorable draws: it changes with the objective (and the bowl's condition). */
export function contourKey(ex: Explorable): string {
  return `${ex.objective}:${ex.objective === "bowl" ? ex.condition : ""}:${ex.resolution}`;
}

function contourOf(ex: Explorable, objective: Objective, cache?: ContourCache): Figure {
  const key = contourKey(ex);
  const hit = cache?.get(key);
  if (hit) return hit;
  const fig = contour(objective, {
    resolution: ex.resolution,
    levels: 20, // fewer than contour's 30: the page redraws the contour with every change
    scale: ex.objective === "rosenbrock" || ex.objective === "himmelblau" ? "log" : "linear",
    equalAxes: ex.objective === "bowl" || ex.objective === "saddle",
  });
  cache?.set(key, fig);
  return fig;
}

/** What the figure says about the objective: the bowl's curvatures and its stability limit. */
function objectiveNote(ex: Explorable): string {
  if (ex.objective !== "bowl") return "";
  const lambdaMin = 4 / ex.condition;
  return `condition number κ = ${formatNumber(ex.condition)}: λ_min = ${formatNumber(lambdaMin)}, λ_max = 4, 2/λ_max = 0.5`;
}

/** Where scripts do not run, the figure says so itself. */
export const STATIC_NOTE = "Figure for the initial settings: the controls need a trusted notebook or the exported page.";

/** A coordinate or value farther out than this is not drawn (as in plot/path). */
const FAR = 1e15;

/**
 * The explorable's figure: the contour with every run's path (left) and f per step (right),
 * each run's legend entry ending with its numbers. `note` adds STATIC_NOTE to the title.
 */
export function exploreFigure(ex: Explorable, options: { note?: boolean; cache?: ContourCache; runs?: ExploreRun[] } = {}): Figure {
  const objective = objectiveOf(ex);
  const runs = options.runs ?? exploreRuns(ex, objective);
  const base = contourOf(ex, objective, options.cache);
  const logLoss = objective.minimum !== undefined && objective.minimum.f === 0;
  const data: PlotlyTrace[] = [...base.data];
  runs.forEach((run, i) => {
    const color = colorAt(i);
    const name = `${run.label}: ${run.summary}`;
    data.push(...path(run.trace, { name, color, markers: ex.steps <= 100 }).data);
    const steps: number[] = [];
    const fs: number[] = [];
    run.trace.fs.forEach((f, k) => {
      if (!(Math.abs(f) <= FAR)) return;
      steps.push(k);
      fs.push(logLoss ? Math.max(f, 1e-30) : f); // f = 0 exactly (Newton on the bowl) drawn at 1e-30
    });
    data.push({
      type: "scatter", mode: "lines", name: `${run.label}: f`, showlegend: false, x: steps, y: fs,
      xaxis: "x2", yaxis: "y2", line: { color, width: 2 },
      hovertemplate: `${run.label}<br>step %{x}: f = %{y:.4g}<extra></extra>`,
    });
  });
  const subtitle = [objectiveNote(ex), options.note ? `<i>${STATIC_NOTE}</i>` : ""].filter((s) => s).join("<br>");
  const title = `${ex.title || objective.name}${subtitle ? `<br><span style="font-size:12px">${subtitle}</span>` : ""}`;
  const layout = {
    ...base.layout,
    title: { text: title, font: { size: 15 } },
    // no grid over the contour: the page may draw the contour as a picture beneath the grid
    xaxis: { ...(base.layout.xaxis as object), domain: [0, 0.56], showgrid: false, zeroline: false },
    yaxis: { ...(base.layout.yaxis as object), showgrid: false, zeroline: false },
    xaxis2: { domain: [0.66, 1], anchor: "y2", title: { text: "step" } },
    yaxis2: { anchor: "x2", type: logLoss ? "log" : "linear", title: { text: "f" }, exponentformat: "power" },
    height: ex.height,
    margin: { t: 95, r: 20, b: 40, l: 60 },
    legend: { orientation: "h", y: -0.2, font: { size: 11 } },
    uirevision: `${ex.objective}:${ex.condition}`,
  };
  return { data, layout };
}
