// Builds a pack straight from a Store: the cached scoring model plus the few extra reads a pack needs.
import { scoringModelFor } from '../scoring/model-cache.js';
import type { Store } from '../store/store.js';
import { buildPack, type BuildOptions, type BuiltPack } from './build-pack.js';
import type { PackRequest } from './pack-data.js';
import { readPackExtras } from './sources.js';

export async function buildPackFromStore(store: Store, code: string, req: PackRequest, opts: BuildOptions = {}): Promise<BuiltPack> {
  const [model, extras] = await Promise.all([scoringModelFor(store), readPackExtras(store)]);
  return buildPack(model, extras, code, req, opts);
}
