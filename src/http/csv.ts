// CSV responses: rows rendered by toCsv, inline with a file name, with a Link to the next page.
import type { Context } from 'hono';
import { toCsv } from '../text/csv.js';

export { toCsv };

/** A CSV response: the rows (columns as given, else the first row's keys), inline with a file name, and a Link to the next page. */
export function csvResponse(c: Context, name: string, rows: ReadonlyArray<Record<string, unknown>>, columns?: readonly string[], nextUrl?: string | null) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `inline; filename="${name}.csv"`);
  if (nextUrl) c.header('Link', `<${nextUrl}>; rel="next"`);
  return c.body(toCsv(rows, columns));
}
