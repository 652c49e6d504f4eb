/**
 * Jupyter notebooks (nbformat 4) as the homework tools read them, and the markers that make a
 * notebook an exercise:
 *
 *   notebook metadata  "optimlab": { "exercise": "01-svm-loss", "title": "…" }
 *   in a code cell     // BEGIN SOLUTION … // END SOLUTION          (replaced in student copies)
 *                      // BEGIN HIDDEN TESTS … // END HIDDEN TESTS  (only the grader has them)
 *   or a cell's metadata "optimlab": { "solution": true } / { "hidden": true } for a whole cell.
 *
 * Student copies mark every code cell with its role, "solution" (the student completes it; the
 * grader runs its definitions) or "given" (explanations, self-checks, plots: never graded).
 */

import { jsonDepth } from "./messageReader";

export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, any>;
  outputs?: unknown[];
  execution_count?: number | null;
  id?: string;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, any>;
  cells: Cell[];
}

export const BEGIN_SOLUTION = "// BEGIN SOLUTION";
export const END_SOLUTION = "// END SOLUTION";
export const BEGIN_HIDDEN = "// BEGIN HIDDEN TESTS";
export const END_HIDDEN = "// END HIDDEN TESTS";

export type CellRole = "solution" | "given";

/**
 * How deep a notebook's JSON may nest. Jupyter's own files nest less than 20 deep (widget state,
 * a plotly figure in an output); a file of 20 MB of brackets would cost the grader seconds and
 * gigabytes in JSON.parse, so deeper text is refused before it is parsed.
 */
export const MAX_NOTEBOOK_DEPTH = 100;

/** A cell's text as one string. */
export function cellText(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
}

/** Text as Jupyter stores it: a list of lines, each but the last ending in "\n". */
export function toSource(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l)).filter((l) => l !== "");
}

/** The role a student copy gave this cell, if any. */
export function cellRole(cell: Cell): CellRole | undefined {
  const role = cell.metadata?.optimlab?.role;
  return role === "solution" || role === "given" ? role : undefined;
}

/** The exercise id in a notebook's metadata, if it is one of the course's exercises. */
export function exerciseId(nb: Notebook): string | undefined {
  const id = nb.metadata?.optimlab?.exercise;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Parses and checks a notebook file's text. Throws an Error whose message starts with `file`
 * and says what is wrong (not JSON, not a notebook, not nbformat 4).
 */
export function parseNotebook(text: string, file: string): Notebook {
  let nb: unknown;
  const depth = jsonDepth(text, MAX_NOTEBOOK_DEPTH);
  if (depth > MAX_NOTEBOOK_DEPTH) throw new Error(`${file}: its JSON nests deeper than ${MAX_NOTEBOOK_DEPTH} levels; a notebook nests less than 20`);
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); a notebook is a .ipynb JSON file`);
  }
  const n = nb as Partial<Notebook>;
  if (typeof nb !== "object" || nb === null || Array.isArray(nb) || !Array.isArray(n.cells)) {
    throw new Error(`${file}: not a Jupyter notebook (no "cells" list)`);
  }
  if (n.nbformat !== 4) throw new Error(`${file}: nbformat must be 4, got ${String(n.nbformat)}`);
  n.cells.forEach((c, i) => {
    if (typeof c !== "object" || c === null || !["code", "markdown", "raw"].includes(c.cell_type)) {
      throw new Error(`${file}: cell ${i + 1} is not a notebook cell`);
    }
    if (typeof c.source !== "string" && !(Array.isArray(c.source) && c.source.every((s) => typeof s === "string"))) {
      throw new Error(`${file}: cell ${i + 1} has no text source`);
    }
    if (typeof c.metadata !== "object" || c.metadata === null) c.metadata = {};
  });
  if (typeof n.metadata !== "object" || n.metadata === null) n.metadata = {};
  return n as Notebook;
}

/**
 * Splits a cell's text on a BEGIN/END marker pair: the text outside the regions and the regions
 * themselves, each with the indentation of its BEGIN line. Throws on an unmatched marker.
 */
export function splitRegions(
  text: string,
  begin: string,
  end: string,
  where: string,
): { outside: string[]; regions: { indent: string; lines: string[] }[]; parts: (string | number)[] } {
  const lines = text.split("\n");
  const parts: (string | number)[] = [];
  const regions: { indent: string; lines: string[] }[] = [];
  const outside: string[] = [];
  let open: { indent: string; lines: string[] } | null = null;
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith(begin)) {
      if (open) throw new Error(`${where}: "${begin}" on line ${i + 1} inside another region`);
      open = { indent: line.slice(0, line.length - line.trimStart().length), lines: [] };
    } else if (t.startsWith(end)) {
      if (!open) throw new Error(`${where}: "${end}" on line ${i + 1} without "${begin}"`);
      parts.push(regions.length);
      regions.push(open);
      open = null;
    } else if (open) {
      (open as { lines: string[] }).lines.push(line);
    } else {
      outside.push(line);
      parts.push(line);
    }
  });
  if (open) throw new Error(`${where}: "${begin}" without "${end}"`);
  return { outside, regions, parts };
}
