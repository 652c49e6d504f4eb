/// <reference lib="dom" />
/**
 * Explorables in real headless Chromium:
 *  1. the page's numbers equal the kernel's for every update rule (the page runs assets/explore.js);
 *  2. on the pages `npm run export` writes for notebooks 06, 07 and 08, every control of every
 *     explorable changes the figure, with no network request and no console error;
 *  3. the redraw time for four optimizers × 200 steps with the contour (measured, printed, not
 *     asserted: timings belong to `npm run bench`, and the machine is shared);
 *  4. with JavaScript disabled the page shows the initial figure's picture and its note, and the
 *     plotly JSON of the executed notebook carries the initial figure and the note.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { exportSite, pageName } from "../../src/cli/export";
import { runNotebooks } from "../../src/cli/notebooks";
import { NOTEBOOKS, ROOT } from "../../src/cli/paths";
import { explorable, RULES, type ExploreOptions, type RunSettings } from "../../src/explore/explorable";
import { exploreRuns, STATIC_NOTE } from "../../src/explore/exploreFigure";
import { exploreBundlePath } from "../../src/explore/explore";
import { launch, watchedPage } from "./chromium";

const OUT = path.join(ROOT, "test", ".out", "explore");
const NOTEBOOK_FILES = ["06-problems-with-sgd", "07-momentum-rmsprop-adam", "08-second-order"].map((n) => path.join(NOTEBOOKS, `${n}.ipynb`));
let browser: Browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every float64 as its 16 hex digits, so nothing is lost on the way out of the page. */
function bits(values: number[]): string[] {
  const view = new DataView(new ArrayBuffer(8));
  return values.map((v) => {
    view.setFloat64(0, v);
    return Number.isNaN(v) ? "NaN" : view.getBigUint64(0).toString(16).padStart(16, "0");
  });
}

/** The settings of one run on each objective, and the start it runs from. */
const OBJECTIVE_CASES: { objective: ExploreOptions["objective"]; condition?: number; start: [number, number]; scale: number }[] = [
  { objective: "bowl", condition: 20, start: [-5, -2], scale: 1 },
  { objective: "bowl", condition: 7.3, start: [3.3, -4.1], scale: 1 },
  { objective: "rosenbrock", start: [-1.2, 1], scale: 0.01 },
  { objective: "himmelblau", start: [0.5, -1.5], scale: 0.05 },
  { objective: "saddle", start: [1.8, 1e-6], scale: 0.25 },
];
const RUN_CASES: RunSettings[] = [
  { rule: "sgd", learningRate: 0.4 },
  { rule: "momentum", learningRate: 0.04, rho: 0.9 },
  { rule: "nesterov", learningRate: 0.04, rho: 0.9 },
  { rule: "adagrad", learningRate: 1 },
  { rule: "rmsprop", learningRate: 0.1, decayRate: 0.9 },
  { rule: "adam", learningRate: 0.5 },
  { rule: "adam", learningRate: 0.1, biasCorrection: false, beta1: 0.8, beta2: 0.99 },
  { rule: "adamw", learningRate: 0.3, weightDecay: 0.05 },
  { rule: "newton" },
];
/**
 * Bit for bit where a rule uses only + − × ÷ and Math.sqrt (the objectives use only + − ×, the
 * Cholesky solve in Newton's step only these and Math.sqrt); Adam and AdamW take beta ** t, a
 * Math.pow that V8 versions may round differently: there, within 1e-12 of the largest |value| of
 * the run.
 */
const TOLERANCE: Record<RunSettings["rule"], "bit-for-bit" | 1e-12> = {
  sgd: "bit-for-bit", momentum: "bit-for-bit", nesterov: "bit-for-bit", adagrad: "bit-for-bit", rmsprop: "bit-for-bit",
  adam: 1e-12, adamw: 1e-12, newton: "bit-for-bit",
};

