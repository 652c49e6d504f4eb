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
import { contourKey, exploreFigure, exploreRuns, formatNumber, type ContourCache } from "./exploreFigure";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Element = any;
type PlotlyLike = {
  react(el: Element, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  toImage(fig: unknown, options: unknown): Promise<string>;
};

const CONFIG = { responsive: true, displaylogo: false };

/** Adds the controls and the numbers to a figure plotly.js has drawn, and keeps them in step. */
export function mount(figureEl: Element, initial: Explorable, Plotly: PlotlyLike): { redraw(): Promise<void>; settings(): Explorable } {
  const doc = figureEl.ownerDocument;
  const win = doc.defaultView;
  let ex = initial;
  const cache: ContourCache = new Map();
  const pictures = new Map<string, string>(); // the contour drawn once, as a PNG ("" while being made)

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
        const key = contourKey(ex);
        const picture = pictures.get(key);
        const xr = (fig.layout.xaxis as { range: [number, number] }).range;
        const yr = (fig.layout.yaxis as { range: [number, number] }).range;
        if (picture) {
          // The contour only changes with the objective; redrawing it costs more than the paths, so
          // once drawn it comes back as a picture of itself, placed on the same axes.
          fig.data[0] = { type: "scatter", x: [], y: [], showlegend: false, hoverinfo: "skip" };
          fig.layout.images = [{
            source: picture, xref: "x", yref: "y", x: xr[0], y: yr[1], sizex: xr[1] - xr[0], sizey: yr[1] - yr[0],
            sizing: "stretch", layer: "below",
          }];
        }
        const contourTrace = fig.data[0];
        await Plotly.react(figureEl, fig.data, fig.layout, CONFIG);
        if (!picture && !pictures.has(key)) {
          pictures.set(key, ""); // being made
          const xa = figureEl._fullLayout.xaxis, ya = figureEl._fullLayout.yaxis;
          void Plotly.toImage(
            { data: [{ ...contourTrace, hoverinfo: "skip" }], layout: { width: xa._length, height: ya._length, margin: { l: 0, r: 0, t: 0, b: 0 },
              xaxis: { range: xr, visible: false }, yaxis: { range: yr, visible: false }, showlegend: false } },
            { format: "png", width: xa._length, height: ya._length, scale: 2 },
          ).then((url) => pictures.set(key, url), () => pictures.delete(key));
        }
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
    // A click (press and release without moving) inside the contour's axes. Plotly's own
    // plotly_click fires only on a trace's point, and the contour may be a picture.
    let down: { x: number; y: number } | null = null;
    figureEl.addEventListener("mousedown", (e: { button: number; clientX: number; clientY: number }) => {
      down = e.button === 0 ? { x: e.clientX, y: e.clientY } : null;
    }, true);
    doc.addEventListener("mouseup", (e: { clientX: number; clientY: number }) => {
      const d = down;
      down = null;
      if (!d || Math.abs(e.clientX - d.x) > 4 || Math.abs(e.clientY - d.y) > 4) return;
      const xa = figureEl._fullLayout?.xaxis, ya = figureEl._fullLayout?.yaxis;
      if (!xa || !ya) return;
      const box = figureEl.getBoundingClientRect();
      const px = e.clientX - box.left - xa._offset, py = e.clientY - box.top - ya._offset;
      if (px < 0 || py < 0 || px > xa._length || py > ya._length) return;
      set("start", [Math.round(xa.p2l(px) * 100) / 100, Math.round(ya.p2l(py) * 100) / 100]);
    }, true);
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
