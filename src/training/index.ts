export * from "./trace";
export * from "./run";
export * from "./minibatches";
export * from "./minimize";
export * from "./train";
export * from "./twoLayerNetTrain";
