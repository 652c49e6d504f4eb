export * from "./numericalGradient";
export * from "./relativeError";
export * from "./gradCheck";
