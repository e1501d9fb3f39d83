-- Workshop mode (issue 18): a room scores a comparison's options on the pack's six factors. On Workers these tables
-- live in D1 with the rest; on Node they live in a file of their own beside the database (`<db>.workshops.sqlite`,
-- or $SBB_WORKSHOP_DB), migrated with this migration only, so `sbb db build --fresh` never touches users' workshops
-- and participants can write while the main file is served read-only. No personal data: a participant is a role and
-- the SHA-256 of a random key; no address, no name.
CREATE TABLE IF NOT EXISTS workshops (
  code TEXT PRIMARY KEY,
  council_code TEXT NOT NULL,
  council_name TEXT NOT NULL,
  title TEXT NOT NULL,
  theme TEXT,
  group_spec TEXT,
  weights TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  facilitator_hash TEXT NOT NULL,
  factors TEXT NOT NULL,
  scale TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS workshop_options (
  workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  easy_read TEXT,
  position INTEGER NOT NULL,
  scoring_open INTEGER NOT NULL DEFAULT 1,
  decision TEXT CHECK (decision IS NULL OR decision IN ('taken_forward', 'not_taken_forward', 'needs_more_work')),
  decision_reason TEXT,
  decided_at TEXT,
  PRIMARY KEY (workshop_code, id)
);
CREATE TABLE IF NOT EXISTS workshop_participants (
  id TEXT PRIMARY KEY,
  workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workshop_participants_by_workshop ON workshop_participants (workshop_code);
CREATE TABLE IF NOT EXISTS workshop_scores (
  workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
  option_id TEXT NOT NULL,
  factor TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (participant_id, option_id, factor)
);
CREATE INDEX IF NOT EXISTS workshop_scores_by_workshop ON workshop_scores (workshop_code, option_id);
CREATE TABLE IF NOT EXISTS workshop_comments (
  id TEXT PRIMARY KEY,
  workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
  option_id TEXT NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'hidden')),
  created_at TEXT NOT NULL,
  UNIQUE (participant_id, option_id)
);
CREATE INDEX IF NOT EXISTS workshop_comments_by_workshop ON workshop_comments (workshop_code, option_id);
