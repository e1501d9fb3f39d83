// The adapters the crawler knows by name. Platform adapters join this list (issue 4); 'snapshot' only keeps the page.
import { safeHref, schemeOf, type CuratedRecord } from '../../src/domain/index.js';
import { repairMojibakeDeep } from '../../src/text/clean-text.js';
import { isLocalFile } from './offer-builder.js';
import type { Adapter, PageOutput } from './adapter.js';
import { emptyOutput } from './adapter.js';

export const snapshotAdapter: Adapter = { name: 'snapshot', parse: () => emptyOutput() };

export type AdapterRegistry = ReadonlyMap<string, Adapter>;

/** A record whose source is http(s), its contact web address kept only when http(s) too; null when its source is not. */
function httpOnly(r: CuratedRecord, pageUrl: string): CuratedRecord | null {
  // The one exception: a local file parsed by `sbb parse` (printed, never stored) is its records' source.
  if (!safeHref(r.source.url) && !(isLocalFile(pageUrl) && r.source.url === pageUrl)) return null;
  if (r.kind !== 'offer' || !r.contact?.url || safeHref(r.contact.url)) return r;
  const { url: _dropped, ...contact } = r.contact;
  return { ...r, contact: Object.values(contact).some(Boolean) ? contact : undefined };
}

/**
 * An output whose records and problems carry no mojibake (offers are repaired as they are built; facts and any record
 * made elsewhere, here), and with no URL that is not http(s): such links are never followed and such records never kept.
 */
function checkedOutput(out: PageOutput, pageUrl: string): PageOutput {
  const records: CuratedRecord[] = [];
  const problems = [...out.problems];
  for (const r of out.records) {
    const kept = httpOnly(r, pageUrl);
    if (kept) records.push(kept);
    else problems.push(`record ${r.id} not recorded: source.url must be an http: or https: URL (found "${schemeOf(r.source.url)}")`);
  }
  const links = out.links.filter((l) => safeHref(l.url) !== undefined);
  return { ...out, links, records: repairMojibakeDeep(records), problems: repairMojibakeDeep(problems) };
}

/** The adapter with its output repaired and checked: every adapter the crawler and the CLI run passes through this one place. */
export const withRepairedText = (a: Adapter): Adapter => ({
  name: a.name,
  parse: (page) => {
    const out = a.parse(page);
    return out instanceof Promise ? out.then((o) => checkedOutput(o, page.url)) : checkedOutput(out, page.url);
  },
});

export function createAdapterRegistry(extra: readonly Adapter[] = []): AdapterRegistry {
  return new Map([snapshotAdapter, ...extra].map((a) => [a.name, withRepairedText(a)]));
}

/** The adapter for a name; an unknown name (a platform with no adapter yet) keeps snapshots only. */
export const adapterNamed = (registry: AdapterRegistry, name: string): Adapter => registry.get(name) ?? snapshotAdapter;
