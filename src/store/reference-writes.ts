// Writes a reference bundle and the taxonomy in one atomic batch: upserts keyed rows, replaces derived tables.
import type { TaxonomyIndex } from '../domain/index.js';
import { TAXONOMY_FACETS } from '../domain/index.js';
import type { ReferenceBundle } from '../domain/reference-bundle.js';
import { orNull, toJson } from './json-column.js';
import type { SqlStatement } from './sql-driver.js';

export function taxonomyStatements(tx: TaxonomyIndex): SqlStatement[] {
  const out: SqlStatement[] = [{ sql: 'DELETE FROM taxonomy_terms' }];
  for (const facet of TAXONOMY_FACETS)
    for (const code of tx.codes(facet))
      out.push({
        sql: 'INSERT INTO taxonomy_terms (facet, code, label, version) VALUES (?, ?, ?, ?)',
        params: [facet, code, tx.label(facet, code)!, tx.version],
      });
  out.push({ sql: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', params: ['taxonomy_version', tx.version] });
  return out;
}

export function referenceStatements(b: ReferenceBundle): SqlStatement[] {
  const out: SqlStatement[] = [];
  for (const r of b.regions)
    out.push({ sql: 'INSERT INTO regions (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name', params: [r.code, r.name] });
  for (const d of b.datasets)
    out.push({
      sql: `INSERT INTO datasets (id, title, file, publisher, licence, data_date, source_url) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, file = excluded.file, publisher = excluded.publisher,
            licence = excluded.licence, data_date = excluded.data_date, source_url = excluded.source_url`,
      params: [d.id, d.title, d.file, d.publisher, d.licence, d.data_date, d.source_url],
    });
  for (const c of b.councils)
    out.push({
      sql: `INSERT INTO councils (code, la_number, name, type, region_code, web_domain, ofsted_urn, previous_codes, also_known_as)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET la_number = excluded.la_number, name = excluded.name, type = excluded.type,
            region_code = excluded.region_code, web_domain = excluded.web_domain, ofsted_urn = excluded.ofsted_urn,
            previous_codes = excluded.previous_codes, also_known_as = excluded.also_known_as`,
      params: [c.code, c.la_number, c.name, c.type, c.region_code, c.web_domain, c.ofsted_urn, toJson(c.previous_codes), toJson(c.also_known_as)],
    });
  out.push({ sql: 'DELETE FROM statistical_neighbours' });
  for (const n of b.neighbours)
    out.push({
      sql: `INSERT INTO statistical_neighbours (model, council_code, rank, neighbour_la_number, neighbour_code, neighbour_name, closeness)
            VALUES (?, ?, ?, ?, ?, ?, ?)`,
      params: [n.model, n.council_code, n.rank, n.neighbour_la_number, n.neighbour_code, n.neighbour_name, n.closeness],
    });
  out.push({ sql: 'DELETE FROM indicators' });
  for (const i of b.indicators)
    out.push({
      sql: 'INSERT INTO indicators (area_code, measure, period, value, unit, dataset_id) VALUES (?, ?, ?, ?, ?, ?)',
      params: [i.area_code, i.measure, i.period, i.value, i.unit, i.dataset_id],
    });
  for (const s of b.inspections)
    out.push({
      sql: `INSERT INTO area_send_inspections (id, council_code, framework, outcome_code, outcome_label, inspection_start, inspection_end,
            publication_date, previous_inspection_end, next_inspection_by, report_url, source, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET council_code = excluded.council_code, framework = excluded.framework,
            outcome_code = excluded.outcome_code, outcome_label = excluded.outcome_label, inspection_start = excluded.inspection_start,
            inspection_end = excluded.inspection_end, publication_date = excluded.publication_date,
            previous_inspection_end = excluded.previous_inspection_end, next_inspection_by = excluded.next_inspection_by,
            report_url = excluded.report_url, source = excluded.source, note = excluded.note`,
      params: [s.id, s.council_code, s.framework, s.outcome_code, s.outcome_label, s.inspection_start, s.inspection_end,
        s.publication_date, s.previous_inspection_end, s.next_inspection_by, s.report_url, s.source, s.note],
    });
  out.push({ sql: 'DELETE FROM providers' });
  for (const p of b.providers)
    out.push({
      sql: `INSERT INTO providers (urn, council_code, ofsted_local_authority, provision_type, short_break_only, name, sector, places, owner,
            registration_date, latest_inspection_date, overall_rating, dataset_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [p.urn, p.council_code, p.ofsted_local_authority, p.provision_type, p.short_break_only ? 1 : 0, p.name, p.sector,
        orNull(p.places), p.owner, p.registration_date, p.latest_inspection_date, p.overall_rating, p.dataset_id],
    });
  return out;
}
