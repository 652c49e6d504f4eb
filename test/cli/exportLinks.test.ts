import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import { linkPages, pageName } from "../../src/cli/export";
import { NOTEBOOKS } from "../../src/cli/paths";

test("linkPages: links between exported notebooks point at their pages; others stay", () => {
  const lesson = path.join(NOTEBOOKS, "02-random-search.ipynb");
  const exported = new Set([
    pageName(lesson),
    pageName(path.join(NOTEBOOKS, "03-numerical-gradient.ipynb")),
    pageName(path.join(NOTEBOOKS, "solutions", "02-random-search-solutions.ipynb")),
  ]);
  const html = '<a href="03-numerical-gradient.ipynb">03</a> <a href="solutions/02-random-search-solutions.ipynb#ex-1">sol</a> ' +
    '<a href="exercises/01-svm-loss.ipynb">ex</a> <a href="https://example.org/x.ipynb">web</a>';
  assert.equal(
    linkPages(html, lesson, exported),
    '<a href="03-numerical-gradient.html">03</a> <a href="solutions-02-random-search-solutions.html#ex-1">sol</a> ' +
      '<a href="exercises/01-svm-loss.ipynb">ex</a> <a href="https://example.org/x.ipynb">web</a>',
  );
  // from a solutions notebook, "../03-….ipynb" is the lesson's page
  const solution = path.join(NOTEBOOKS, "solutions", "02-random-search-solutions.ipynb");
  assert.equal(linkPages('<a href="../03-numerical-gradient.ipynb">', solution, exported), '<a href="03-numerical-gradient.html">');
});
