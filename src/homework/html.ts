/**
 * HTML for pages made of student text (feedback, collected answers): every text goes through
 * escapeHtml, the pages carry no script and a Content-Security-Policy that forbids any, so a
 * submission that writes `<script>` or `<img onerror=…>` into a message or a file name shows
 * as text.
 */

/** `s` with & < > " ' written as entities (safe in element text and in quoted attributes). */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:56em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
td.n{text-align:right}.pass{color:#176317}.fail{color:#a11}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6em}`;

/** A whole self-contained page: `title` is escaped here, `body` must already be escaped HTML. */
export function htmlPage(title: string, body: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body}</body></html>`,
    "",
  ].join("\n");
}

/** A file name that is safe in any folder: letters, digits, . _ - kept, the rest as _. */
export function safeFileName(s: string): string {
  const clean = String(s).replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return clean === "" ? "_" : clean.slice(0, 120);
}