test("the page's numbers equal the kernel's, for every update rule and objective", async () => {
  assert.deepEqual([...new Set(RUN_CASES.map((r) => r.rule))].sort(), [...RULES].sort(), "a case for every rule");
  const html = path.join(OUT, "bundle-only.html");
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(html, `<!DOCTYPE html><meta charset="utf-8"><script src="${pathToFileURL(exploreBundlePath()).href}"></script>`);
  const { page, network, errors } = await watchedPage(browser);
  await page.goto(pathToFileURL(html).href);
  const specs: ExploreOptions[] = [];
  for (const o of OBJECTIVE_CASES) {
    for (const r of RUN_CASES) {
      const run = r.learningRate === undefined ? r : { ...r, learningRate: r.learningRate * o.scale };
      specs.push({ objective: o.objective, condition: o.condition, start: o.start, steps: 200, runs: [run] });
    }
  }
  const inPage = await page.evaluate((all) => {
    const lib = (window as unknown as { optimlabExplore: { explorable: typeof explorable; exploreRuns: typeof exploreRuns } }).optimlabExplore;
    return all.map((spec) => {
      const [run] = lib.exploreRuns(lib.explorable(spec));
      return { xs: run.trace.xs.flatMap((p) => Array.from(p)), fs: run.trace.fs, summary: run.summary, nit: run.trace.nit };
    });
  }, specs);
  let exact = 0;
  let close = 0;
  specs.forEach((spec, k) => {
    const [run] = exploreRuns(explorable(spec));
    const kernel = { xs: run.trace.xs.flatMap((p) => Array.from(p)), fs: run.trace.fs };
    const page = inPage[k];
    const what = `${spec.objective}${spec.condition ? ` κ=${spec.condition}` : ""} ${JSON.stringify(spec.runs[0])}`;
    assert.equal(page.nit, run.trace.nit, `${what}: steps`);
    assert.equal(page.summary, run.summary, `${what}: summary`);
    const tolerance = TOLERANCE[spec.runs[0].rule];
    for (const key of ["xs", "fs"] as const) {
      const a = kernel[key], b = page[key] as number[];
      assert.equal(b.length, a.length, `${what}: ${key} length`);
      if (tolerance === "bit-for-bit") {
        assert.deepEqual(bits(b), bits(a), `${what}: ${key} differ in the page`);
        exact++;
      } else {
        const scale = Math.max(...a.filter(Number.isFinite).map(Math.abs), Number.MIN_VALUE);
        a.forEach((v, i) => {
          const ok = Object.is(v, b[i]) || Math.abs(v - b[i]) <= tolerance * scale;
          assert.ok(ok, `${what}: ${key}[${i}] kernel ${v} page ${b[i]} (scale ${scale})`);
        });
        if (bits(b).join() === bits(a).join()) exact++;
        else close++;
      }
    }
  });
  console.log(`# kernel = page: ${specs.length} runs of 200 steps; ${exact} of ${exact + close} arrays bit-for-bit, ${close} within 1e-12 only`);
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
});

let site = "";
let executed = "";

/** Notebooks 06–08 executed by real Jupyter, then exported as `npm run export` does. */
function exportedSite(): string {
  if (site) return site;
  executed = path.join(OUT, "executed");
  site = path.join(OUT, "site");
  fs.rmSync(executed, { recursive: true, force: true });
  const run = runNotebooks(NOTEBOOK_FILES, { out: executed });
  assert.ok(run.ok, run.output);
  const r = exportSite(NOTEBOOK_FILES, { site, executedDir: executed });
  assert.ok(r.ok, r.output);
  return site;
}

/** A figure's data, to tell whether it changed. */
async function figureState(page: Page, index: number): Promise<string> {
  return page.evaluate((i) => {
    const el = document.querySelectorAll(".optimlab-explore .optimlab-figure")[i] as unknown as { data: { name?: string; x?: unknown; y?: unknown; z?: unknown }[] };
    return JSON.stringify(el.data.map((t) => [t.name, t.x, t.y, t.z]));
  }, index);
}

