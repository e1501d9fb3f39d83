-- Full-text search over offers (name, description, provider) and councils (name) with FTS5, which both
-- better-sqlite3 and D1 carry. The indexes hold no copy of the text (external content): triggers keep them in
-- step with their tables, so rows loaded by `sbb db export-sql` into D1 are indexed as they arrive, and the
-- export leaves the index tables out. An update that changes none of the indexed text leaves the index alone.
CREATE VIRTUAL TABLE offers_fts USING fts5(name, description, provider, content='offers', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER offers_fts_insert AFTER INSERT ON offers BEGIN INSERT INTO offers_fts(rowid, name, description, provider) VALUES (new.rowid, new.name, new.description, new.provider); END;
CREATE TRIGGER offers_fts_delete AFTER DELETE ON offers BEGIN INSERT INTO offers_fts(offers_fts, rowid, name, description, provider) VALUES ('delete', old.rowid, old.name, old.description, old.provider); END;
CREATE TRIGGER offers_fts_update AFTER UPDATE OF name, description, provider ON offers WHEN old.name IS NOT new.name OR old.description IS NOT new.description OR old.provider IS NOT new.provider BEGIN INSERT INTO offers_fts(offers_fts, rowid, name, description, provider) VALUES ('delete', old.rowid, old.name, old.description, old.provider); INSERT INTO offers_fts(rowid, name, description, provider) VALUES (new.rowid, new.name, new.description, new.provider); END;
INSERT INTO offers_fts(offers_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE councils_fts USING fts5(name, content='councils', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER councils_fts_insert AFTER INSERT ON councils BEGIN INSERT INTO councils_fts(rowid, name) VALUES (new.rowid, new.name); END;
CREATE TRIGGER councils_fts_delete AFTER DELETE ON councils BEGIN INSERT INTO councils_fts(councils_fts, rowid, name) VALUES ('delete', old.rowid, old.name); END;
CREATE TRIGGER councils_fts_update AFTER UPDATE OF name ON councils WHEN old.name IS NOT new.name BEGIN INSERT INTO councils_fts(councils_fts, rowid, name) VALUES ('delete', old.rowid, old.name); INSERT INTO councils_fts(rowid, name) VALUES (new.rowid, new.name); END;
INSERT INTO councils_fts(councils_fts) VALUES ('rebuild');
