/**
 * A script shipped inside a notebook's HTML output: gzipped, base64-encoded, unpacked with the
 * browser's DecompressionStream and run once per page. `window[ready]` becomes a promise of
 * `window[global]`, so later outputs wait for it instead of shipping it again (plotly.js, the
 * explorables' page bundle).
 */
export function inlineScriptLoader(global: string, ready: string, gzippedBase64: string): string {
  return `if (!window.${ready}) window.${ready} = window.${global} ? Promise.resolve(window.${global}) : (async () => {
  const bytes = Uint8Array.from(atob("${gzippedBase64}"), (c) => c.charCodeAt(0));
  const code = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  const s = document.createElement("script"); s.textContent = code; document.head.appendChild(s);
  return window.${global};
})();`;
}
