-- Offers keep the source's own categories (ORUK taxonomy terms, kb5 channels, Outpost SEND needs) for classification.
-- Sources say whether they are entry points a scrape starts from (the registry, sbb sources add, --url) or only the
-- page a record was read from.
ALTER TABLE offers ADD COLUMN source_terms TEXT NOT NULL DEFAULT '[]';
ALTER TABLE sources ADD COLUMN entry_point INTEGER NOT NULL DEFAULT 0;
