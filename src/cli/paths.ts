import * as path from "path";
import { projectRoot } from "../core/projectRoot";
import { UsageError } from "./options";

/** The project's root folder (from dist/cli/ or a test build). */
export const ROOT = projectRoot();
export const NOTEBOOKS = path.join(ROOT, "notebooks");
/** Jupyter data folder kept in the project; JUPYTER_PATH points here so Jupyter finds our kernel. */
export const JUPYTER_DATA = path.join(ROOT, ".jupyter");
export const KERNEL_NAME = "optimlab";
export const KERNEL_DIR = path.join(JUPYTER_DATA, "kernels", KERNEL_NAME);
export const SCRIPTS = path.join(ROOT, "scripts");

/** The environment Jupyter runs in: our kernel found first, nothing global changed. */
export function jupyterEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const prior = process.env.JUPYTER_PATH;
  return {
    ...process.env,
    JUPYTER_PATH: prior ? `${JUPYTER_DATA}${path.delimiter}${prior}` : JUPYTER_DATA,
    ...extra,
  };
}

/**
 * Runs a command's main function when its file is the one node was started with (not when a
 * test imports it); an error ends the process with its message and exit status 1, a bad
 * command line (UsageError) with status 2.
 */
export function runAsCommand(module: NodeModule, main: () => void): void {
  if (require.main !== module) return;
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}
