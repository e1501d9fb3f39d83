// Imports area SEND report PDFs (files or folders) into the store; a report that cannot be read is named, the rest load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createAreaMatcher, type AreaMatcher } from '../../scrapers/ofsted/area-match.js';
import { isReportReadError, readAreaSendReport, reportReadError, unmatchedAreaProblem, type AreaSendReport } from '../../scrapers/ofsted/read-report.js';
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

export interface ReportCouncilOptions {
  /** The council the reports are for (code, LA number or name), instead of the one their area names. */
  council?: string;
}

/**
 * Matches a report's area to a council through the store's council lookup; with `council` given, every report is
 * that council's (resolved once: an unknown council is a not_found error naming the field "council").
 */
export async function councilMatcher(store: Store, options: ReportCouncilOptions = {}): Promise<AreaMatcher> {
  if (options.council !== undefined) {
    const code = (await store.requireCouncil(options.council, 'council')).code;
    return () => code;
  }
  return createAreaMatcher(await store.councilLookup());
}

export async function readReportFile(path: string, match: AreaMatcher): Promise<AreaSendReport> {
  const file = basename(path);
  if (!existsSync(path) || statSync(path).isDirectory()) throw reportReadError(path, 'no such file');
  return readAreaSendReport(new Uint8Array(readFileSync(path)), file, match);
}

/** The cause an unmatched area's error carries, so a caller can offer to name the council. */
interface AreaUnmatched {
  unmatched_area: string;
}

/** Stores a report; one whose council is unknown is a reportReadError naming the file and the area. */
export async function saveReport(store: Store, report: AreaSendReport): Promise<string> {
  const council = report.council_code ? await store.findCouncil(report.council_code) : undefined;
  if (!council) {
    const cause: AreaUnmatched = { unmatched_area: report.area_in_report };
    throw reportReadError(report.file, report.problems[0] ?? unmatchedAreaProblem(report.area_in_report), cause);
  }
  return store.inspections.saveAreaSendReport({ ...report, council_code: council.code, la_number: council.la_number });
}

/** The area of a report that read but matched no council, from the error saveReport threw. */
export const unmatchedAreaOf = (e: unknown): string | undefined => ((e as { cause?: Partial<AreaUnmatched> }).cause ?? {}).unmatched_area;

export async function importAreaSendReports(store: Store, paths: readonly string[], options: ReportCouncilOptions = {}): Promise<ReportImportResult> {
  const match = await councilMatcher(store, options);
  const result: ReportImportResult = { imported: [], failed: [] };
  for (const path of reportFiles(paths)) {
    try {
      const report = await readReportFile(path, match);
      const id = await saveReport(store, report);
      result.imported.push({ file: report.file, council_code: report.council_code!, inspection_id: id, outcome_code: report.outcome_code, findings: report.findings.length });
    } catch (e) {
      if (!isReportReadError(e)) throw e;
      const area = unmatchedAreaOf(e);
      result.failed.push({ file: path, message: e.message, ...(area !== undefined ? { area } : {}) });
    }
  }
  return result;
}
