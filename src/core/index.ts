export * from "./matrix";
export * from "./vector";
export * from "./random";
export * from "./cholesky";
