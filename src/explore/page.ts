/**
 * The entry of the page bundle, assets/explore.js (built by `npm run build`, see
 * src/cli/bundle.ts): the explorables' code for the browser, as `window.optimlabExplore`.
 * It holds the update rules, objectives and run loops of src/ (through ./library) and nothing
 * that needs Node or mathjs.
 */
import { explorable, withSetting } from "./explorable";
import { exploreFigure, exploreRuns } from "./exploreFigure";
import { mount } from "./mount";

(globalThis as unknown as { optimlabExplore: unknown }).optimlabExplore = { explorable, withSetting, exploreFigure, exploreRuns, mount };
