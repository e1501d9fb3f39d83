// Assembles one council's record for the API and its page: reference figures, comparators, inspections, offers and
// facts, and the sources behind them with their newest dates and the status of their latest scrape.
import { MEASURES } from '../reference/measures.js';
import type { Store } from '../store/store.js';

/** A source as the council's record shows it: the records found there, their newest dates, its latest scrape. */
export interface SourceSeen {
  url: string;
  title?: string;
  kind: string;
  platform?: string;
  records: number;
  /** The newest date a record from it states it was published; null when none states one. */
  newest_published: string | null;
  /** The newest date a record was read from it; null when nothing was read from it. */
  newest_read: string | null;
  /** The status of its latest scrape (ok, not_found, bot_protection, ...) or null when it was never scraped. */
  scrape_status: string | null;
  scrape_reason: string | null;
  entry_point: boolean;
}

const scrapeStatus = (row: Record<string, unknown> | undefined) => ({
  scrape_status: (row?.last_status as string | null | undefined) ?? null,
  scrape_reason: (row?.last_reason as string | null | undefined) ?? null,
  entry_point: Number(row?.entry_point ?? 0) === 1,
});

/** One council's record by any key the council lookup takes; an unknown key is an AppError not_found naming `code`. */
export async function councilDetail(store: Store, key: string) {
  const council = await store.requireCouncil(key, 'code');
  const [sn2025, sn2021, figures, inspections, providers, offers, facts, findings, registered] = await Promise.all([
    store.neighboursOf(council.code, '2025'),
    store.neighboursOf(council.code, '2021'),
    store.figuresOf(council.code, council.region_code),
    store.inspectionsOf(council.code),
    store.providerMixOf(council.code),
    store.offersOf(council.code),
    store.factsOf(council.code),
    store.inspections.findingsOf(council.code),
    store.list('sources', { filters: { council: council.code }, size: 1000, facets: [] }),
  ]);
  const status = new Map(registered.rows.map((s) => [String(s.url), s]));
  const sources = new Map<string, SourceSeen>();
  for (const r of [...offers, ...facts]) {
    const seen = sources.get(r.source.url) ?? { ...r.source, records: 0, newest_published: null, newest_read: null, ...scrapeStatus(status.get(r.source.url)) };
    seen.records++;
    if (r.published && (!seen.newest_published || r.published > seen.newest_published)) seen.newest_published = r.published;
    if (!seen.newest_read || r.retrieved > seen.newest_read) seen.newest_read = r.retrieved;
    sources.set(r.source.url, seen);
  }
  // Entry points the scraper starts from that no record came from yet: shown too, with nothing found.
  for (const s of registered.rows)
    if (!sources.has(String(s.url)))
      sources.set(String(s.url), { url: String(s.url), ...(s.title ? { title: String(s.title) } : {}), kind: String(s.kind), records: 0, newest_published: null, newest_read: null, ...scrapeStatus(s) });
  return {
    council,
    statistical_neighbours: { '2025': sn2025, '2021': sn2021 },
    figures: figures.map((f) => ({ ...f, label: MEASURES[f.measure]?.label ?? f.measure, period_note: MEASURES[f.measure]?.period })),
    latest_area_send: inspections[0] ?? null,
    area_send_inspections: inspections,
    area_send_findings: findings.map((f) => ({
      sentence: f.sentence,
      page: f.page,
      section: f.section,
      topic: f.topic,
      polarity: f.polarity,
      cue: f.cue,
      inspection_id: f.inspection_id,
      citation: `${f.report_file ?? 'area SEND inspection report'}${f.inspection_start ? ` (inspection of ${f.inspection_start})` : ''}, p. ${f.page}`,
      report_url: f.report_url,
    })),
    short_break_providers: {
      note: 'Ofsted-registered providers located in the council area (not necessarily used by it); ratings are the latest full inspection in the shipped Ofsted data.',
      mix: providers,
      total: providers.reduce((n, p) => n + p.count, 0),
      by_rating: providers.reduce<Record<string, number>>((acc, p) => ((acc[p.overall_rating ?? 'not rated'] = (acc[p.overall_rating ?? 'not rated'] ?? 0) + p.count), acc), {}),
    },
    offers,
    facts,
    sources: [...sources.values()],
  };
}
