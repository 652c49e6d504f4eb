import { loadMnist } from "./mnist";
import { loadIris } from "./iris";
import { spiral } from "./spiral";
import { circles } from "./circles";
import { blobs } from "./blobs";

/** The datasets `loadDataset` knows by name, each with its loader. */
export const datasets = { mnist: loadMnist, iris: loadIris, spiral, circles, blobs };
export type DatasetName = keyof typeof datasets;

/**
 * A dataset by name: `loadDataset("spiral", { classes: 3 })` is `spiral({ classes: 3 })`.
 * An unknown name throws an Error listing the known ones. (CIFAR-10 needs a folder: `loadCifar10(dir)`.)
 */
export function loadDataset<K extends DatasetName>(
  name: K, options?: Parameters<(typeof datasets)[K]>[0],
): ReturnType<(typeof datasets)[K]> {
  if (!Object.prototype.hasOwnProperty.call(datasets, name)) {
    throw new Error(`loadDataset: unknown dataset "${String(name)}"; known: ${Object.keys(datasets).join(", ")} (and loadCifar10(dir))`);
  }
  const load = datasets[name] as (o?: unknown) => ReturnType<(typeof datasets)[K]>;
  return load(options);
}
