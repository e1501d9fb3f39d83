// Imports area SEND report PDFs (files or folders) into the store; a report that cannot be read is named, the rest load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createAreaMatcher } from '../../scrapers/ofsted/area-match.js';
import { isReportReadError, readAreaSendReport, reportReadError, type AreaSendReport } from '../../scrapers/ofsted/read-report.js';
import type { ReportImportResult } from '../services/ports.js';
import type { Store } from '../store/store.js';

export type { ReportImportResult } from '../services/ports.js';

/** Files named directly, and every .pdf in folders named. */
export function reportFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (existsSync(p) && statSync(p).isDirectory())
      out.push(...readdirSync(p).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

export async function councilMatcher(store: Store) {
  const councils = await store.listCouncils();
  return createAreaMatcher(councils.map((c) => ({ code: c.code, names: [c.name, ...c.also_known_as] })));
}

export async function readReportFile(path: string, match: (area: string) => string | undefined): Promise<AreaSendReport> {
  const file = basename(path);
  if (!existsSync(path) || statSync(path).isDirectory()) throw reportReadError(path, 'no such file');
  return readAreaSendReport(new Uint8Array(readFileSync(path)), file, match);
}

export async function saveReport(store: Store, report: AreaSendReport): Promise<string> {
  const council = (await store.findCouncil(report.council_code))!;
  return store.inspections.saveAreaSendReport({ ...report, la_number: council.la_number });
}

export async function importAreaSendReports(store: Store, paths: readonly string[]): Promise<ReportImportResult> {
  const match = await councilMatcher(store);
  const result: ReportImportResult = { imported: [], failed: [] };
  for (const path of reportFiles(paths)) {
    try {
      const report = await readReportFile(path, match);
      const id = await saveReport(store, report);
      result.imported.push({ file: report.file, council_code: report.council_code, inspection_id: id, outcome_code: report.outcome_code, findings: report.findings.length });
    } catch (e) {
      if (!isReportReadError(e)) throw e;
      result.failed.push({ file: path, message: e.message });
    }
  }
  return result;
}
