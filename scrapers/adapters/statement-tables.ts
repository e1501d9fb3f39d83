// Tables of provision in a statement: a table whose first column names services or providers gives one offer per row.
import type { Line, ListRun } from './statement-lists.js';

/**
 * The first column's heading says its rows are services or providers ("Short Breaks provider", "Service"). A column of
 * tiers ("Tier", "Level") sums up the tier model, whose tiers the statement describes in sections of their own.
 */
const SERVICE_COLUMN = /\b(?:provider|service|organisation|club|scheme|activit(?:y|ies)|short breaks?|offer|name)s?\b/i;
/** A markdown rule row ("|---|---|") separates header and rows in some copies. */
const RULE_ROW = /^[-|:\s]+$/;
// "| Service | How needs are identified |": a copy's table written with pipes at both ends reads the same.
const cells = (l: Line) => l.text.replace(/^\s*\|\s*|\s*\|\s*$/g, '').split(/\s+\|\s+/).map((c) => c.trim());

/**
 * Runs of table rows ("cell | cell" lines, as the page reader writes a table) whose header names services: each row
 * becomes a list item "first cell: the other cells", led by the header, so the row's name and facts read as a list item's.
 * Returns the runs and the table's own lines (the header and rows), which are then no paragraph of the section.
 */
export function tableRuns(lines: readonly Line[]): { runs: ListRun[]; used: Line[] } {
  const runs: ListRun[] = [];
  const used: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if (header.item || cells(header).length < 2 || !SERVICE_COLUMN.test(cells(header)[0]!)) continue;
    const rows: Line[] = [];
    for (let j = i + 1; j < lines.length && !lines[j]!.item && (cells(lines[j]!).length >= 2 || RULE_ROW.test(lines[j]!.text)); j++) rows.push(lines[j]!);
    if (!rows.length) continue;
    const body = rows.filter((r) => !RULE_ROW.test(r.text));
    runs.push({ lead: [header], after: [], strong: true, items: body.map((r) => ({ text: `${cells(r)[0]}: ${cells(r).slice(1).filter(Boolean).join('. ')}`, item: true, page: r.page })) });
    used.push(header, ...rows);
    i += rows.length;
  }
  return { runs, used };
}
