/**
 * The one door from explorables to the notebook: how a figure's HTML is made and how a MIME
 * bundle reaches the kernel's output (src/jupyter/).
 */
export { figureBundle, sendFigure } from "../jupyter/show";
export { inlineScriptLoader } from "../jupyter/inlineScript";
export type { MimeBundle } from "../jupyter/sendDisplay";
export { projectRoot } from "../core/projectRoot";
