-- Initial schema: reference data, sources and snapshots, offers and council facts, inspection evidence.
-- Shared by better-sqlite3 (sbb db migrate) and D1 (wrangler d1 migrations apply). Lists are JSON text.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE taxonomy_terms (
  facet TEXT NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  version TEXT NOT NULL,
  PRIMARY KEY (facet, code)
);

CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE councils (
  code TEXT PRIMARY KEY,
  la_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  web_domain TEXT,
  ofsted_urn TEXT,
  previous_codes TEXT NOT NULL DEFAULT '[]',
  also_known_as TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  file TEXT NOT NULL,
  publisher TEXT NOT NULL,
  licence TEXT NOT NULL,
  data_date TEXT NOT NULL,
  source_url TEXT
);

CREATE TABLE statistical_neighbours (
  model TEXT NOT NULL,
  council_code TEXT NOT NULL REFERENCES councils(code),
  rank INTEGER NOT NULL,
  neighbour_la_number TEXT NOT NULL,
  neighbour_code TEXT,
  neighbour_name TEXT NOT NULL,
  closeness TEXT,
  PRIMARY KEY (model, council_code, rank)
);

CREATE TABLE indicators (
  area_code TEXT NOT NULL,
  measure TEXT NOT NULL,
  period TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  PRIMARY KEY (area_code, measure, period)
);

CREATE TABLE area_send_inspections (
  id TEXT PRIMARY KEY,
  council_code TEXT NOT NULL REFERENCES councils(code),
  framework TEXT NOT NULL,
  outcome_code INTEGER,
  outcome_label TEXT,
  inspection_start TEXT,
  inspection_end TEXT,
  publication_date TEXT,
  previous_inspection_end TEXT,
  next_inspection_by TEXT,
  report_url TEXT,
  source TEXT NOT NULL,
  note TEXT
);
CREATE INDEX area_send_inspections_council ON area_send_inspections(council_code);

CREATE TABLE inspection_findings (
  id TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL REFERENCES area_send_inspections(id),
  council_code TEXT NOT NULL REFERENCES councils(code),
  page INTEGER NOT NULL,
  section TEXT,
  topic TEXT NOT NULL,
  sentence TEXT NOT NULL,
  polarity TEXT NOT NULL,
  cue TEXT
);
CREATE INDEX inspection_findings_council ON inspection_findings(council_code);

CREATE TABLE providers (
  urn TEXT PRIMARY KEY,
  council_code TEXT REFERENCES councils(code),
  ofsted_local_authority TEXT NOT NULL,
  provision_type TEXT NOT NULL,
  short_break_only INTEGER NOT NULL,
  name TEXT,
  sector TEXT,
  places INTEGER,
  owner TEXT,
  registration_date TEXT,
  latest_inspection_date TEXT,
  overall_rating TEXT,
  dataset_id TEXT NOT NULL REFERENCES datasets(id)
);
CREATE INDEX providers_council ON providers(council_code);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  args TEXT NOT NULL DEFAULT '{}',
  summary TEXT
);

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  council_code TEXT REFERENCES councils(code),
  kind TEXT NOT NULL,
  platform TEXT,
  title TEXT,
  notes TEXT,
  first_seen_at TEXT NOT NULL
);
CREATE INDEX sources_council ON sources(council_code);

CREATE TABLE snapshots (
  id TEXT PRIMARY KEY,
  source_id TEXT REFERENCES sources(id),
  run_id TEXT REFERENCES runs(id),
  url TEXT NOT NULL,
  final_url TEXT NOT NULL,
  status INTEGER NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',
  sha256 TEXT NOT NULL,
  content_type TEXT,
  byte_length INTEGER NOT NULL,
  fetched_at TEXT NOT NULL
);
CREATE INDEX snapshots_source ON snapshots(source_id, fetched_at);
CREATE INDEX snapshots_sha256 ON snapshots(sha256);

CREATE TABLE offers (
  id TEXT PRIMARY KEY,
  council_code TEXT NOT NULL REFERENCES councils(code),
  name TEXT NOT NULL,
  description TEXT,
  provider TEXT,
  type TEXT,
  statutory_categories TEXT NOT NULL DEFAULT '[]',
  time_slots TEXT NOT NULL DEFAULT '[]',
  access_tier TEXT,
  tier_label TEXT,
  gates TEXT NOT NULL DEFAULT '[]',
  eligibility TEXT,
  age_min INTEGER,
  age_max INTEGER,
  age_note TEXT,
  cost_status TEXT NOT NULL,
  charges TEXT NOT NULL DEFAULT '[]',
  cost_note TEXT,
  allowances TEXT NOT NULL DEFAULT '[]',
  districts TEXT NOT NULL DEFAULT '[]',
  postcode TEXT,
  schedule TEXT,
  contact TEXT,
  origin TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  evidence_quote TEXT NOT NULL,
  published TEXT,
  published_note TEXT,
  retrieved TEXT NOT NULL,
  retrieved_note TEXT,
  confidence REAL NOT NULL,
  run_id TEXT REFERENCES runs(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX offers_council ON offers(council_code);
CREATE INDEX offers_type ON offers(type);
CREATE INDEX offers_source ON offers(source_id);

CREATE TABLE council_facts (
  id TEXT PRIMARY KEY,
  council_code TEXT NOT NULL REFERENCES councils(code),
  topic TEXT NOT NULL,
  statement TEXT NOT NULL,
  value REAL,
  unit TEXT,
  period TEXT,
  source_id TEXT NOT NULL REFERENCES sources(id),
  evidence_quote TEXT NOT NULL,
  published TEXT,
  published_note TEXT,
  retrieved TEXT NOT NULL,
  retrieved_note TEXT,
  confidence REAL NOT NULL,
  run_id TEXT REFERENCES runs(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX council_facts_council ON council_facts(council_code);
