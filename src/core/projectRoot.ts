import * as fs from "fs";
import * as path from "path";

/**
 * The project's folder (where package.json, assets/ and notebooks/ are): the nearest folder above
 * `from` that holds a package.json. Works from dist/ and from the test build in .build/ alike.
 */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
