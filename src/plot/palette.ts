/**
 * The colours runs are drawn in, so a path, its marker in a race and its loss curve match:
 * plotly's default colour cycle (D3's category10).
 */
export const PALETTE = [
  "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
];

/** The i-th colour of the palette, cycling. */
export function colorAt(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}
