-- Per-source run summaries read the frontier by source: index it so they stay fast on large runs.
CREATE INDEX frontier_source ON frontier(run_id, source_id);