async function redraws(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => Number((document.querySelectorAll(".optimlab-explore .optimlab-figure")[i] as HTMLElement).dataset.redraws ?? 0), index);
}

async function waitForRedraw(page: Page, index: number, after: number): Promise<void> {
  await page.waitForFunction(
    ([i, n]) => Number((document.querySelectorAll(".optimlab-explore .optimlab-figure")[i] as HTMLElement).dataset.redraws ?? 0) > n,
    [index, after] as const, { timeout: 20000 },
  );
}

/** Moves a control to another value: a slider by a third of its range, a select to its next option, a toggle over. */
async function moveControl(page: Page, index: number, control: number): Promise<string> {
  return page.evaluate(([i, c]) => {
    const root = document.querySelectorAll(".optimlab-explore")[i];
    const input = root.querySelectorAll("[data-setting]")[c] as HTMLInputElement & HTMLSelectElement;
    if (input.tagName === "SELECT") {
      input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
    } else if (input.type === "checkbox") {
      input.checked = !input.checked;
    } else {
      const max = Number(input.max), v = Number(input.value);
      input.value = String(v < max / 2 ? v + Math.ceil(max / 3) : v - Math.ceil(max / 3));
    }
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return `${input.dataset.setting} = ${input.type === "checkbox" ? input.checked : input.value}`;
  }, [index, control] as const);
}

