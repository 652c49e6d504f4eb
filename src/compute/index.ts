/** The fast products behind the losses. Speed tricks live here and only here. */
export * from "./matmul";
export { computeBackend, setComputeBackend, type ComputeBackend } from "./fastProducts";
