/**
 * The one door from explorables to the notebook: how a figure's HTML is made and how a MIME
 * bundle reaches the kernel's output. (These live in src/plot/ today and move to src/jupyter/;
 * only this file needs to follow them.)
 */
export { figureBundle } from "../plot/show";
export { sendDisplay, type MimeBundle } from "../plot/jupyterDisplay";
export { projectRoot } from "../core/projectRoot";
