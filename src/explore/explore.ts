import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { explorable, type ExploreOptions, type Explorable } from "./explorable";
import { exploreFigure, exploreRuns, STATIC_NOTE } from "./exploreFigure";
import { figureBundle, inlineScriptLoader, projectRoot, sendFigure, type MimeBundle } from "./jupyter";
import { staticSvg } from "./staticSvg";

/** Where `npm run build` puts the page bundle (src/cli/bundle.ts). */
export function exploreBundlePath(): string {
  return path.join(projectRoot(), "assets", "explore.js");
}

let bundleInlined = false;
let count = 0;

/**
 * Shows a figure with controls: sliders, selects and toggles that change the settings, and a
 * click on the contour that sets the start. Every change re-runs the update rules of src/ in the
 * page (assets/explore.js, inlined gzipped in the first explorable of a kernel session, as
 * plotly.js is) and redraws the paths, the loss curves and their numbers. No kernel is needed
 * for that: a trusted classic Notebook, the pages of `npm run export`, any page that runs scripts.
 * Where scripts do not run, the figure for the initial settings shows, and says so in its title.
 * It returns nothing; `exploreDisplay(options)` gives the MIME bundle it sends.
 */
export function explore(options: ExploreOptions): void {
  const bundle = exploreDisplay(options);
  if (sendFigure(bundle)) bundleInlined = true; // plotly.js went out with it too, if it had not yet
}

/** The MIME bundle `explore` sends (plotly JSON, HTML, plain text). */
export function exploreDisplay(options: ExploreOptions, inline: { bundle?: boolean; plotly?: boolean } = {}): MimeBundle {
  const ex = explorable(options); // every check before anything is drawn
  const runs = exploreRuns(ex);
  const fig = exploreFigure(ex, { note: true, runs });
  const shown = figureBundle(fig, inline.plotly === undefined ? {} : { inlinePlotly: inline.plotly });
  const html = String(shown["text/html"]);
  const figureId = /id="([^"]+)"/.exec(html)![1];
  const id = `optimlab-explore-${process.pid}-${++count}`;
  const svg = Buffer.from(staticSvg(fig)).toString("base64");
  return {
    ...shown,
    "text/html": `<div id="${id}" class="optimlab-explore">
<div class="optimlab-explore-static"><img alt="${escapeAttr(`${runs.map((r) => `${r.label}: ${r.summary}`).join("; ")}. ${STATIC_NOTE}`)}" src="data:image/svg+xml;base64,${svg}"></div>
${html}
<script>
${(inline.bundle ?? !bundleInlined) ? loaderScript() : ""}
${mountScript(id, figureId, ex)}
</script>
</div>`,
    "text/plain": `Explorable: ${runs.map((r) => `${r.label}: ${r.summary}`).join("; ")}`,
  };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

let gzippedBundle: string | null = null;

/** assets/explore.js gzipped and base64-encoded. */
function bundlePayload(): string {
  if (gzippedBundle === null) {
    const file = exploreBundlePath();
    if (!fs.existsSync(file)) throw new Error(`explore: the page bundle is missing at ${file}; run \`npm run build\``);
    gzippedBundle = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).toString("base64");
  }
  return gzippedBundle;
}

/** Defines `window.optimlabExploreReady`, a promise of the page bundle, unpacked once. */
function loaderScript(): string {
  return inlineScriptLoader("optimlabExplore", "optimlabExploreReady", bundlePayload());
}

/** Hides the static picture, waits for plotly.js to draw the figure, then adds the controls. */
function mountScript(id: string, figureId: string, ex: Explorable): string {
  const spec = JSON.stringify(ex).replace(/</g, "\\u003c");
  return `(function () {
  const root = document.getElementById(${JSON.stringify(id)});
  root.querySelector(".optimlab-explore-static").style.display = "none";
  const el = document.getElementById(${JSON.stringify(figureId)});
  let waited = 0;
  (function start() {
    const plotly = window.optimlabPlotly || (window.Plotly && Promise.resolve(window.Plotly));
    if (window.optimlabExploreReady && plotly && el._fullLayout) {
      Promise.all([window.optimlabExploreReady, plotly]).then(([lib, Plotly]) => lib.mount(el, ${spec}, Plotly));
    } else if ((waited += 50) < 20000) {
      setTimeout(start, 50);
    } else {
      el.insertAdjacentText("beforebegin", "The explorable's code is not loaded on this page: re-run the notebook from the top (Restart & Run All).");
    }
  })();
})();`;
}
