// What a pack reads from a Store beyond the cached scoring model: dataset citations and the latest snapshots.
import type { Store } from '../store/store.js';
import type { PackExtras, SnapshotRef } from '../pack/sources.js';

/** The few store reads a pack needs beyond the scoring snapshot: dataset citations and the latest snapshot of each source. */
export async function readPackExtras(store: Store): Promise<PackExtras> {
  const [datasets, snaps] = await Promise.all([store.datasets(), store.latestSnapshotPerUrl()]);
  const snapshots = new Map<string, SnapshotRef>();
  for (const s of snaps) if (!snapshots.has(s.url)) snapshots.set(s.url, { id: s.id, sha256: s.sha256, fetched_at: s.fetched_at });
  return {
    datasets: datasets.map((d) => ({ id: d.id, title: d.title, publisher: d.publisher, licence: d.licence, data_date: d.data_date, source_url: d.source_url })),
    snapshots,
  };
}
