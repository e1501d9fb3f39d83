-- Per-source run summaries read the frontier by source, and reparse finds a snapshot's page label through it.
CREATE INDEX frontier_source ON frontier(run_id, source_id);
CREATE INDEX frontier_snapshot ON frontier(snapshot_id);
