// HTML building blocks for the packs: escaping (every stored or scraped string goes through esc), safe links,
// dates, and the shared stylesheet with its print rules.
import { safeHref } from '../domain/urls.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export const esc = (s: unknown): string => (s === null || s === undefined ? '' : String(s)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Only http(s) URLs become links; anything else (javascript:, data:, relative paths) is shown as text. */
export function safeUrl(url: string | null | undefined): string | null {
  const safe = safeHref(url);
  return safe ? new URL(safe).href : null;
}

export function link(url: string | null | undefined, text?: string): string {
  const safe = safeUrl(url);
  if (!safe) return esc(text ?? url ?? '');
  return `<a href="${esc(safe)}">${esc(text ?? url)}</a>`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-12-09" as "9 December 2024", "2024-12" as "December 2024", "2024" as is; null as "not stated". */
export function date(d: string | null | undefined, missing = 'not stated'): string {
  if (!d) return missing;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return d;
  const [, y, mo, day] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

export const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function table(caption: string, head: readonly string[], rows: ReadonlyArray<readonly string[]>, opts: { cls?: string; rowHeader?: boolean } = {}): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  // Each cell carries its column's name, shown beside it when a narrow screen stacks the table.
  const labels = head.map((h) => ` data-label="${h.replace(/<[^>]*>/g, '').replace(/"/g, '&quot;')}"`);
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 && opts.rowHeader !== false ? `<th scope="row"${labels[i] ?? ''}>${c}</th>` : `<td${labels[i] ?? ''}>${c}</td>`)).join('')}</tr>`).join('\n');
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}><caption>${caption}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function page(opts: { title: string; lang?: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="${opts.lang ?? 'en-GB'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<style>${opts.css}</style>
</head>
<body>
${opts.body}
</body>
</html>
`;
}

export const BASE_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #767676; --soft: #f3f3f3; --link: #0b4f8a; --accent: #0b4f8a; }
* { box-sizing: border-box; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 3rem; font-size: 1rem; }
a { color: var(--link); text-decoration: underline; overflow-wrap: anywhere; }
a.ref { display: inline-block; min-width: 24px; min-height: 24px; text-align: center; }
a:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 4px solid var(--accent); }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
p, li { max-width: 48rem; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 2; }
.muted { color: var(--muted); }
.note { border-left: 6px solid var(--accent); background: #eef4fa; padding: 0.6rem 0.9rem; margin: 1rem 0; }
.warn { border-left: 6px solid #8a5a00; background: #fff6e0; padding: 0.6rem 0.9rem; margin: 1rem 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 0.4rem; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.rag { display: inline-block; padding: 0 0.4rem; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; font-weight: bold; }
.rag-supports { background: #dff0df; color: #0d3d12; }
.rag-some { background: #ffe9c2; color: #4a2c00; }
.rag-against { background: #f9d6d6; color: #5c0a0a; }
.rag-unknown { background: #ececec; color: #1a1a1a; }
.blank { min-width: 4.5rem; height: 2.2rem; }
@media screen and (max-width: 40rem) {
  body { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.6rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: 0.4rem; }
  table, thead, tbody, tr, th, td, caption { display: block; width: auto !important; min-width: 0 !important; height: auto !important; }
  table { table-layout: auto !important; }
  thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  tbody tr { border: 1px solid var(--line); margin: 0 0 0.75rem; }
  th, td { border: 0; border-bottom: 1px solid #d4d4d4; overflow-wrap: anywhere; }
  tbody tr > :last-child { border-bottom: 0; }
  tbody th { background: var(--soft); }
  [data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
  .fill { white-space: normal !important; word-break: break-all; }
  tbody th[data-label]::before { font-weight: normal; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc, .skip { display: none; }
  .chapter { break-before: page; }
  h2 { margin-top: 0; }
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  tr, .card, figure, .sheet-head, dl.facts { break-inside: avoid; }
  table { font-size: 9pt; }
  a { color: var(--ink); }
}
`;

/** Large type and short lines for the easy-read documents (the pack's easy read and "you said, we did"). */
export const EASY_BASE_CSS = `${BASE_CSS}
html { font-size: 137.5%; line-height: 1.6; }
body { max-width: 40rem; }
h1 { font-size: 1.8rem; }
h2 { font-size: 1.4rem; }
p { margin: 0 0 0.7rem; }
.idea { border: 3px solid var(--accent); border-radius: 8px; padding: 0.5rem 1rem; margin: 1.2rem 0; }`;
