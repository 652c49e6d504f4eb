#!/usr/bin/env node
// Authoring aid (not part of the course): `node scripts/notebook.js from-percent IN.ts OUT.ipynb`
// turns a jupytext "percent" file into a notebook without outputs:
//   // %% [markdown]      a markdown cell; its lines are written as `// text`
//   // %%                 a code cell (TypeScript)
//   // %% [markdown] {…}  either, with the cell's metadata as JSON (e.g. an exercise's written-answer cell)
//   // %% [notebook] {…}  first line: the notebook's metadata as JSON (kernelspec, the exercise's "optimlab")
// and `node scripts/notebook.js to-percent IN.ipynb OUT.ts` goes back, for editing: the round trip keeps the
// notebook's and every cell's metadata (the grader needs them), so an edited exercise is still an exercise.
"use strict";
const fs = require("fs");

const KERNELSPEC = { name: "optimlab", display_name: "TypeScript (optimlab)", language: "typescript" };

/** The JSON after a cell marker ("" or "{…}"), as an object. */
function parseMetadata(rest, lineNumber) {
  const json = rest.trim();
  if (json === "") return {};
  try {
    const value = JSON.parse(json);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch (e) {
    // reported below
  }
  throw new Error(`line ${lineNumber}: expected the cell marker to end in a JSON object of metadata, got ${JSON.stringify(json)}`);
}

function fromPercent(text) {
  const cells = [];
  let cur = null;
  let notebookMetadata = null;
  text.split("\n").forEach((line, k) => {
    const m = /^\/\/ %%( \[(markdown|notebook)\])?(.*)$/.exec(line);
    if (m && m[2] === "notebook") {
      if (cur || notebookMetadata) throw new Error(`line ${k + 1}: "// %% [notebook]" must be the first marker, and only one`);
      notebookMetadata = parseMetadata(m[3], k + 1);
      return;
    }
    if (m) {
      if (cur) cells.push(cur);
      cur = { type: m[2] === "markdown" ? "markdown" : "code", metadata: parseMetadata(m[3], k + 1), lines: [] };
      return;
    }
    if (!cur) return;
    cur.lines.push(cur.type === "markdown" ? line.replace(/^\/\/ ?/, "") : line);
  });
  if (cur) cells.push(cur);
  return {
    cells: cells.map((c) => {
      while (c.lines.length && c.lines[c.lines.length - 1].trim() === "") c.lines.pop();
      while (c.lines.length && c.lines[0].trim() === "") c.lines.shift();
      const source = c.lines.map((l, i) => (i < c.lines.length - 1 ? l + "\n" : l));
      return c.type === "markdown"
        ? { cell_type: "markdown", metadata: c.metadata, source }
        : { cell_type: "code", execution_count: null, metadata: c.metadata, outputs: [], source };
    }),
    metadata: notebookMetadata ?? {
      kernelspec: KERNELSPEC,
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** " {…}" for metadata that is not empty, "" otherwise. */
function metadataSuffix(metadata) {
  return metadata && Object.keys(metadata).length ? " " + JSON.stringify(metadata) : "";
}

function toPercent(nb) {
  const header = "// %% [notebook]" + metadataSuffix(nb.metadata ?? {}) + "\n\n";
  return header + nb.cells
    .map((c) => {
      const src = Array.isArray(c.source) ? c.source.join("") : c.source;
      return c.cell_type === "markdown"
        ? "// %% [markdown]" + metadataSuffix(c.metadata) + "\n" + src.split("\n").map((l) => (l ? "// " + l : "//")).join("\n")
        : "// %%" + metadataSuffix(c.metadata) + "\n" + src;
    })
    .join("\n\n") + "\n";
}

const [cmd, input, output] = process.argv.slice(2);
module.exports = { fromPercent, toPercent };
if (require.main !== module) {
  // required by a test: only the two functions
} else if (cmd === "from-percent" && input && output) {
  const nb = fromPercent(fs.readFileSync(input, "utf8"));
  nb.cells.forEach((c, i) => (c.id = `cell-${i}`));
  fs.writeFileSync(output, JSON.stringify(nb, null, 1) + "\n");
  console.log(`wrote ${output}: ${nb.cells.length} cells`);
} else if (cmd === "to-percent" && input && output) {
  fs.writeFileSync(output, toPercent(JSON.parse(fs.readFileSync(input, "utf8"))));
  console.log(`wrote ${output}`);
} else {
  console.error("usage: node scripts/notebook.js from-percent IN.ts OUT.ipynb | to-percent IN.ipynb OUT.ts");
  process.exit(2);
}
