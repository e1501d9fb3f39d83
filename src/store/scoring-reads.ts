// Reads everything the scoring engine needs in a handful of queries: councils, current offers, facts, the latest
// area SEND outcome, inspection findings, provider ratings, the latest reference figures and comparator lists.
import type { ScoringData, ScoringFinding, ScoringInspection } from '../domain/index.js';
import { ENGLAND_CODE } from './council-reads.js';
import { factFromRow, offerFromRow, SOURCE_COLS } from './record-reads.js';
import { fromJson } from './json-column.js';
import type { SqlDriver, SqlRow } from './sql-driver.js';

type Row = SqlRow & Record<string, string | number | null>;

/** Reference measures scoring reads, at their latest period for every area (councils, regions, England). */
export const SCORING_MEASURES = [
  'pop_0_17',
  'ehc_plans',
  'ehc_plans_age_0_17',
  'personal_budgets',
  'iod2019_idaci_score',
  'child_poverty_pct',
  'pupils_ehcp_pct',
  'ehcp_need_pct_asd',
  'ehcp_need_pct_hi',
  'ehcp_need_pct_mld',
  'ehcp_need_pct_msi',
  'ehcp_need_pct_oth',
  'ehcp_need_pct_pd',
  'ehcp_need_pct_pmld',
  'ehcp_need_pct_semh',
  'ehcp_need_pct_slcn',
  'ehcp_need_pct_sld',
  'ehcp_need_pct_spld',
  'ehcp_need_pct_vi',
] as const;

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

