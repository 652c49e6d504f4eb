import type { GradCheckResult } from "../gradients/gradCheck";
import { gradCheckTable } from "../plot/gradCheckTable";
import { sendDisplay, type MimeBundle } from "./sendDisplay";

/** Shows a gradient check's table in the notebook (text in a terminal). */
export function showGradCheck(result: GradCheckResult, options: { title?: string; maxRows?: number } = {}): void {
  const { html, text } = gradCheckTable(result, options);
  const bundle: MimeBundle = { "text/html": html, "text/plain": text };
  if (!sendDisplay(bundle)) console.log(text);
}
