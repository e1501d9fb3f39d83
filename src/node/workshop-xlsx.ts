// Node only: a workshop's results as an XLSX workbook (exceljs, as the pack's annex): "Options" has one row per
// option with the same columns as the CSV; "Comments" the approved comments; "About" what the figures are.
import ExcelJS from 'exceljs';
import { displayCode, ROLE_LABELS, type Workshop, type WorkshopResults } from '../domain/workshop.js';
import { resultsCsvColumns, resultsCsvRows } from '../services/workshops-results.js';

export async function workshopXlsx(results: WorkshopResults, workshop: Workshop): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(workshop.created_at);
  const rows = resultsCsvRows(results, workshop.factors);
  const options = book.addWorksheet('Options', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = resultsCsvColumns(workshop.factors);
  options.columns = columns.map((key) => ({ header: key, key, width: key === 'title' || key === 'decision_reason' ? 50 : 14 }));
  // Missing stays missing: an empty cell where nobody scored, never a zero.
  for (const r of rows) options.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? undefined])));
  options.getRow(1).font = { bold: true };

  const comments = book.addWorksheet('Comments');
  comments.columns = [
    { header: 'option', key: 'option', width: 10 },
    { header: 'role', key: 'role', width: 18 },
    { header: 'comment', key: 'text', width: 80 },
    { header: 'written', key: 'created_at', width: 24 },
  ];
  for (const o of results.options) for (const c of o.comments) comments.addRow({ option: o.id, role: ROLE_LABELS[c.role], text: c.text, created_at: c.created_at });
  comments.getRow(1).font = { bold: true };

  const about = book.addWorksheet('About');
  about.columns = [{ width: 28 }, { width: 90 }];
  for (const row of [
    ['Workshop', `${workshop.title} (${displayCode(workshop.code)})`],
    ['Council', workshop.council_name],
    ['Status', results.status],
    ['Participants', results.participants.total],
    ['Scale', workshop.scale.map((s) => `${s.score} ${s.means.toLowerCase()}`).join('; ')],
    ['Factors', workshop.factors.map((f) => `${f.id}: ${f.question}`).join(' ')],
    ['Columns', 'responses: scores given to the option (every factor); participants: people who scored it; mean_X: the mean score by factor or role, empty where nobody scored; scored_N: how many scores of N'],
  ])
    about.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