export async function readScoringData(db: SqlDriver): Promise<ScoringData> {
  const placeholders = SCORING_MEASURES.map(() => '?').join(', ');
  const [councilRows, offerRows, factRows, inspectionRows, findingRows, providerRows, indicatorRows, neighbourRows, datasetRows, meta] = await Promise.all([
    db.all<Row>('SELECT c.code, c.name, c.type, c.region_code, r.name AS region_name, c.la_number, c.previous_codes, c.also_known_as FROM councils c JOIN regions r ON r.code = c.region_code ORDER BY c.code'),
    db.all<Row>(`SELECT o.*, ${SOURCE_COLS} FROM offers o JOIN sources s ON s.id = o.source_id WHERE o.disappeared_at IS NULL AND o.duplicate_of IS NULL ORDER BY o.council_code, o.id`),
    db.all<Row>(`SELECT f.*, ${SOURCE_COLS} FROM council_facts f JOIN sources s ON s.id = f.source_id ORDER BY f.council_code, f.id`),
    db.all<Row>('SELECT council_code, framework, outcome_code, outcome_label, inspection_start, inspection_end, publication_date, report_url FROM area_send_inspections ORDER BY council_code, COALESCE(inspection_start, publication_date) DESC, id'),
    db.all<Row>(
      `SELECT f.council_code, f.topic, f.polarity, f.sentence, f.page, i.report_url, i.report_file, i.inspection_start
         FROM inspection_findings f JOIN area_send_inspections i ON i.id = f.inspection_id ORDER BY f.council_code, f.page, f.id`,
    ),
    db.all<Row>('SELECT council_code, overall_rating, COUNT(*) AS n FROM providers WHERE council_code IS NOT NULL GROUP BY council_code, overall_rating ORDER BY council_code, overall_rating'),
    db.all<Row>(
      `SELECT i.area_code, i.measure, i.period, i.value, i.dataset_id FROM indicators i
        WHERE i.measure IN (${placeholders})
          AND i.period = (SELECT MAX(j.period) FROM indicators j WHERE j.area_code = i.area_code AND j.measure = i.measure)
        ORDER BY i.area_code, i.measure`,
      [...SCORING_MEASURES],
    ),
    db.all<Row>('SELECT n.model, n.council_code, n.rank, c.code FROM statistical_neighbours n LEFT JOIN councils c ON c.la_number = n.neighbour_la_number ORDER BY n.model, n.council_code, n.rank'),
    db.all<Row>('SELECT id, title, data_date FROM datasets ORDER BY id'),
    db.all<Row>("SELECT key, value FROM meta WHERE key IN ('taxonomy_version', 'built_at', 'data_fingerprint')"),
  ]);

  const offers = new Map<string, ReturnType<typeof offerFromRow>[]>();
  for (const r of offerRows) push(offers, String(r.council_code), offerFromRow(r));
  const facts = new Map<string, ReturnType<typeof factFromRow>[]>();
  for (const r of factRows) push(facts, String(r.council_code), factFromRow(r));

  const inspections = new Map<string, ScoringInspection>();
  for (const r of inspectionRows) {
    const code = String(r.council_code);
    if (inspections.has(code)) continue; // rows come newest first
    inspections.set(code, {
      framework: String(r.framework),
      outcome_code: r.outcome_code === null ? null : Number(r.outcome_code),
      outcome_label: (r.outcome_label as string | null) ?? null,
      inspection_start: (r.inspection_start as string | null) ?? null,
      publication_date: (r.publication_date as string | null) ?? null,
      report_url: (r.report_url as string | null) ?? null,
    });
  }
  const findings = new Map<string, ScoringFinding[]>();
  for (const r of findingRows)
    push(findings, String(r.council_code), {
      topic: String(r.topic),
      polarity: String(r.polarity) as ScoringFinding['polarity'],
      sentence: String(r.sentence),
      page: Number(r.page),
      report_url: (r.report_url as string | null) ?? null,
      citation: `${(r.report_file as string | null) ?? 'area SEND inspection report'}${r.inspection_start ? ` (inspection of ${String(r.inspection_start)})` : ''}, p. ${Number(r.page)}`,
    });
  const providers = new Map<string, Record<string, number>>();
  for (const r of providerRows) {
    const code = String(r.council_code);
    const counts = providers.get(code) ?? {};
    counts[(r.overall_rating as string | null) ?? 'not rated'] = Number(r.n);
    providers.set(code, counts);
  }
  const figures = new Map<string, Map<string, { value: number; period: string; dataset_id: string }>>();
  for (const r of indicatorRows) {
    const area = String(r.area_code);
    const m = figures.get(area) ?? new Map();
    m.set(String(r.measure), { value: Number(r.value), period: String(r.period), dataset_id: String(r.dataset_id) });
    figures.set(area, m);
  }
  const neighbours: ScoringData['neighbours'] = { '2025': new Map(), '2021': new Map() };
  for (const r of neighbourRows) {
    const model = String(r.model) as '2025' | '2021';
    if (!(model in neighbours) || !r.code) continue;
    push(neighbours[model], String(r.council_code), String(r.code));
  }
  const metaMap = new Map(meta.map((m) => [String(m.key), String(m.value)]));
  return {
    councils: councilRows.map((r) => ({
      code: String(r.code),
      name: String(r.name),
      type: String(r.type),
      region_code: String(r.region_code),
      region_name: String(r.region_name),
      la_number: String(r.la_number),
    })),
    aliases: new Map(councilRows.map((r) => [String(r.code), { previous_codes: fromJson<string[]>(r.previous_codes, []), also_known_as: fromJson<string[]>(r.also_known_as, []) }])),
    offers,
    facts,
    inspections,
    findings,
    providers,
    figures,
    england_code: ENGLAND_CODE,
    neighbours,
    datasets: new Map(datasetRows.map((d) => [String(d.id), { title: String(d.title), data_date: String(d.data_date) }])),
    taxonomy_version: metaMap.get('taxonomy_version') ?? null,
    data_fingerprint: metaMap.get('data_fingerprint') ?? null,
    built_at: metaMap.get('built_at') ?? null,
  };
}

/** A key that changes whenever anything scoring reads changes: counts and latest write times of each table. */
export async function readScoringVersion(db: SqlDriver): Promise<string> {
  const row = await db.get<Row>(
    `SELECT (SELECT COUNT(*) FROM offers) AS o, (SELECT MAX(updated_at) FROM offers) AS ou,
            (SELECT COUNT(*) FROM offers WHERE disappeared_at IS NOT NULL OR duplicate_of IS NOT NULL) AS od,
            (SELECT COUNT(*) FROM council_facts) AS f, (SELECT MAX(updated_at) FROM council_facts) AS fu,
            (SELECT COUNT(*) FROM area_send_inspections) AS i, (SELECT COUNT(*) FROM inspection_findings) AS fi,
            (SELECT COUNT(*) FROM providers) AS p, (SELECT COUNT(*) FROM indicators) AS ind,
            (SELECT COUNT(*) FROM runs) AS r, (SELECT MAX(COALESCE(finished_at, started_at)) FROM runs) AS ru,
            (SELECT value FROM meta WHERE key = 'built_at') AS b`,
  );
  return JSON.stringify(row ?? {});
}
