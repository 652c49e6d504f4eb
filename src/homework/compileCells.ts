/**
 * Turns a submission's TypeScript cells into JavaScript the runner can evaluate one after the
 * other, as tslab would (what one cell declares, the next one sees).
 *
 * Only DEFINITIONS are kept: functions, classes, `const`/`let`/`var`, types and imports. Other
 * top-level statements (a `console.log`, a plot, a training loop the student left in to try
 * things) are skipped, so they cost no grading time. Imports become `var x = require(…)` so that
 * two cells may both `import * as ol from "optimlab"`. Types are erased, not checked: a type
 * error that tslab would refuse does not cost points here. Compiling is done with the project's
 * TypeScript (`transpileModule`: parsing only, no type checking, so it is fast and runs no code).
 */
import type * as TS from "typescript";

export interface CompiledCell {
  label: string;
  /** JavaScript to run, or "" when the cell has nothing to keep. */
  code: string;
  /** Why the cell could not be compiled (a syntax error), if it could not. */
  error?: string;
}

let tsModule: typeof TS | undefined;
function typescript(): typeof TS {
  // Loaded on first use: the library itself never needs it.
  if (!tsModule) tsModule = require("typescript") as typeof TS;
  return tsModule;
}

/** Compiles one cell; `label` names it in messages ("cell 4"). */
export function compileCell(source: string, label: string): CompiledCell {
  const ts = typescript();
  const check = ts.transpileModule(source, {
    reportDiagnostics: true,
    fileName: `${label}.ts`,
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS },
  });
  const syntax = (check.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax.length > 0) {
    const d = syntax[0];
    const where = d.file && d.start !== undefined ? ` (line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1})` : "";
    return { label, code: "", error: `${label} does not compile: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}${where}` };
  }
  const sf = ts.createSourceFile(`${label}.ts`, source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const kept: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) kept.push(importAsRequire(ts, st));
    else if (isDefinition(ts, st)) kept.push(st.getFullText(sf));
  }
  const js = ts.transpileModule(kept.join("\n"), {
    fileName: `${label}.ts`,
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS },
  }).outputText;
  return { label, code: js };
}

function isDefinition(ts: typeof TS, st: TS.Statement): boolean {
  return (
    ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isVariableStatement(st) ||
    ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st) ||
    ts.isImportEqualsDeclaration(st)
  );
}

/** `import * as ol from "optimlab"` → `var ol = require("optimlab");` (and named, default forms). */
function importAsRequire(ts: typeof TS, st: TS.ImportDeclaration): string {
  const spec = (st.moduleSpecifier as TS.StringLiteral).text;
  const req = `require(${JSON.stringify(spec)})`;
  const clause = st.importClause;
  if (!clause) return `${req};`;
  if (clause.isTypeOnly) return "";
  const out: string[] = [];
  if (clause.name) out.push(`var ${clause.name.text} = ${req};`);
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) out.push(`var ${nb.name.text} = ${req};`);
  if (nb && ts.isNamedImports(nb)) {
    const parts = nb.elements
      .filter((e) => !e.isTypeOnly)
      .map((e) => (e.propertyName ? `${e.propertyName.getText()}: ${e.name.text}` : e.name.text));
    if (parts.length > 0) out.push(`var { ${parts.join(", ")} } = ${req};`);
  }
  return out.join("\n");
}
