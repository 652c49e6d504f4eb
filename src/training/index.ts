export * from "./trace";
export * from "./minimize";
export * from "./train";
