// Assembles one council's record for the API: reference figures, comparators, inspections, offers and facts.
import { MEASURES } from '../reference/measures.js';
import type { Store } from '../store/store.js';

/** One council's record by any key the council lookup takes; an unknown key is an AppError not_found naming `code`. */
export async function councilDetail(store: Store, key: string) {
  const council = await store.requireCouncil(key, 'code');
  const [sn2025, sn2021, figures, inspections, providers, offers, facts, findings] = await Promise.all([
    store.neighboursOf(council.code, '2025'),
    store.neighboursOf(council.code, '2021'),
    store.figuresOf(council.code, council.region_code),
    store.inspectionsOf(council.code),
    store.providerMixOf(council.code),
    store.offersOf(council.code),
    store.factsOf(council.code),
    store.inspections.findingsOf(council.code),
  ]);
  const sources = new Map<string, { url: string; title?: string; kind: string }>();
  for (const r of [...offers, ...facts]) if (!sources.has(r.source.url)) sources.set(r.source.url, r.source);
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
