export * from "./optimizer";
