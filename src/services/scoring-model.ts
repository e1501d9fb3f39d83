// Keeps one prepared scoring model per store and rebuilds it when the stored data changes, so API requests do not
// re-read the whole store. The version is checked at most once a second (store/data-version.ts).
import { dataVersion } from '../store/data-version.js';
import type { Store } from '../store/store.js';
import { prepareScoring, type ScoringModel } from '../scoring/compare.js';

const cache = new WeakMap<object, { version: string; model: Promise<ScoringModel> }>();

export async function scoringModelFor(store: Store): Promise<ScoringModel> {
  const version = await dataVersion(store);
  const hit = cache.get(store.driver);
  if (hit && hit.version === version) return hit.model;
  const model = store.scoringData().then((data) => prepareScoring(data));
  cache.set(store.driver, { version, model });
  model.catch(() => cache.delete(store.driver));
  return model;
}
