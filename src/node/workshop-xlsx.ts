// Node only: a workshop's results as an XLSX workbook (exceljs, as the pack's annex): one sheet of options with
// their means by factor and role, one of the spread of scores, one of approved comments and decisions.
import type { Workshop, WorkshopResults } from '../domain/workshop.js';

export async function workshopXlsx(results: WorkshopResults, workshop: Workshop): Promise<Uint8Array> {
  void results;
  void workshop;
  throw new Error('not built yet');
}
