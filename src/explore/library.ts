/**
 * The parts of the library an explorable runs, in the kernel and in the page alike: the update
 * rules, the objectives, the run loops and the figure builders. Everything comes through this one
 * file, so the page bundle (`assets/explore.js`) holds exactly these and nothing else: the files
 * are imported one by one, never through a folder's index, which would pull in mathjs
 * (`fromExpression`) or Node's `fs` (`show`, `projectRoot`).
 */
export { sgd } from "../optimizers/sgd";
export { momentum } from "../optimizers/momentum";
export { nesterov } from "../optimizers/nesterov";
export { adagrad } from "../optimizers/adagrad";
export { rmsprop } from "../optimizers/rmsprop";
export { adam } from "../optimizers/adam";
export { adamw } from "../optimizers/adamw";
export type { Optimizer } from "../optimizers/optimizer";
export { quadratic } from "../objectives/quadratic";
export { rosenbrock } from "../objectives/rosenbrock";
export { saddle } from "../objectives/saddle";
export { himmelblau } from "../objectives/himmelblau";
export type { Objective } from "../objectives/objective";
export { minimize } from "../training/minimize";
export type { Trace } from "../training/trace";
export { newton } from "../second-order/newton";
export { contour } from "../plot/contour";
export { path } from "../plot/path";
export { overlay, type Figure, type PlotlyTrace } from "../plot/figure";
export { colorAt } from "../plot/palette";
