/**
 * Reading lesson notebooks as text, for the tests that hold the lessons to their rules:
 * predictions committed empty, no expected answer as a literal before its check, the test set
 * used once, and numbers in the prose that agree with what the cells print.
 */
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const LESSONS = path.join(ROOT, "notebooks");

export interface Cell { cell_type: string; source: string | string[]; outputs?: Output[] }
export interface Output { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> }

export const sourceOf = (c: Cell): string => ([] as string[]).concat(c.source).join("");
export const cellsOf = (file: string): Cell[] => JSON.parse(fs.readFileSync(file, "utf8")).cells;

/** All code of a lesson (by file name in notebooks/), cells joined. */
export const codeOf = (name: string): string =>
  cellsOf(path.join(LESSONS, name)).filter((c) => c.cell_type === "code").map(sourceOf).join("\n");

/** The lessons 01–09 (not 00-index, not the exercises). */
export function lessonFiles(): string[] {
  return fs.readdirSync(LESSONS).filter((f) => /^0[1-9]-.*\.ipynb$/.test(f)).sort().map((f) => path.join(LESSONS, f));
}

/** Numbers as written in text: 1136, 1,136, -0.5, 5.98e-4, 57.0 (a trailing % is left out). */
export const NUMBER = /(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?(?:e[-+−]?\d+)?(?![\w])/gi;

export function numberTokens(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((t) => t.replace(/−/g, "-"));
}

/**
 * Does a printed number agree with a number written in prose, at the precision the prose shows?
 * "6.57" agrees with 6.5712; "1,136" with 1136; "5.98e-4" with 0.000598123; "20" does not agree with 20.4.
 */
export function agrees(prose: string, printed: string): boolean {
  const p = prose.replace(/,/g, "").replace(/−/g, "-");
  const n = Number(printed.replace(/,/g, "").replace(/−/g, "-"));
  if (!Number.isFinite(n)) return false;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/i.exec(p);
  if (!m) return false;
  const decimals = (m[3] ?? "").length;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  const proseValue = Number(p);
  const scaled = n / 10 ** exponent;
  const target = proseValue / 10 ** exponent;
  return Math.abs(scaled - target) <= 0.5 * 10 ** -decimals * (1 + 1e-9) + 1e-12 * Math.abs(target);
}

/** The marker after a number in prose: `1136<!--out: κ = 200-->` says "a printed line containing `κ = 200` shows it". */
export const PROSE_MARKER = /([-−]?\d[\d,]*(?:\.\d+)?(?:e[-+−]?\d+)?)%?\s*<!--\s*out:\s*([\s\S]+?)\s*-->/gi;

/** Every printed line of an executed notebook: stream text and text/plain of displays and results. */
export function printedLines(cells: Cell[]): string[] {
  return cells.flatMap((c) => (c.outputs ?? []).flatMap((o) => {
    const text = o.output_type === "stream" ? ([] as string[]).concat(o.text ?? []).join("")
      : o.data?.["text/plain"] !== undefined ? ([] as string[]).concat(o.data["text/plain"] as string | string[]).join("") : "";
    return text.split("\n");
  }));
}

/** The disagreements between a notebook's marked prose numbers and its printed lines. */
export function proseDisagreements(cells: Cell[]): { checked: number; problems: string[] } {
  const lines = printedLines(cells);
  const problems: string[] = [];
  let checked = 0;
  cells.forEach((c, i) => {
    if (c.cell_type !== "markdown") return;
    for (const m of sourceOf(c).matchAll(PROSE_MARKER)) {
      checked++;
      const [, number, key] = m;
      const candidates = lines.filter((l) => l.includes(key));
      if (candidates.length === 0) {
        problems.push(`cell ${i}: "${number}" is marked as printed on a line containing "${key}", but no printed line contains it`);
      } else if (!candidates.some((l) => numberTokens(l).some((t) => agrees(number, t)))) {
        problems.push(`cell ${i}: the prose says ${number} but the lines containing "${key}" print ${candidates.slice(0, 3).map((l) => JSON.stringify(l.trim())).join("; ")}`);
      }
    }
  });
  return { checked, problems };
}
