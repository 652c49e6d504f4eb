import type { GradCheckResult, GradCheckVerdict } from "../gradients/gradCheck";
import { gradCheckBands } from "../gradients/gradCheck";

/** Background colour of each band: red wrong, orange suspicious, yellow fine with kinks, green right. */
export const VERDICT_COLORS: Record<GradCheckVerdict, string> = {
  wrong: "#f8b4b4", suspicious: "#fcd9a8", "fine-with-kinks": "#fdf3b0", right: "#c6f0c2",
};

function num(v: number): string {
  return Number.isFinite(v) ? v.toExponential(6) : String(v);
}

/**
 * A gradient check as a table: one row per checked coordinate (index, analytic, numerical,
 * relative error), coloured by its band, then the verdict and the legend of the bands.
 * Returns the HTML and a plain-text version (for terminals and `text/plain`).
 */
export function gradCheckTable(result: GradCheckResult, options: { title?: string; maxRows?: number } = {}): { html: string; text: string } {
  if (!result || !Array.isArray(result.entries)) throw new TypeError("gradCheckTable: result must be what gradCheck returns");
  const maxRows = options.maxRows ?? 20;
  const rows = result.entries.slice(0, maxRows);
  const head = `${result.sampled ? `${result.entries.length} of ${result.dim} coordinates sampled` : `all ${result.dim} coordinates`}, h = ${result.h}`;
  const verdict = `max relative error ${num(result.maxRelativeError)}: ${result.verdict}`;
  const cell = "padding:2px 10px;text-align:right;font-family:monospace";
  const html = `<div class="optimlab-gradcheck">${options.title ? `<b>${escape(options.title)}</b><br>` : ""}<span>${head}</span>
<table style="border-collapse:collapse;margin:4px 0">
<tr><th style="${cell}">index</th><th style="${cell}">analytic</th><th style="${cell}">numerical</th><th style="${cell}">relative error</th><th style="${cell}">band</th></tr>
${rows.map((e) => `<tr style="background:${VERDICT_COLORS[e.verdict]}"><td style="${cell}">${e.index}</td><td style="${cell}">${num(e.analytic)}</td><td style="${cell}">${num(e.numerical)}</td><td style="${cell}">${num(e.relativeError)}</td><td style="${cell}">${e.verdict}</td></tr>`).join("\n")}
</table>${result.entries.length > rows.length ? `<i>… ${result.entries.length - rows.length} more rows</i><br>` : ""}
<b style="background:${VERDICT_COLORS[result.verdict]};padding:2px 6px">${verdict}</b>
<div style="font-size:85%;margin-top:4px">${gradCheckBands.map((b) => `<span style="background:${VERDICT_COLORS[b.verdict]};padding:1px 6px;margin-right:4px">${escape(b.meaning)}</span>`).join("")}</div></div>`;
  const pad = (s: string, n: number) => s.padStart(n);
  const text = [
    ...(options.title ? [options.title] : []),
    head,
    `${pad("index", 7)} ${pad("analytic", 14)} ${pad("numerical", 14)} ${pad("rel. error", 14)}  band`,
    ...rows.map((e) => `${pad(String(e.index), 7)} ${pad(num(e.analytic), 14)} ${pad(num(e.numerical), 14)} ${pad(num(e.relativeError), 14)}  ${e.verdict}`),
    ...(result.entries.length > rows.length ? [`… ${result.entries.length - rows.length} more rows`] : []),
    verdict,
  ].join("\n");
  return { html, text };
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
