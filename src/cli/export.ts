/**
 * `npm run export [-- --out DIR] [NOTEBOOK…]`: executes every notebook (or the ones named) and
 * writes an offline site to site/ (or DIR): index.html linking one page per notebook, each page with its figures
 * drawn by the plotly.js it carries and its formulas typeset by a local MathJax. No network.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { COMMANDS } from "./commands";
import { listNotebooks, runNotebooks } from "./notebooks";
import { parseArgs } from "./options";
import { jupyterEnv, NOTEBOOKS, ROOT, runAsCommand, SCRIPTS } from "./paths";
import { ensureJupyter } from "./tools";

export const SITE = path.join(ROOT, "site");

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The notebook's first markdown heading, for the index. */
function titleOf(file: string): string {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== "markdown") continue;
    const m = /^#\s+(.+)$/m.exec([].concat(cell.source).join(""));
    if (m) return m[1].trim();
  }
  return path.basename(file, ".ipynb");
}

/** A notebook's path under notebooks/, or its file name for a notebook elsewhere (a test fixture). */
function underNotebooks(file: string): string {
  const rel = path.relative(NOTEBOOKS, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? path.basename(file) : rel;
}

/** The page name: notebooks/exercises/01-svm.ipynb → exercises-01-svm.html. */
export function pageName(file: string): string {
  return underNotebooks(file).replace(/\.ipynb$/, ".html").split(path.sep).join("-");
}

/**
 * Executes the notebooks (unless `executedDir` already holds their executed copies, as the
 * notebook tests leave them) and converts them to offline HTML pages with an index.
 */
export function exportSite(
  files: string[],
  options: { site?: string; executedDir?: string } = {},
): { pages: string[]; ok: boolean; output: string } {
  const python = ensureJupyter();
  const site = options.site ?? SITE;
  const executed = options.executedDir ?? path.join(site, ".executed");
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(path.join(site, "assets"), { recursive: true });
  fs.copyFileSync(
    require.resolve("mathjax/es5/tex-svg.js", { paths: [ROOT] }),
    path.join(site, "assets", "tex-svg.js"),
  );
  let output = "";
  let ok = true;
  if (!options.executedDir) {
    const run = runNotebooks(files, { out: executed });
    output += run.output;
    ok = run.ok;
  }
  const pages: string[] = [];
  for (const file of files) {
    const page = pageName(file);
    const r = spawnSync(
      python,
      [
        "-m", "nbconvert", "--to", "html",
        `--TemplateExporter.extra_template_basedirs=${path.join(SCRIPTS, "nbconvert")}`,
        "--template", "optimlab",
        "--output-dir", site, "--output", page.replace(/\.html$/, ""),
        executedCopy(file, executed),
      ],
      { env: jupyterEnv(), encoding: "utf8" },
    );
    if (r.status !== 0) {
      ok = false;
      output += `nbconvert failed for ${file}:\n${r.stderr}`;
      continue;
    }
    pages.push(page);
  }
  if (!options.executedDir) fs.rmSync(executed, { recursive: true, force: true });
  const exported = new Set(pages);
  for (const file of files.filter((f) => exported.has(pageName(f)))) {
    const page = path.join(site, pageName(file));
    fs.writeFileSync(page, linkPages(fs.readFileSync(page, "utf8"), file, exported));
  }
  const items = files
    .filter((f) => pages.includes(pageName(f)))
    .map((f) => `  <li><a href="${pageName(f)}">${escapeHtml(titleOf(f))}</a> <small>(${escapeHtml(path.relative(NOTEBOOKS, f))})</small></li>`)
    .join("\n");
  fs.writeFileSync(
    path.join(site, "index.html"),
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>optimlab: optimization for neural networks</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;line-height:1.5;padding:0 1rem}</style></head>
<body><h1>optimlab</h1>
<p>How neural networks are optimized, one notebook per stage of the lecture. Every page was executed by
<code>npm run export</code>; figures are drawn offline.</p>
<ol>
${items}
</ol></body></html>
`,
  );
  return { pages, ok, output };
}

/**
 * Links between notebooks (`[notebook 03](03-numerical-gradient.ipynb)`, `(solutions/…ipynb)`) point
 * at the pages of the site instead, when the linked notebook is one of them; other links stay.
 */
export function linkPages(html: string, file: string, exported: Set<string>): string {
  return html.replace(/href="([^":?#]+\.ipynb)(#[^"]*)?"/g, (link: string, target: string, hash?: string) => {
    let decoded: string;
    try {
      decoded = decodeURI(target);
    } catch {
      return link;
    }
    const page = pageName(path.resolve(path.dirname(file), decoded));
    return exported.has(page) ? `href="${page}${hash ?? ""}"` : link;
  });
}

/** Where the notebook runner leaves a notebook's executed copy under `dir`. */
export function executedCopy(file: string, dir: string): string {
  return path.join(dir, underNotebooks(file)); // as the runner mirrors notebooks/ under its --out
}

function main(): void {
  const args = parseArgs("export", process.argv.slice(2), COMMANDS.export);
  const site = typeof args.options["--out"] === "string" ? path.resolve(args.options["--out"]) : SITE;
  const named = args.positionals.map((a) => path.resolve(a));
  const files = named.length > 0 ? named : listNotebooks().filter((f) => !f.includes(`${path.sep}exercises${path.sep}`));
  const r = exportSite(files, { site });
  process.stdout.write(r.output);
  console.log(`optimlab: wrote ${path.relative(process.cwd(), site) || "."}/index.html and ${r.pages.length} pages`);
  process.exit(r.ok ? 0 : 1);
}

runAsCommand(module, main);
