// Reads councils, their comparators, reference figures and Ofsted evidence.
import type { AreaSendInspection, Council } from '../domain/index.js';
import type { CouncilKeys } from '../domain/council-lookup.js';
import { fromJson } from './json-column.js';
import type { SqlDriver, SqlRow } from './sql-driver.js';

export const ENGLAND_CODE = 'E92000001';

type Row = SqlRow & Record<string, string | number | null>;

export interface CouncilSummary extends Council {
  offer_count: number;
  fact_count: number;
}

function councilFromRow(r: Row): Council {
  return {
    code: String(r.code),
    la_number: String(r.la_number),
    name: String(r.name),
    type: r.type as Council['type'],
    region_code: String(r.region_code),
    region_name: String(r.region_name),
    web_domain: (r.web_domain as string | null) ?? null,
    ofsted_urn: (r.ofsted_urn as string | null) ?? null,
    previous_codes: fromJson(r.previous_codes, []),
    also_known_as: fromJson(r.also_known_as, []),
  };
}

const COUNCIL_SELECT = `SELECT c.*, r.name AS region_name,
  (SELECT COUNT(*) FROM offers o WHERE o.council_code = c.code) AS offer_count,
  (SELECT COUNT(*) FROM council_facts f WHERE f.council_code = c.code) AS fact_count
  FROM councils c JOIN regions r ON r.code = c.region_code`;

export async function listCouncils(db: SqlDriver): Promise<CouncilSummary[]> {
  const rows = await db.all<Row>(`${COUNCIL_SELECT} ORDER BY c.name`);
  return rows.map((r) => ({ ...councilFromRow(r), offer_count: Number(r.offer_count), fact_count: Number(r.fact_count) }));
}

/** Every council with what it is found by (codes, LA number, names), for the one council lookup. */
export async function councilKeys(db: SqlDriver): Promise<CouncilKeys[]> {
  const rows = await db.all<Row>('SELECT code, la_number, name, previous_codes, also_known_as FROM councils ORDER BY code');
  return rows.map((r) => ({
    code: String(r.code),
    la_number: String(r.la_number),
    name: String(r.name),
    previous_codes: fromJson(r.previous_codes, []),
    also_known_as: fromJson(r.also_known_as, []),
  }));
}

/** One council by its current GSS code. */
export async function councilByCode(db: SqlDriver, code: string): Promise<CouncilSummary | undefined> {
  const row = await db.get<Row>(`${COUNCIL_SELECT} WHERE c.code = ?`, [code]);
  return row ? { ...councilFromRow(row), offer_count: Number(row.offer_count), fact_count: Number(row.fact_count) } : undefined;
}

export interface NeighbourRow {
  rank: number;
  code: string | null;
  la_number: string;
  name: string;
  closeness: string | null;
}

export async function neighboursOf(db: SqlDriver, code: string, model: '2025' | '2021'): Promise<NeighbourRow[]> {
  const rows = await db.all<Row>(
    `SELECT n.rank, COALESCE(c.code, n.neighbour_code) AS code, n.neighbour_la_number AS la_number,
            COALESCE(c.name, n.neighbour_name) AS name, n.closeness
       FROM statistical_neighbours n LEFT JOIN councils c ON c.la_number = n.neighbour_la_number
      WHERE n.model = ? AND n.council_code = ? ORDER BY n.rank`,
    [model, code],
  );
  return rows.map((r) => ({
    rank: Number(r.rank),
    code: (r.code as string | null) || null,
    la_number: String(r.la_number),
    name: String(r.name),
    closeness: (r.closeness as string | null) ?? null,
  }));
}

export interface FigureRow {
  measure: string;
  period: string;
  value: number;
  unit: string;
  region_value: number | null;
  england_value: number | null;
  dataset_id: string;
}

/** Every reference figure of a council, each beside its region's and England's value for the same period. */
export async function figuresOf(db: SqlDriver, code: string, regionCode: string): Promise<FigureRow[]> {
  const rows = await db.all<Row>(
    `SELECT i.measure, i.period, i.value, i.unit, i.dataset_id,
            (SELECT r.value FROM indicators r WHERE r.area_code = ? AND r.measure = i.measure AND r.period = i.period) AS region_value,
            (SELECT e.value FROM indicators e WHERE e.area_code = ? AND e.measure = i.measure AND e.period = i.period) AS england_value
       FROM indicators i WHERE i.area_code = ? ORDER BY i.measure, i.period`,
    [regionCode, ENGLAND_CODE, code],
  );
  return rows.map((r) => ({
    measure: String(r.measure),
    period: String(r.period),
    value: Number(r.value),
    unit: String(r.unit),
    region_value: r.region_value === null ? null : Number(r.region_value),
    england_value: r.england_value === null ? null : Number(r.england_value),
    dataset_id: String(r.dataset_id),
  }));
}

export async function inspectionsOf(db: SqlDriver, code: string): Promise<AreaSendInspection[]> {
  const rows = await db.all<Row>(
    'SELECT * FROM area_send_inspections WHERE council_code = ? ORDER BY COALESCE(inspection_start, publication_date) DESC',
    [code],
  );
  return rows.map((r) => ({
    id: String(r.id),
    council_code: String(r.council_code),
    framework: String(r.framework),
    outcome_code: r.outcome_code === null ? null : Number(r.outcome_code),
    outcome_label: (r.outcome_label as string | null) ?? null,
    inspection_start: (r.inspection_start as string | null) ?? null,
    inspection_end: (r.inspection_end as string | null) ?? null,
    publication_date: (r.publication_date as string | null) ?? null,
    previous_inspection_end: (r.previous_inspection_end as string | null) ?? null,
    next_inspection_by: (r.next_inspection_by as string | null) ?? null,
    report_url: (r.report_url as string | null) ?? null,
    source: String(r.source),
    note: (r.note as string | null) ?? null,
    previous_inspection_start: (r.previous_inspection_start as string | null) ?? null,
    next_full_inspection: (r.next_full_inspection as string | null) ?? null,
    monitoring_inspection: (r.monitoring_inspection as string | null) ?? null,
    area_in_report: (r.area_in_report as string | null) ?? null,
    report_file: (r.report_file as string | null) ?? null,
  }));
}

export interface ProviderMix {
  provision_type: string;
  short_break_only: boolean;
  overall_rating: string | null;
  count: number;
  places: number | null;
}

/** Ofsted-registered short-break providers located in the council, counted by type and latest overall rating. */
export async function providerMixOf(db: SqlDriver, code: string): Promise<ProviderMix[]> {
  const rows = await db.all<Row>(
    `SELECT provision_type, short_break_only, overall_rating, COUNT(*) AS count, SUM(places) AS places
       FROM providers WHERE council_code = ? GROUP BY provision_type, short_break_only, overall_rating
      ORDER BY provision_type, overall_rating`,
    [code],
  );
  return rows.map((r) => ({
    provision_type: String(r.provision_type),
    short_break_only: Number(r.short_break_only) === 1,
    overall_rating: (r.overall_rating as string | null) ?? null,
    count: Number(r.count),
    places: r.places === null ? null : Number(r.places),
  }));
}
