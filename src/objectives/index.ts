export * from "./objective";
export * from "./checkPoint";
export * from "./quadratic";
export * from "./rosenbrock";
export * from "./saddle";
export * from "./beale";
export * from "./himmelblau";
export * from "./localMinimum1d";
