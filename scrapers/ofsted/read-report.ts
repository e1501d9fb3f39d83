// Reads one area SEND inspection report PDF into a record: the area matched to its council, dates, outcome, findings.
import { isReportReadError, readPdfPages, reportReadError } from './pdf-pages.js';
import { isHeaderError, readReportHeader, type ReportHeader } from './report-header.js';
import { shortBreakFindings, type ReportFinding } from './report-findings.js';
import { reportSentences } from './report-sentences.js';

export interface AreaSendReport extends ReportHeader {
  file: string;
  sha256: string;
  council_code: string;
  pages: number;
  findings: ReportFinding[];
}

export { isReportReadError, reportReadError };

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Parses a report; throws a reportReadError naming the file for anything that cannot be read or matched. */
export async function readAreaSendReport(bytes: Uint8Array, file: string, councilFor: (area: string) => string | undefined): Promise<AreaSendReport> {
  const { pages } = await readPdfPages(bytes, file);
  let header: ReportHeader;
  try {
    header = readReportHeader(pages);
  } catch (e) {
    if (isHeaderError(e)) throw reportReadError(file, `not an area SEND inspection report as expected: ${e.message}`, e);
    throw e;
  }
  const council = councilFor(header.area_in_report);
  if (!council) throw reportReadError(file, `the local area "${header.area_in_report}" does not match any council`);
  return {
    file,
    sha256: hex(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))),
    council_code: council,
    pages: pages.length,
    ...header,
    findings: shortBreakFindings(reportSentences(pages)),
  };
}
