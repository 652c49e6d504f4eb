/**
 * The page side of an explorable: the controls above the figure, and what a change does.
 *
 *     on every input:  settings ← settings with the control's value (checked)
 *                      runs     ← exploreRuns(settings)          (src/'s rules, in the page)
 *                      Plotly.react(figure, exploreFigure(settings, runs))
 *
 * This file runs in the browser only (it is part of assets/explore.js); the library compiles
 * without the DOM's types, so the few page objects it touches are typed here as loosely as that.
 */
import { getSetting, withSetting, type Control, type Explorable } from "./explorable";
import { exploreFigure, exploreRuns, formatNumber, type ContourCache } from "./exploreFigure";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Element = any;
type PlotlyLike = { react(el: Element, data: unknown, layout: unknown, config?: unknown): Promise<unknown> };

const CONFIG = { responsive: true, displaylogo: false };

/** Adds the controls and the numbers to a figure plotly.js has drawn, and keeps them in step. */
export function mount(figureEl: Element, initial: Explorable, Plotly: PlotlyLike): { redraw(): Promise<void>; settings(): Explorable } {
  const doc = figureEl.ownerDocument;
  const win = doc.defaultView;
  let ex = initial;
  const cache: ContourCache = new Map();

  const controls = doc.createElement("div");
  controls.className = "optimlab-explore-controls";
  controls.style.cssText = "display:flex;flex-wrap:wrap;gap:4px 18px;font:13px system-ui,sans-serif;margin:4px 0 2px 60px";
  const numbers = doc.createElement("div");
  numbers.className = "optimlab-explore-numbers";
  numbers.style.cssText = "font:13px system-ui,sans-serif;margin:0 0 8px 60px;white-space:pre-line";
  figureEl.parentNode.insertBefore(controls, figureEl);
  figureEl.parentNode.insertBefore(numbers, figureEl.nextSibling);

  let busy = false;
  let dirty = false;
  let redraws = 0;
  async function redraw(): Promise<void> {
    if (busy) {
      dirty = true; // one more redraw with the newest settings once this one is done
      return;
    }
    busy = true;
    try {
      do {
        dirty = false;
        const runs = exploreRuns(ex);
        const fig = exploreFigure(ex, { cache, runs });
        await Plotly.react(figureEl, fig.data, fig.layout, CONFIG);
        await new Promise((resolve) => win.requestAnimationFrame(resolve));
        const start = `start (${formatNumber(ex.start[0])}, ${formatNumber(ex.start[1])}), ${ex.steps} steps`;
        numbers.textContent = [start, ...runs.map((r) => `${r.label}: ${r.summary}`)].join("\n");
        figureEl.dataset.redraws = String(++redraws);
        figureEl.dispatchEvent(new win.CustomEvent("optimlab-explore-redrawn", { detail: { runs: runs.map((r) => r.summary) } }));
      } while (dirty);
    } finally {
      busy = false;
    }
  }

  function set(setting: string, value: number | string | boolean | [number, number]): void {
    try {
      ex = withSetting(ex, setting, value);
    } catch (e) {
      numbers.textContent = String((e as Error).message); // a value the checks refuse leaves the figure as it was
      return;
    }
    void redraw();
  }

  ex.controls.forEach((c) => controls.appendChild(controlElement(doc, ex, c, set)));

  if (ex.clickToStart) {
    figureEl.on("plotly_click", (event: { points?: { x: number; y: number; data?: { xaxis?: string } }[] }) => {
      const p = event.points?.find((pt) => !pt.data?.xaxis || pt.data.xaxis === "x");
      if (!p || typeof p.x !== "number" || typeof p.y !== "number") return;
      set("start", [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100]);
    });
    const hint = doc.createElement("span");
    hint.textContent = "click the contour to set the start";
    hint.style.color = "#666";
    controls.appendChild(hint);
  }
  void redraw(); // the figure without the static note, and the numbers beside it
  return { redraw, settings: () => ex };
}

function controlElement(doc: any, ex: Explorable, c: Control, set: (s: string, v: number | string | boolean) => void): Element {
  const label = doc.createElement("label");
  label.style.cssText = "display:inline-flex;align-items:center;gap:6px";
  const setting = "slider" in c ? c.slider : "select" in c ? c.select : c.toggle;
  const name = doc.createElement("span");
  name.textContent = c.label ?? labelOf(ex, setting);
  label.appendChild(name);
  const current = getSetting(ex, setting);
  let input: Element;
  if ("slider" in c) {
    input = doc.createElement("input");
    input.type = "range";
    const shown = doc.createElement("output");
    const toValue = sliderScale(c, setting);
    input.min = "0";
    input.max = String(toValue.positions);
    input.step = "1";
    input.value = String(toValue.position(current as number));
    shown.textContent = formatNumber(current as number);
    input.addEventListener("input", () => {
      const v = toValue.value(Number(input.value));
      shown.textContent = formatNumber(v);
      set(setting, v);
    });
    label.appendChild(input);
    label.appendChild(shown);
  } else if ("select" in c) {
    input = doc.createElement("select");
    for (const o of c.options) {
      const opt = doc.createElement("option");
      opt.value = o;
      opt.textContent = o;
      input.appendChild(opt);
    }
    input.value = current;
    input.addEventListener("input", () => set(setting, input.value));
    label.appendChild(input);
  } else {
    input = doc.createElement("input");
    input.type = "checkbox";
    input.checked = current === true;
    input.addEventListener("input", () => set(setting, input.checked));
    label.appendChild(input);
  }
  input.dataset.setting = setting;
  return label;
}

/**
 * A slider moves over whole positions 0…N; its value is min + position·step, or on a log scale
 * min·(max/min)^(position/N) rounded to 3 significant digits (the value shown is the value used).
 */
function sliderScale(c: Extract<Control, { slider: string }>, setting: string) {
  if (c.log) {
    const positions = 200;
    const ratio = Math.log(c.max / c.min);
    return {
      positions,
      position: (v: number) => Math.round((positions * Math.log(v / c.min)) / ratio),
      value: (p: number) => Number((c.min * Math.exp((ratio * p) / positions)).toPrecision(3)),
    };
  }
  const step = c.step ?? (setting === "steps" ? 1 : (c.max - c.min) / 100);
  const positions = Math.round((c.max - c.min) / step);
  return {
    positions,
    position: (v: number) => Math.round((v - c.min) / step),
    value: (p: number) => Number((c.min + p * step).toPrecision(6)),
  };
}

const WORDS: Record<string, string> = {
  learningRate: "learning rate", rho: "ρ", beta1: "β1", beta2: "β2", decayRate: "decay rate", eps: "ε",
  weightDecay: "weight decay", biasCorrection: "bias correction", rule: "rule", objective: "objective",
  condition: "condition number κ", steps: "steps",
};

/** "learning rate (run 2)" for runs.1.learningRate when there are several runs. */
function labelOf(ex: Explorable, setting: string): string {
  const m = /^runs\.(\d+)\.(\w+)$/.exec(setting);
  if (!m) return WORDS[setting] ?? setting;
  return `${WORDS[m[2]] ?? m[2]}${ex.runs.length > 1 ? ` (${ex.runs[Number(m[1])].rule})` : ""}`;
}
