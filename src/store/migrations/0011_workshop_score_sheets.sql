-- Workshop mode (issue 18): one row per participant holding all its scores (a score sheet), instead of one row per
-- participant, option and factor: a room of 200 submitting 8 options x 6 factors writes 200 rows, not 9,600. The
-- sheet is a JSON object by option, then factor: {"O1": {"choice": 3, "reach": 5}, ...}. A submission merges into it
-- with json_patch (scores it does not name are kept; each option and factor holds one score, so none counts twice);
-- dropping an option removes its key from every sheet (json_remove). Results are tallied from the sheets in code,
-- the same on Node and on D1. Every score of the old table is carried over, then the old table is dropped: nothing
-- reads it any more, and a table left behind would be a second place a score could seem to live.
CREATE TABLE IF NOT EXISTS workshop_score_sheets (
  participant_id TEXT PRIMARY KEY REFERENCES workshop_participants(id) ON DELETE CASCADE,
  workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  scores TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workshop_score_sheets_by_workshop ON workshop_score_sheets (workshop_code);
INSERT INTO workshop_score_sheets (participant_id, workshop_code, scores, updated_at)
  SELECT participant_id, workshop_code, json_group_object(option_id, json(factors)), MAX(updated_at)
  FROM (
    SELECT participant_id, workshop_code, option_id, json_group_object(factor, score) AS factors, MAX(updated_at) AS updated_at
    FROM workshop_scores
    GROUP BY participant_id, workshop_code, option_id
  )
  GROUP BY participant_id, workshop_code;
DROP INDEX IF EXISTS workshop_scores_by_workshop;
DROP TABLE IF EXISTS workshop_scores;