test("on the exported pages of 06, 07 and 08 every control of every explorable changes the figure; no network, no console error", async () => {
  const dir = exportedSite();
  let explorables = 0;
  let moved = 0;
  for (const file of NOTEBOOK_FILES) {
    const { page, network, errors } = await watchedPage(browser);
    await page.goto(pathToFileURL(path.join(dir, pageName(file))).href);
    const count = await page.locator(".optimlab-explore").count();
    assert.ok(count >= 1, `${pageName(file)}: no explorable`);
    for (let i = 0; i < count; i++) {
      await waitForRedraw(page, i, 0); // mounted: the controls are there and the figure redrawn without the note
      const title = await page.evaluate((k) => (document.querySelectorAll(".optimlab-explore .optimlab-figure")[k] as unknown as { layout: { title: { text: string } } }).layout.title.text, i);
      assert.ok(!title.includes(STATIC_NOTE), "the live figure drops the static note");
      const controls = await page.locator(".optimlab-explore").nth(i).locator("[data-setting]").count();
      assert.ok(controls >= 1);
      for (let c = 0; c < controls; c++) {
        const before = await figureState(page, i);
        const n = await redraws(page, i);
        const what = await moveControl(page, i, c);
        await waitForRedraw(page, i, n);
        assert.notEqual(await figureState(page, i), before, `${pageName(file)} explorable ${i + 1}: ${what} did not change the figure`);
        moved++;
      }
      // a click on the contour sets the start
      const numbers = page.locator(".optimlab-explore").nth(i).locator(".optimlab-explore-numbers");
      const startBefore = (await numbers.textContent())!.split("\n")[0];
      const n = await redraws(page, i);
      const drag = page.locator(".optimlab-explore").nth(i).locator('.nsewdrag[data-subplot="xy"]');
      await drag.scrollIntoViewIfNeeded();
      const box = (await drag.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await waitForRedraw(page, i, n);
      const startAfter = (await numbers.textContent())!.split("\n")[0];
      assert.notEqual(startAfter, startBefore, `${pageName(file)} explorable ${i + 1}: the click did not move the start`);
      explorables++;
    }
    assert.deepEqual(network, [], `${pageName(file)}: network requests`);
    assert.deepEqual(errors, [], `${pageName(file)}: console errors`);
    await page.context().close();
  }
  console.log(`# ${explorables} explorables, ${moved} controls moved, each changed its figure; every start moved by a click`);
});

test("redraw time: four optimizers × 200 steps on the bowl with its contour (median of 20 changes; printed, not asserted)", async () => {
  const dir = exportedSite();
  const { page, network, errors } = await watchedPage(browser);
  await page.goto(pathToFileURL(path.join(dir, pageName(NOTEBOOK_FILES[1]))).href);
  // the race: the explorable with four runs
  const index = await page.evaluate(() => Array.from(document.querySelectorAll(".optimlab-explore")).findIndex((r) => r.querySelector('[data-setting="runs.3.learningRate"]')));
  assert.ok(index >= 0, "the race explorable");
  await waitForRedraw(page, index, 0);
  const times = await page.evaluate(async (i) => {
    const root = document.querySelectorAll(".optimlab-explore")[i];
    const el = root.querySelector(".optimlab-figure")!;
    const change = (setting: string, value: string) => new Promise<number>((resolve) => {
      const input = root.querySelector(`[data-setting="${setting}"]`) as HTMLInputElement;
      const t0 = performance.now();
      el.addEventListener("optimlab-explore-redrawn", () => resolve(performance.now() - t0), { once: true });
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await change("steps", "190"); // 10 + 190 = 200 steps
    const out: number[] = [];
    for (let k = 0; k < 20; k++) out.push(await change("runs.0.learningRate", String(100 + (k % 2 === 0 ? 5 : -5) + k)));
    return out;
  }, index);
  const state = await page.locator(".optimlab-explore").nth(index).locator(".optimlab-explore-numbers").textContent();
  assert.match(state!, /200 steps/);
  assert.equal((state!.match(/\n/g) ?? []).length, 4, "four runs");
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[9] + sorted[10]) / 2;
  console.log(`# redraw, input event to Plotly.react resolved + one animation frame, 4 optimizers × 200 steps + contour: ` +
    `median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)}, max ${sorted[19].toFixed(1)} (20 changes, load ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")})`);
  assert.equal(times.length, 20);
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("with JavaScript disabled the exported page shows the initial figure and its note; so does the plotly JSON", async () => {
  const dir = exportedSite();
  for (const file of NOTEBOOK_FILES) {
    const { page, network } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(pathToFileURL(path.join(dir, pageName(file))).href);
    const pictures = page.locator(".optimlab-explore .optimlab-explore-static img");
    const count = await pictures.count();
    assert.ok(count >= 1, `${pageName(file)}: no picture`);
    for (let i = 0; i < count; i++) {
      const img = pictures.nth(i);
      await img.scrollIntoViewIfNeeded();
      assert.ok(await img.isVisible(), `${pageName(file)}: picture ${i + 1} hidden`);
      const size = await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth);
      assert.ok(Number(size) >= 600, `${pageName(file)}: picture ${i + 1} not drawn (${size})`);
      const svg = Buffer.from((await img.getAttribute("src"))!.replace(/^data:image\/svg\+xml;base64,/, ""), "base64").toString();
      assert.ok(svg.includes(STATIC_NOTE), `${pageName(file)}: picture ${i + 1} has no note`);
      assert.match(svg, /<polyline/);
    }
    assert.deepEqual(network, []);
    await page.context().close();
    // the executed notebook: what JupyterLab and VS Code draw, the plotly JSON, has the initial figure and the note
    const nb = JSON.parse(fs.readFileSync(path.join(executed, path.basename(file)), "utf8"));
    const figures = nb.cells
      .filter((c: { id?: string }) => /^explore-/.test(c.id ?? ""))
      .flatMap((c: { outputs?: { data?: Record<string, unknown> }[] }) => c.outputs ?? [])
      .map((o: { data?: Record<string, unknown> }) => o.data?.["application/vnd.plotly.v1+json"])
      .filter(Boolean) as { data: { type?: string; xaxis?: string }[]; layout: { title: { text: string } } }[];
    assert.equal(figures.length, count, `${path.basename(file)}: one plotly JSON per explorable`);
    for (const fig of figures) {
      assert.ok(fig.layout.title.text.includes(STATIC_NOTE));
      assert.equal(fig.data[0].type, "contour");
      assert.ok(fig.data.some((t) => t.xaxis === "x2"), "the loss curves");
    }
  }
});
