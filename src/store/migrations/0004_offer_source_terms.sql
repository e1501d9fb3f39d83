-- Offers keep the source's own categories (ORUK taxonomy terms, kb5 channels, Outpost SEND needs) for classification.
ALTER TABLE offers ADD COLUMN source_terms TEXT NOT NULL DEFAULT '[]';
