/**
 * Opening a page in real headless Chromium and counting the figures plotly.js drew.
 *
 * Chromium's `--dump-dom` prints the page's DOM after its scripts ran (`--virtual-time-budget`
 * lets timers and the plotly.js unpacking finish). A figure is drawn when its
 * `.optimlab-figure` div became a `.js-plotly-plot` holding a `.main-svg`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromiumFlags, ensureChromium } from "./tools";

export interface FigureReport { figures: number; drawn: number; notDrawn: string[] }

/** The DOM of a local page after its scripts ran. */
export function renderedDom(file: string, budgetMs = 20000): string {
  const chromium = ensureChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-chromium-"));
  try {
    const r = spawnSync(
      chromium,
      [...chromiumFlags(profile), `--virtual-time-budget=${budgetMs}`, "--dump-dom", pathToFileURL(file).href],
      { encoding: "utf8", maxBuffer: 256 << 20, timeout: 120000 },
    );
    if (r.status !== 0) throw new Error(`chromium failed on ${file}: ${r.stderr}`);
    return r.stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Counts the course's figures in a page and which of them plotly.js drew. */
export function figureReport(dom: string): FigureReport {
  const opening = /<div\b[^>]*\bclass="optimlab-figure[^"]*"[^>]*>/g;
  const starts: { index: number; tag: string }[] = [];
  for (let m; (m = opening.exec(dom)); ) starts.push({ index: m.index, tag: m[0] });
  const notDrawn: string[] = [];
  starts.forEach((s, i) => {
    const chunk = dom.slice(s.index, i + 1 < starts.length ? starts[i + 1].index : dom.length);
    const drawn = /js-plotly-plot/.test(s.tag) && /class="main-svg"/.test(chunk);
    if (!drawn) notDrawn.push((/id="([^"]+)"/.exec(s.tag) ?? ["", `figure ${i + 1}`])[1]);
  });
  return { figures: starts.length, drawn: starts.length - notDrawn.length, notDrawn };
}

/** A PNG of the page, to look at (GitHub shows no scripts; a picture is what shows there). */
export function screenshot(file: string, png: string, size = "1200,3000"): void {
  const chromium = ensureChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-chromium-"));
  try {
    spawnSync(chromium, [...chromiumFlags(profile), "--virtual-time-budget=20000", `--window-size=${size}`,
      `--screenshot=${png}`, pathToFileURL(file).href], { stdio: "ignore", timeout: 120000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
