export * from "./figure";
export * from "./lineChart";
export * from "./barChart";
export * from "./show";
export * from "./progress";
export { inKernel } from "./jupyterDisplay";
