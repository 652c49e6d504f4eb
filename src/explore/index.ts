export * from "./explorable";
export * from "./exploreFigure";
export * from "./explore";
