-- Classification and history: what each record itself stated, the classifier's per-field decisions with evidence,
-- the canonical offer a duplicate belongs to, and every version of an offer across runs.
ALTER TABLE offers ADD COLUMN stated TEXT;
ALTER TABLE offers ADD COLUMN classification TEXT;
ALTER TABLE offers ADD COLUMN classified_with TEXT;
ALTER TABLE offers ADD COLUMN duplicate_of TEXT;
CREATE INDEX offers_duplicate ON offers(duplicate_of);

CREATE TABLE offer_versions (
  offer_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  council_code TEXT NOT NULL,
  run_id TEXT,
  recorded_at TEXT NOT NULL,
  change TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (offer_id, version)
);
CREATE INDEX offer_versions_council ON offer_versions(council_code, recorded_at);
ALTER TABLE offers ADD COLUMN disappeared_at TEXT;
