// Reads one area SEND inspection report PDF into a record: the area matched to its council, dates, outcome, findings.
// An area that matches no council still gives the record (council null, the problem said), for the caller to decide.
import { isReportReadError, readPdfPages, reportReadError } from './pdf-pages.js';
import { isHeaderError, readReportHeader, type ReportHeader } from './report-header.js';
import { shortBreakFindings, type ReportFinding } from './report-findings.js';
import { reportSentences } from './report-sentences.js';

export interface AreaSendReport extends ReportHeader {
  file: string;
  sha256: string;
  /** The council the report is for: matched from its area, or as the caller said; null when neither. */
  council_code: string | null;
  pages: number;
  findings: ReportFinding[];
  /** What stands in the way of storing the report (an area that matches no council), in words. */
  problems: string[];
}

export { isReportReadError, reportReadError };

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The problem for an area that names no council. */
export const unmatchedAreaProblem = (area: string) => `the local area "${area}" does not match any council`;

/**
 * Parses a report; throws a reportReadError naming the file for anything that cannot be read. `councilFor` matches
 * the area to a council code; when it finds none, council_code is null and `problems` says so.
 */
export async function readAreaSendReport(bytes: Uint8Array, file: string, councilFor: (area: string) => string | undefined): Promise<AreaSendReport> {
  const { pages } = await readPdfPages(bytes, file);
  let header: ReportHeader;
  try {
    header = readReportHeader(pages);
  } catch (e) {
    if (isHeaderError(e)) throw reportReadError(file, `not an area SEND inspection report as expected: ${e.message}`, e);
    throw e;
  }
  const council = councilFor(header.area_in_report) ?? null;
  return {
    file,
    sha256: hex(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))),
    council_code: council,
    pages: pages.length,
    ...header,
    findings: shortBreakFindings(reportSentences(pages)),
    problems: council ? [] : [unmatchedAreaProblem(header.area_in_report)],
  };
}
