-- Crawl runs: the frontier of every run (so a killed run resumes where it stopped) and each source's outcome.

CREATE TABLE frontier (
  run_id TEXT NOT NULL REFERENCES runs(id),
  url TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  label TEXT NOT NULL DEFAULT 'entry',
  depth INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pending',
  outcome TEXT,
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  snapshot_id TEXT REFERENCES snapshots(id),
  records INTEGER NOT NULL DEFAULT 0,
  discovered_from TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (run_id, url)
);
CREATE INDEX frontier_status ON frontier(run_id, status);

CREATE TABLE run_sources (
  run_id TEXT NOT NULL REFERENCES runs(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  adapter TEXT NOT NULL,
  status TEXT,
  reason TEXT,
  pages INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, source_id)
);

CREATE INDEX snapshots_url ON snapshots(url, fetched_at);
