// Parses stored snapshots again with the current adapters, without fetching, and stores what they yield (then
// classifies the councils touched). The snapshot bodies and the adapters are handed in.
import { adapterNamed, type AdapterRegistry } from '../../scrapers/adapters/registry.js';
import { decodeText, isTextual } from '../../scrapers/fetch/decode-text.js';
import { addressOfKey, type CuratedRecord } from '../domain/index.js';
import type { ImportResult, Store } from '../store/store.js';
import { classifyTouched } from './classify.js';
import type { ClassifierFiles } from './ports.js';

export interface ReparseRequest {
  /** Only the snapshots of this run. */
  run?: string;
  /** Only this council's sources (any key the council lookup takes). */
  council?: string;
}

export interface ReparseDeps {
  /** A stored snapshot body by its sha256, or undefined when it is not kept. */
  body(sha256: string): Uint8Array | undefined;
  adapters: AdapterRegistry;
  files: ClassifierFiles;
}

export interface ReparseResult {
  parsed: number;
  /** Snapshots without a stored body or a known source, skipped. */
  missing: number;
  records: number;
  stored: ImportResult | null;
}

export async function reparse(store: Store, request: ReparseRequest, deps: ReparseDeps): Promise<ReparseResult> {
  const council = request.council ? await store.requireCouncil(request.council, 'council') : undefined;
  const sources = new Map((await store.crawl.sourcesFor('all')).map((s) => [s.id, s]));
  const snaps = await store.crawl.latestSnapshots({ runId: request.run, council: council?.code });
  const records: CuratedRecord[] = [];
  let parsed = 0;
  let missing = 0;
  for (const s of snaps) {
    const source = s.sourceId ? sources.get(s.sourceId) : undefined;
    const bytes = deps.body(s.sha256);
    if (!source || !bytes) {
      missing++;
      continue;
    }
    const text = isTextual(s.contentType) ? decodeText(bytes, s.contentType).text : undefined;
    const out = await adapterNamed(deps.adapters, source.adapter).parse({
      // A form post's snapshot is keyed by its address and body hash: the adapter reads it at its address, as the crawl did.
      url: addressOfKey(s.url), finalUrl: s.finalUrl, status: s.status, contentType: s.contentType, text, bytes, label: s.label, source, retrieved: s.fetchedAt.slice(0, 10),
    });
    records.push(...out.records);
    parsed++;
  }
  if (!records.length) return { parsed, missing, records: 0, stored: null };
  const stored = await store.importRecords(records, { reparse: true, run: request.run ?? null, council: council?.code ?? null });
  await classifyTouched(store, records.map((r) => r.council_code), deps.files, stored.run_id);
  return { parsed, missing, records: records.length, stored };
}
