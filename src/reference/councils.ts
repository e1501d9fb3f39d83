// Builds councils, regions and statistical neighbours from the DfE lists.
import type { Council, StatisticalNeighbour } from '../domain/index.js';
import type { CsvRow } from './areas.js';

const TYPES: Record<string, Council['type']> = {
  Counties: 'county',
  'Unitary Authorities': 'unitary',
  'Metropolitan Districts': 'metropolitan_district',
  'London Boroughs': 'london_borough',
};

const listCell = (v: string | undefined) =>
  (v ?? '')
    .replace(/^\[|\]$/g, '')
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function buildRegions(rows: readonly CsvRow[]) {
  return rows.filter((r) => /^E12\d{6}$/.test(r.region_code ?? '')).map((r) => ({ code: r.region_code!, name: r.region_name! }));
}

export function buildCouncils(rows: readonly CsvRow[]): Council[] {
  return rows.map((r, i) => {
    const type = TYPES[r.la_type ?? ''];
    if (!type) throw new Error(`la_master_153.csv line ${i + 2}: unknown la_type "${r.la_type}"`);
    return {
      code: r.new_la_code!,
      la_number: r.old_la_code!,
      name: r.la_name!,
      type,
      region_code: r.region_code!,
      region_name: r.region_name!,
      web_domain: r.web_domain || null,
      ofsted_urn: r.ofsted_la_urn || null,
      previous_codes: listCell(r.previous_gss_codes),
      also_known_as: listCell(r.also_known_as),
    };
  });
}

/** Neighbour lists of current councils; the legacy blocks (pre-reorganisation LAs) and blank neighbours are left out. */
export function buildNeighbours(rows: readonly CsvRow[], model: '2025' | '2021', current: ReadonlySet<string>): StatisticalNeighbour[] {
  return rows
    .filter((r) => r.la_status === 'current_la' && current.has(r.new_la_code ?? '') && r.sn_old_la_code)
    .map((r) => ({
      model,
      council_code: r.new_la_code!,
      rank: Number(r.sn_rank),
      neighbour_la_number: r.sn_old_la_code!,
      neighbour_code: r.sn_new_la_code || null,
      neighbour_name: r.sn_la_name!,
      closeness: r.closeness || null,
    }));
}
