// Store methods for area SEND reports read from PDFs: upsert the inspection, replace its findings, all in one batch.
import type { SqlDriver, SqlStatement } from './sql-driver.js';

export interface ReportToStore {
  council_code: string;
  la_number: string;
  file: string;
  sha256: string;
  area_in_report: string;
  inspection_start: string;
  inspection_end: string;
  previous_inspection_start: string | null;
  previous_inspection_end: string | null;
  publication_date: string | null;
  outcome_code: number;
  outcome_label: string;
  next_full_inspection: string | null;
  monitoring_inspection: string | null;
  findings: Array<{ page: number; section: string | null; topic: string; text: string; polarity: string; cue: string }>;
}

export interface StoredFinding {
  inspection_id: string;
  page: number;
  section: string | null;
  topic: string;
  sentence: string;
  polarity: string;
  cue: string | null;
  inspection_start: string | null;
  report_url: string | null;
  report_file: string | null;
}

/** The same id the reference data gives an inspection, so a report enriches its row instead of adding another. */
export const inspectionIdFor = (laNumber: string, start: string) => `area-send-2023:${laNumber}:${start}`;

export function inspectionStore(db: SqlDriver) {
  return {
    /** Idempotent: the same report gives the same rows, so importing it twice changes nothing. */
    async saveAreaSendReport(r: ReportToStore): Promise<string> {
      const id = inspectionIdFor(r.la_number, r.inspection_start);
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO area_send_inspections (id, council_code, framework, outcome_code, outcome_label, inspection_start, inspection_end,
                  publication_date, previous_inspection_start, previous_inspection_end, next_inspection_by, report_url, source, note,
                  next_full_inspection, monitoring_inspection, area_in_report, report_file, report_sha256)
                VALUES (?, ?, 'area SEND 2023', ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'report_pdf', NULL, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET outcome_code = excluded.outcome_code, outcome_label = excluded.outcome_label,
                  inspection_end = excluded.inspection_end, publication_date = COALESCE(excluded.publication_date, area_send_inspections.publication_date),
                  previous_inspection_start = excluded.previous_inspection_start, previous_inspection_end = excluded.previous_inspection_end,
                  next_full_inspection = excluded.next_full_inspection, monitoring_inspection = excluded.monitoring_inspection,
                  area_in_report = excluded.area_in_report, report_file = excluded.report_file, report_sha256 = excluded.report_sha256`,
          params: [id, r.council_code, r.outcome_code, r.outcome_label, r.inspection_start, r.inspection_end, r.publication_date, r.previous_inspection_start,
            r.previous_inspection_end, r.next_full_inspection, r.monitoring_inspection, r.area_in_report, r.file, r.sha256],
        },
        // A reference row for this council without inspection dates (the scrape could not read them) is this
        // inspection: keep its report URL and publication date, then drop it.
        {
          sql: `UPDATE area_send_inspections SET
                  report_url = COALESCE(report_url, (SELECT d.report_url FROM area_send_inspections d WHERE d.council_code = ? AND d.inspection_start IS NULL AND d.id <> ?)),
                  publication_date = COALESCE(publication_date, (SELECT d.publication_date FROM area_send_inspections d WHERE d.council_code = ? AND d.inspection_start IS NULL AND d.id <> ?))
                WHERE id = ?`,
          params: [r.council_code, id, r.council_code, id, id],
        },
        { sql: "DELETE FROM area_send_inspections WHERE council_code = ? AND inspection_start IS NULL AND id <> ? AND id NOT IN (SELECT inspection_id FROM inspection_findings)", params: [r.council_code, id] },
        { sql: 'DELETE FROM inspection_findings WHERE inspection_id = ?', params: [id] },
      ];
      r.findings.forEach((f, i) =>
        statements.push({
          sql: `INSERT INTO inspection_findings (id, inspection_id, council_code, page, section, topic, sentence, polarity, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [`${id}:${String(i + 1).padStart(3, '0')}`, id, r.council_code, f.page, f.section, f.topic, f.text, f.polarity, f.cue],
        }),
      );
      await db.batch(statements);
      return id;
    },

    async findingsOf(code: string): Promise<StoredFinding[]> {
      return db.all<StoredFinding & Record<string, unknown>>(
        `SELECT f.inspection_id, f.page, f.section, f.topic, f.sentence, f.polarity, f.cue, i.inspection_start, i.report_url, i.report_file
           FROM inspection_findings f JOIN area_send_inspections i ON i.id = f.inspection_id
          WHERE f.council_code = ? ORDER BY i.inspection_start DESC, f.id`,
        [code],
      );
    },
  };
}
