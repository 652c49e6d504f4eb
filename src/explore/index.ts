export { explorable, type Control, type Explorable, type ExploreOptions, type RunSettings } from "./explorable";
export { exploreFigure, exploreRuns, type ExploreRun } from "./exploreFigure";
export { explore, exploreDisplay } from "./explore";
