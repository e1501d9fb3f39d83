// The adapters the crawler knows by name. Platform adapters join this list (issue 4); 'snapshot' only keeps the page.
import type { Adapter } from './adapter.js';
import { emptyOutput } from './adapter.js';

export const snapshotAdapter: Adapter = { name: 'snapshot', parse: () => emptyOutput() };

export type AdapterRegistry = ReadonlyMap<string, Adapter>;

export function createAdapterRegistry(extra: readonly Adapter[] = []): AdapterRegistry {
  return new Map([snapshotAdapter, ...extra].map((a) => [a.name, a]));
}

/** The adapter for a name; an unknown name (a platform with no adapter yet) keeps snapshots only. */
export const adapterNamed = (registry: AdapterRegistry, name: string): Adapter => registry.get(name) ?? snapshotAdapter;
