-- Each version of an offer keeps when its source was read and when the source says it was published, so `sbb diff`
-- dates a change by those, never by when the database was built. Versions written before this take their offer's.
ALTER TABLE offer_versions ADD COLUMN retrieved TEXT;
ALTER TABLE offer_versions ADD COLUMN published TEXT;
UPDATE offer_versions SET retrieved = (SELECT o.retrieved FROM offers o WHERE o.id = offer_versions.offer_id), published = (SELECT o.published FROM offers o WHERE o.id = offer_versions.offer_id) WHERE change <> 'disappeared';
UPDATE offer_versions SET retrieved = substr(recorded_at, 1, 10) WHERE change = 'disappeared';
