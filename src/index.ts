/**
 * optimlab: the shared module of the course. This file only re-exports; each concept lives in
 * its own file under the folder named after its part of the lecture.
 */
export * from "./core";
export * from "./compute";
export * from "./data";
export * from "./objectives";
export * from "./classifiers";
export * from "./gradients";
export * from "./optimizers";
export * from "./second-order";
export * from "./training";
export * from "./plot";
export * from "./questions";
export * from "./explore";
export * from "./jupyter";
