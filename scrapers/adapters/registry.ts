// The adapters the crawler knows by name. Platform adapters join this list (issue 4); 'snapshot' only keeps the page.
import { repairMojibakeDeep } from '../../src/text/clean-text.js';
import type { Adapter, PageOutput } from './adapter.js';
import { emptyOutput } from './adapter.js';

export const snapshotAdapter: Adapter = { name: 'snapshot', parse: () => emptyOutput() };

export type AdapterRegistry = ReadonlyMap<string, Adapter>;

/** An output whose records and problems carry no mojibake (offers are repaired as they are built; facts and any record made elsewhere, here). */
const repairedOutput = (out: PageOutput): PageOutput => ({ ...out, records: repairMojibakeDeep(out.records), problems: repairMojibakeDeep(out.problems) });

/** The adapter with its output repaired: every adapter the crawler and the CLI run passes through this one place. */
export const withRepairedText = (a: Adapter): Adapter => ({
  name: a.name,
  parse: (page) => {
    const out = a.parse(page);
    return out instanceof Promise ? out.then(repairedOutput) : repairedOutput(out);
  },
});

export function createAdapterRegistry(extra: readonly Adapter[] = []): AdapterRegistry {
  return new Map([snapshotAdapter, ...extra].map((a) => [a.name, withRepairedText(a)]));
}

/** The adapter for a name; an unknown name (a platform with no adapter yet) keeps snapshots only. */
export const adapterNamed = (registry: AdapterRegistry, name: string): Adapter => registry.get(name) ?? snapshotAdapter;
