export * from "./matrix";
export * from "./vector";
export * from "./random";
