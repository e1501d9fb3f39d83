// The data annex as one XLSX workbook (a sheet per table, with a "Read me" sheet), written by exceljs and
// re-zipped with fixed entry times so the same data gives the same bytes.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { AnnexTable } from '../annex.js';

export async function annexXlsx(tables: AnnexTable[], readMe: Array<[string, string]>, dataDate: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'short-breaks-benchmark';
  wb.created = dataDate;
  wb.modified = dataDate;
  const info = wb.addWorksheet('Read me');
  info.columns = [
    { header: 'Item', key: 'item', width: 28 },
    { header: 'Value', key: 'value', width: 100 },
  ];
  for (const [item, value] of readMe) info.addRow({ item, value });
  info.getRow(1).font = { bold: true };
  for (const t of tables) {
    const ws = wb.addWorksheet(t.title);
    ws.columns = t.columns.map((c) => ({ header: c, key: c, width: Math.min(60, Math.max(10, c.length + 2)) }));
    for (const r of t.rows) ws.addRow(Object.fromEntries(t.columns.map((c) => [c, r[c] ?? null])));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  const files = unzipSync(buf);
  const names = Object.keys(files);
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n]!, { mtime: dataDate }]])), { level: 6 });
}
