import type { Figure, PlotlyTrace } from "./library";

/**
 * A picture of an explorable's figure for pages that run no scripts (JavaScript disabled, an
 * untrusted notebook): the contour as shaded cells, every path, the loss curves, the title with
 * its note and the legend with the numbers. Plain SVG, made in the kernel from the same figure
 * plotly.js draws; not interactive.
 */
export function staticSvg(fig: Figure, width = 900): string {
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 470;
  const titleLines = titleText(fig).split(/<br>/i).map(stripTags).filter((s) => s);
  const legend = fig.data.filter((t) => t.showlegend !== false && t.type === "scatter" && t.name && t.mode !== "markers");
  const top = 20 + 18 * titleLines.length;
  const bottom = height - 24 - 16 * legend.length;
  const left = { x0: 60, x1: 60 + 0.56 * (width - 80), y0: top, y1: bottom };
  const right = { x0: 60 + 0.66 * (width - 80), x1: width - 20, y0: top, y1: bottom };
  const parts: string[] = [];
  const contour = fig.data.find((t) => t.type === "contour");
  const xr = ((fig.layout.xaxis as { range?: number[] })?.range ?? [0, 1]) as number[];
  const yr = ((fig.layout.yaxis as { range?: number[] })?.range ?? [0, 1]) as number[];
  const px = (v: number) => left.x0 + ((v - xr[0]) / (xr[1] - xr[0])) * (left.x1 - left.x0);
  const py = (v: number) => left.y1 - ((v - yr[0]) / (yr[1] - yr[0])) * (left.y1 - left.y0);
  if (contour) parts.push(cells(contour, px, py));
  parts.push(`<rect x="${left.x0}" y="${left.y0}" width="${left.x1 - left.x0}" height="${left.y1 - left.y0}" fill="none" stroke="#999"/>`);
  parts.push(`<clipPath id="l"><rect x="${left.x0}" y="${left.y0}" width="${left.x1 - left.x0}" height="${left.y1 - left.y0}"/></clipPath>`);
  const paths = fig.data.filter((t) => t.type === "scatter" && !t.xaxis && t.mode !== "markers");
  for (const t of paths) parts.push(polyline(t, px, py, "l"));

  const losses = fig.data.filter((t) => t.xaxis === "x2");
  const logY = (fig.layout.yaxis2 as { type?: string })?.type === "log";
  const ys = losses.flatMap((t) => (t.y as number[]).map((v) => (logY ? Math.log10(v) : v)));
  const xs = losses.flatMap((t) => t.x as number[]);
  const [ymin, ymax] = [Math.min(...ys), Math.max(...ys)];
  const xmax = Math.max(1, ...xs);
  const qx = (v: number) => right.x0 + (v / xmax) * (right.x1 - right.x0);
  const qy = (v: number) => right.y1 - (((logY ? Math.log10(v) : v) - ymin) / (ymax - ymin || 1)) * (right.y1 - right.y0);
  parts.push(`<rect x="${right.x0}" y="${right.y0}" width="${right.x1 - right.x0}" height="${right.y1 - right.y0}" fill="none" stroke="#999"/>`);
  for (const t of losses) parts.push(polyline(t, qx, qy));
  const label = (v: number) => (logY ? `1e${Math.round(v)}` : v.toPrecision(3));
  parts.push(text(right.x0 - 4, right.y0 + 10, label(ymax), 10, "end"), text(right.x0 - 4, right.y1, label(ymin), 10, "end"));
  parts.push(text((right.x0 + right.x1) / 2, right.y1 + 14, `f per step (0 … ${xmax})`, 11, "middle"));

  titleLines.forEach((line, i) => parts.push(text(width / 2, 18 + 18 * i, line, i === 0 ? 15 : 12, "middle")));
  legend.forEach((t, i) => {
    const y = height - 16 * (legend.length - i) - 4;
    const color = (t.line as { color?: string })?.color ?? "#333";
    parts.push(`<line x1="60" y1="${y - 4}" x2="80" y2="${y - 4}" stroke="${color}" stroke-width="2"/>`, text(86, y, String(t.name), 12, "start"));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join("")}</svg>`;
}

function titleText(fig: Figure): string {
  const t = fig.layout.title as string | { text?: string } | undefined;
  return typeof t === "string" ? t : t?.text ?? "";
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, "").trim();
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function text(x: number, y: number, s: string, size: number, anchor: string): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" text-anchor="${anchor}">${esc(s)}</text>`;
}

/** The contour's grid as cells shaded from white (low) to the contour's blue (high). */
function cells(t: PlotlyTrace, px: (v: number) => number, py: (v: number) => number): string {
  const x = t.x as number[], y = t.y as number[], z = t.z as (number | null)[][];
  let lo = Infinity, hi = -Infinity;
  for (const row of z) for (const v of row) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const out: string[] = [];
  const dx = (x[1] - x[0]) / 2, dy = (y[1] - y[0]) / 2;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < x.length; j++) {
      const v = z[i][j];
      if (v === null) continue;
      const s = (v - lo) / (hi - lo || 1);
      const level = Math.floor(s * 12) / 12; // banded, like contour levels
      const c = (a: number, b: number) => Math.round(a + (b - a) * level);
      const fill = `rgb(${c(255, 79)},${c(255, 143)},${c(255, 201)})`;
      const x0 = px(x[j] - dx), y0 = py(y[i] + dy);
      out.push(`<rect x="${x0.toFixed(1)}" y="${y0.toFixed(1)}" width="${(px(x[j] + dx) - x0 + 0.5).toFixed(1)}" height="${(py(y[i] - dy) - y0 + 0.5).toFixed(1)}" fill="${fill}"/>`);
    }
  }
  return out.join("");
}

function polyline(t: PlotlyTrace, px: (v: number) => number, py: (v: number) => number, clip?: string): string {
  const x = t.x as number[], y = t.y as number[];
  const pts = x.map((v, k) => `${px(v).toFixed(1)},${py(y[k]).toFixed(1)}`).filter((p) => !p.includes("NaN") && !p.includes("Infinity"));
  const color = (t.line as { color?: string })?.color ?? "#333";
  const dash = (t.line as { dash?: string })?.dash === "dot" ? ' stroke-dasharray="2,3"' : "";
  return `<polyline points="${pts.join(" ")}" fill="none" stroke="${color}" stroke-width="1.5"${dash}${clip ? ` clip-path="url(#${clip})"` : ""}/>`;
}
