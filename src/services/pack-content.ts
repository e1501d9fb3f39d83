// What a pack shows, assembled from a store without rendering anything: pack-service.ts renders it, and workshop
// mode reads its long list of options from it (kept apart so the Worker's bundle does not carry the renderers).
import { assemblePack, type PackData, type PackRequest } from '../pack/pack-data.js';
import type { PackExtras, SnapshotRef } from '../pack/sources.js';
import type { Store } from '../store/store.js';
import { scoringModelFor } from './scoring-model.js';

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

/** What a pack shows for a council (any key the council lookup takes), from the cached scoring model. */
export async function packContent(store: Store, code: string, request: PackRequest): Promise<PackData> {
  const [model, extras] = await Promise.all([scoringModelFor(store), readPackExtras(store)]);
  return assemblePack(model, code, request, extras);
}
