#!/usr/bin/env node
// Authoring aid (not part of the course): `node scripts/notebook.js from-percent IN.ts OUT.ipynb`
// turns a jupytext "percent" file into a notebook without outputs:
//   // %% [markdown]      a markdown cell; its lines are written as `// text`
//   // %%                 a code cell (TypeScript)
// and `node scripts/notebook.js to-percent IN.ipynb OUT.ts` goes back, for editing.
"use strict";
const fs = require("fs");

const KERNELSPEC = { name: "optimlab", display_name: "TypeScript (optimlab)", language: "typescript" };

function fromPercent(text) {
  const cells = [];
  let cur = null;
  for (const line of text.split("\n")) {
    const m = /^\/\/ %%(.*)$/.exec(line);
    if (m) {
      if (cur) cells.push(cur);
      cur = { type: /\[markdown\]/.test(m[1]) ? "markdown" : "code", lines: [] };
      continue;
    }
    if (!cur) continue;
    cur.lines.push(cur.type === "markdown" ? line.replace(/^\/\/ ?/, "") : line);
  }
  if (cur) cells.push(cur);
  return {
    cells: cells.map((c) => {
      while (c.lines.length && c.lines[c.lines.length - 1].trim() === "") c.lines.pop();
      while (c.lines.length && c.lines[0].trim() === "") c.lines.shift();
      const source = c.lines.map((l, i) => (i < c.lines.length - 1 ? l + "\n" : l));
      return c.type === "markdown"
        ? { cell_type: "markdown", metadata: {}, source }
        : { cell_type: "code", execution_count: null, metadata: {}, outputs: [], source };
    }),
    metadata: {
      kernelspec: KERNELSPEC,
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function toPercent(nb) {
  return nb.cells
    .map((c) => {
      const src = Array.isArray(c.source) ? c.source.join("") : c.source;
      return c.cell_type === "markdown"
        ? "// %% [markdown]\n" + src.split("\n").map((l) => (l ? "// " + l : "//")).join("\n")
        : "// %%\n" + src;
    })
    .join("\n\n") + "\n";
}

const [cmd, input, output] = process.argv.slice(2);
if (cmd === "from-percent" && input && output) {
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
