-- What an area SEND inspection report itself says, read from its PDF: previous inspection, what comes next, the file.
ALTER TABLE area_send_inspections ADD COLUMN previous_inspection_start TEXT;
ALTER TABLE area_send_inspections ADD COLUMN next_full_inspection TEXT;
ALTER TABLE area_send_inspections ADD COLUMN monitoring_inspection TEXT;
ALTER TABLE area_send_inspections ADD COLUMN area_in_report TEXT;
ALTER TABLE area_send_inspections ADD COLUMN report_file TEXT;
ALTER TABLE area_send_inspections ADD COLUMN report_sha256 TEXT;
