import { checkWhole } from "../core/checks";
import { figure, type Figure, type PlotlyTrace } from "./figure";

export interface ImageGridOptions {
  /** Pixels per image row and column (default 28 × 28, MNIST); each image has width·height values, row-major. */
  width?: number;
  height?: number;
  /** Images per row of the grid (default 5). */
  columns?: number;
  /** A title above each image. */
  titles?: string[];
  title?: string;
  /** A plotly colorscale (default "RdBu": plotly's runs from blue (low) to red (high), so positive weights are red). */
  colorscale?: string;
  /** Scale each image to its own min/max (default true), as CS231n draws the templates. */
  perImageScale?: boolean;
}

/**
 * Images in a grid, one heatmap each: MNIST digits, or the rows of a trained W drawn as 28×28
 * templates (the "visual viewpoint": each class's row of W is an image it matches scores against).
 * Row 0 of an image is drawn at the top.
 */
export function imageGrid(images: ArrayLike<number>[], options: ImageGridOptions = {}): Figure {
  const { width = 28, height = 28, columns = 5, colorscale = "RdBu", perImageScale = true } = options;
  if (!Array.isArray(images) || images.length === 0) throw new RangeError("imageGrid: images must be a non-empty array");
  checkWhole("imageGrid", "columns", columns, 1);
  images.forEach((img, i) => {
    if (!img || img.length !== width * height) {
      throw new RangeError(`imageGrid: images[${i}] has ${img ? img.length : "no"} values, expected width×height = ${width}×${height} = ${width * height}`);
    }
  });
  if (options.titles && options.titles.length !== images.length) {
    throw new RangeError(`imageGrid: ${options.titles.length} titles for ${images.length} images`);
  }
  const rows = Math.ceil(images.length / columns);
  const layout: Record<string, unknown> = {
    grid: { rows, columns, pattern: "independent" },
    height: 170 * rows + (options.title ? 50 : 10),
    width: 160 * columns,
    margin: { t: options.title ? 60 : 30, r: 10, b: 10, l: 10 },
    title: options.title ? { text: options.title } : undefined,
    annotations: [] as unknown[],
  };
  const data: PlotlyTrace[] = images.map((img, k) => {
    const z: number[][] = [];
    for (let r = 0; r < height; r++) z.push(Array.from({ length: width }, (_, c) => img[r * width + c]));
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < img.length; i++) if (Number.isFinite(img[i])) { lo = Math.min(lo, img[i]); hi = Math.max(hi, img[i]); }
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    const axis = k === 0 ? "" : `${k + 1}`;
    layout[`xaxis${axis}`] = { visible: false };
    layout[`yaxis${axis}`] = { visible: false, autorange: "reversed", scaleanchor: `x${axis}` };
    if (options.titles) {
      (layout.annotations as unknown[]).push({
        text: options.titles[k], showarrow: false, xref: `x${axis} domain`, yref: `y${axis} domain`, x: 0.5, y: 1.12, xanchor: "center",
      });
    }
    return {
      type: "heatmap", z, xaxis: `x${axis}`, yaxis: `y${axis}`, colorscale, showscale: false,
      ...(perImageScale ? { zmin: -m, zmax: m } : {}),
      name: options.titles ? options.titles[k] : `image ${k}`,
    };
  });
  return figure(data, layout);
}
