// The main pack as one self-contained HTML file (inline CSS and SVG, no scripts, no external requests) with a
// print stylesheet, ready for Chromium to print as the PDF.
import { coverageChart, scoreChart } from './charts.js';
import { BASE_CSS, esc, page } from './html.js';
import type { PackData } from './pack-data.js';
import { glossary, limitations, sources } from './sections-back.js';
import { baseline, caseForChange, cover, scores, successFactors } from './sections-front.js';
import { appraisal, evidenceCards, longList, ragSummary, sensitivityTable, shortList } from './sections-options.js';

const PACK_CSS = `${BASE_CSS}
.cover h1 { font-size: 2.3rem; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--accent); padding: 0.25rem 0.9rem 0.6rem; margin: 1rem 0; }
.card h3 { margin-top: 0.5rem; }
.small { font-size: 0.85rem; }
.rag { white-space: normal; }
table.appraisal th:first-child { width: 9rem; }
table.appraisal td:nth-child(2) { width: 11rem; }
table.sheet-table td:nth-child(n+4) { min-width: 4.5rem; height: 3rem; }
table.sheet-table { table-layout: fixed; }
table.sheet-table th:nth-child(1) { width: 13%; } table.sheet-table th:nth-child(2) { width: 24%; } table.sheet-table th:nth-child(3) { width: 17%; }
table.sheet-table th:nth-child(4), table.sheet-table th:nth-child(5) { width: 9%; } table.sheet-table th:nth-child(6) { width: 10%; } table.sheet-table th:nth-child(7) { width: 18%; }
.sheet { margin-bottom: 1.5rem; }
table.risks { table-layout: fixed; }
table.risks th:nth-child(1) { width: 34%; } table.risks th:nth-child(2) { width: 18%; } table.risks th:nth-child(3), table.risks th:nth-child(4) { width: 12%; }
table.risks td { height: 2.6rem; }
ol.sources li { margin-bottom: 0.4rem; }
.url { font-size: 0.8rem; color: var(--muted); overflow-wrap: anywhere; }
.fill { white-space: nowrap; }
table.scores td:last-child { font-size: 0.8em; }
nav.toc a { display: inline-block; min-height: 24px; padding: 2px 0; }
table.grid-table td, table.grid-table th { font-size: 0.8rem; }
@media screen and (max-width: 40rem) {
  table.scores td:empty { display: none; }
}
@media print {
  .cover { padding-top: 20mm; }
  .cover h1 { font-size: 26pt; }
  nav.toc { display: block; margin-top: 12mm; }
  nav.toc h2 { border: 0; font-size: 14pt; }
  nav.toc a { text-decoration: none; }
  section[aria-labelledby="csf"], section[aria-labelledby="rag"], section[aria-labelledby="glossary"], section[aria-labelledby="sources"] { break-before: auto; }
  .sheet { break-before: page; break-inside: avoid; }
  table.sheet-table td { height: 20mm; }
  table.risks td { height: 12mm; }
  table.risks { break-inside: avoid; }
  table.sheet-table tr:last-child td, table.sheet-table tr:last-child th { height: 12mm; }
  .appraise, section[aria-labelledby="csf"] { break-inside: avoid; }
  section[aria-labelledby="glossary"] dl.facts { break-inside: auto; }
  section[aria-labelledby="glossary"] dt { break-after: avoid; }
  .card { font-size: 9.5pt; padding: 0 3mm 1mm; margin: 3mm 0; }
  .card h3 { font-size: 12pt; margin: 2mm 0 1mm; }
  .card dl.facts { gap: 0.5mm 4mm; margin: 1mm 0; }
}
`;

const TOC: Array<[string, string]> = [
  ['case', 'The case for change'],
  ['csf', 'Critical success factors'],
  ['baseline', 'The local baseline'],
  ['scores', 'How the council compares'],
  ['cards', 'Evidence from comparators'],
  ['longlist', 'Long list of options'],
  ['appraisal', 'Appraisal against the success factors'],
  ['shortlist', 'Short list: scoring sheets'],
  ['sensitivity', 'Does the ranking survive other weights?'],
  ['rag', 'Summary'],
  ['limits', 'Limitations'],
  ['glossary', 'Glossary'],
  ['sources', 'Sources'],
];

export async function renderPackHtml(pack: PackData): Promise<string> {
  const [coverageSvg, scoreSvg] = await Promise.all([coverageChart(pack, 'fig-grid'), scoreChart(pack, 'fig-scores')]);
  const body = `<a class="skip" href="#main">Skip to the pack</a>
<main id="main">
${cover(pack)}
<nav class="toc" aria-label="Contents"><h2 id="contents">Contents</h2><ol>${TOC.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ol></nav>
${caseForChange(pack)}
${successFactors()}
${baseline(pack, coverageSvg)}
${scores(pack, scoreSvg)}
${evidenceCards(pack)}
${longList(pack)}
${appraisal(pack)}
${shortList(pack)}
${sensitivityTable(pack)}
${ragSummary(pack)}
${limitations(pack)}
${glossary()}
${sources(pack)}
</main>`;
  return page({ title: `Short breaks option pack: ${pack.compare.council.name} (${pack.theme.label})`, css: PACK_CSS, body });
}
