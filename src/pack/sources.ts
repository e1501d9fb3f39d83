// The pack's numbered source list (every URL a line of the pack rests on, with its dates) and the few extra
// store reads a pack needs beyond the scoring snapshot: dataset citations and the latest snapshot of each source.
import type { CouncilFact, Offer } from '../domain/index.js';
import type { ScoringInspection } from '../scoring/scoring-data.js';

export interface DatasetRef {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  data_date: string;
  source_url: string | null;
}

export interface SnapshotRef {
  id: string;
  sha256: string;
  fetched_at: string;
}

export interface PackExtras {
  datasets: DatasetRef[];
  /** The latest stored snapshot of each source URL that has one (curated facts have none). */
  snapshots: Map<string, SnapshotRef>;
}

export interface SourceRef {
  n: number;
  url: string;
  title: string;
  council: string | null;
  /** What the source is, in words: "short breaks statement", "Local Offer page", "inspection report", "dataset". */
  kind: string;
  published: string | null;
  retrieved: string | null;
  snapshot: SnapshotRef | null;
}

interface CollectInput {
  local: string;
  names: Map<string, string>;
  localOffers: Offer[];
  localFacts: CouncilFact[];
  inspection: ScoringInspection | null;
  cardOffers: Offer[];
  inspections: Map<string, ScoringInspection>;
  extras: PackExtras;
}

const KIND_WORDS: Record<string, string> = {
  statement: 'short breaks statement',
  local_offer_page: 'Local Offer page',
  directory: 'service directory',
  oruk_feed: 'Open Referral feed',
  pdf: 'PDF document',
  consultation: 'consultation',
  committee_report: 'committee report',
  foi_response: 'FOI response',
  news: 'news item',
  inspection_report: 'inspection report',
  reference_data: 'dataset',
  file: 'file',
  other: 'web page',
};
const kindWords = (k: string) => KIND_WORDS[k] ?? k.replace(/_/g, ' ');

const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Numbers sources in the order the pack first uses them; one entry per URL, with the latest dates seen for it. */
export function collectSources(input: CollectInput): SourceRef[] {
  const list: SourceRef[] = [];
  const byUrl = new Map<string, SourceRef>();
  const add = (url: string, title: string, council: string | null, kind: string, published: string | null, retrieved: string | null) => {
    const hit = byUrl.get(url);
    if (hit) {
      hit.published = later(hit.published, published);
      hit.retrieved = later(hit.retrieved, retrieved);
      return;
    }
    const ref: SourceRef = { n: list.length + 1, url, title, council, kind, published, retrieved, snapshot: input.extras.snapshots.get(url) ?? null };
    list.push(ref);
    byUrl.set(url, ref);
  };
  const name = (code: string) => input.names.get(code) ?? code;
  for (const r of [...input.localOffers, ...input.localFacts]) add(r.source.url, r.source.title ?? r.source.url, name(r.council_code), kindWords(r.source.kind), r.published, r.retrieved);
  if (input.inspection?.report_url) add(input.inspection.report_url, `Area SEND inspection report, ${name(input.local)}`, name(input.local), 'inspection report', input.inspection.publication_date, null);
  for (const o of input.cardOffers) add(o.source.url, o.source.title ?? o.source.url, name(o.council_code), kindWords(o.source.kind), o.published, o.retrieved);
  for (const o of input.cardOffers) {
    const insp = input.inspections.get(o.council_code);
    if (insp?.report_url) add(insp.report_url, `Area SEND inspection report, ${name(o.council_code)}`, name(o.council_code), 'inspection report', insp.publication_date, null);
  }
  for (const d of input.extras.datasets) if (d.source_url) add(d.source_url, `${d.title} (${d.publisher}, ${d.licence})`, null, 'dataset', d.data_date, null);
  return list;
}
