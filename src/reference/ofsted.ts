// Builds area SEND inspection outcomes and the Ofsted-registered providers that offer short breaks.
import type { AreaSendInspection, Provider } from '../domain/index.js';
import { cellNumber, isoOrNull, type AreaResolver, type CsvRow } from './areas.js';

export function buildAreaSendInspections(rows: readonly CsvRow[], areas: AreaResolver): AreaSendInspection[] {
  const out: AreaSendInspection[] = [];
  for (const r of rows) {
    const council = areas.fromLaNumber(r.old_la_code);
    if (!council || !/^E(06|08|09|10)/.test(council)) continue;
    const code = cellNumber(r.outcome_code);
    out.push({
      id: `area-send-2023:${r.old_la_code}:${r.inspection_start || r.publication_date || 'undated'}`,
      council_code: council,
      framework: 'area SEND 2023',
      outcome_code: code === 1 || code === 2 || code === 3 ? code : null,
      outcome_label: r.outcome_label || null,
      inspection_start: isoOrNull(r.inspection_start),
      inspection_end: isoOrNull(r.inspection_end),
      publication_date: isoOrNull(r.publication_date),
      previous_inspection_end: isoOrNull(r.previous_inspection_end),
      next_inspection_by: isoOrNull(r.next_inspection_by),
      report_url: r.report_url || null,
      source: 'ofsted_area_send_2023',
      note: r.data_note || null,
    });
  }
  return out;
}

const SHORT_BREAK_TYPES = new Set([
  'Residential Special School',
  "Residential special school (registered as a children's home)",
  'Residential Holiday Scheme for Disabled Children',
]);

/** Providers relevant to short breaks: short-break-only children's homes, residential special schools, holiday schemes. */
export const isShortBreakProvider = (r: CsvRow) => r.short_break_only_childrens_home === 'Y' || SHORT_BREAK_TYPES.has(r.provision_type ?? '');

const RATING = 'overall_experiences_and_progress_of_children_and_young_people';
const redacted = (v: string | undefined) => (!v || v === 'REDACTED' ? null : v);

/**
 * Short-break providers from the 31 March 2023 stock, with the latest full-inspection rating: a newer full
 * inspection in 2023-24 replaces the stock's.
 */
export function buildProviders(stock: readonly CsvRow[], inspections: readonly CsvRow[], areas: AreaResolver): Provider[] {
  const latest = new Map<string, CsvRow>();
  for (const r of inspections) {
    if (r.inspection_event_type !== 'Full inspection' || !r[RATING] || !r.urn) continue;
    const prev = latest.get(r.urn);
    if (!prev || (r.inspection_date ?? '') > (prev.inspection_date ?? '')) latest.set(r.urn, r);
  }
  return stock.filter(isShortBreakProvider).map((r) => {
    const newer = latest.get(r.urn!);
    const useNewer = newer && (newer.inspection_date ?? '') > (r.inspection_date ?? '');
    const council = areas.fromLaNumber(r.old_la_code);
    return {
      urn: r.urn!,
      council_code: council && /^E(06|08|09|10)/.test(council) ? council : null,
      ofsted_local_authority: r.local_authority ?? '',
      provision_type: r.provision_type ?? '',
      short_break_only: r.short_break_only_childrens_home === 'Y',
      name: redacted(r.name),
      sector: r.sector || null,
      places: cellNumber(r.places) ?? null,
      owner: r.organisation_which_owns_the_provider || null,
      registration_date: isoOrNull(r.registration_date),
      latest_inspection_date: isoOrNull(useNewer ? newer!.inspection_date : r.inspection_date),
      overall_rating: (useNewer ? newer![RATING] : r[RATING]) || null,
      dataset_id: useNewer ? 'ofsted_inspections_2023_24' : 'ofsted_providers_2023',
    };
  });
}
