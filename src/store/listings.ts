// The listings the API serves: councils, offers, sources, runs, inspections, findings and the change feed, with
// their filters, sorts and facets. Every filter binds its value.
import { describeChanges, fieldChanges } from '../domain/offer-changes.js';
import type { ListingDef } from './listing.js';

const equals = (col: string) => (v: string) => ({ sql: `${col} = ?`, params: [v] });
/** A council's GSS code: callers resolve other keys (names, LA numbers) through the one council lookup first. */
const councilIs = equals;
const equalsOrNull = (col: string, nullWord: string) => (v: string) => (v === nullWord ? { sql: `${col} IS NULL`, params: [] } : { sql: `${col} = ?`, params: [v] });
const jsonContains = (col: string) => (v: string) => ({ sql: `EXISTS (SELECT 1 FROM json_each(${col}) x WHERE x.value = ?)`, params: [v] });

const OFFER_COUNT = '(SELECT COUNT(*) FROM offers o WHERE o.council_code = c.code)';
const FACT_COUNT = '(SELECT COUNT(*) FROM council_facts f WHERE f.council_code = c.code)';

export const COUNCILS: ListingDef = {
  name: 'councils',
  from: 'councils c JOIN regions r ON r.code = c.region_code',
  select: `c.code, c.la_number, c.name, c.type, c.region_code, r.name AS region_name, c.web_domain, c.ofsted_urn,
    ${OFFER_COUNT} AS offer_count, ${FACT_COUNT} AS fact_count`,
  key: 'c.code',
  sorts: { name: 'c.name', code: 'c.code', la_number: 'c.la_number', region: 'r.name', type: 'c.type', offer_count: OFFER_COUNT, fact_count: FACT_COUNT },
  defaultSort: 'name',
  filters: { region: (v) => ({ sql: 'c.region_code = ? OR r.name = ?', params: [v, v] }), type: equals('c.type') },
  facets: { region_name: { expr: 'r.name' }, type: { expr: 'c.type' } },
  jsonColumns: [],
  columns: {
    name: { kind: 'text', expr: 'c.name' },
    region_name: { kind: 'text', expr: 'r.name' },
    type: { kind: 'text', expr: 'c.type' },
    web_domain: { kind: 'text', expr: 'c.web_domain' },
    offer_count: { kind: 'number', expr: OFFER_COUNT },
    fact_count: { kind: 'number', expr: FACT_COUNT },
  },
  search: { table: 'councils_fts', rowid: 'c.rowid' },
};

export const OFFERS: ListingDef = {
  name: 'offers',
  from: 'offers o JOIN sources s ON s.id = o.source_id JOIN councils c ON c.code = o.council_code',
  base: 'o.disappeared_at IS NULL AND o.duplicate_of IS NULL',
  select: `o.id, o.council_code, c.name AS council_name, o.name, o.provider, o.type, o.statutory_categories, o.time_slots,
    o.access_tier, o.tier_label, o.gates, o.age_min, o.age_max, o.cost_status, o.charges, o.allowances, o.districts,
    o.origin, s.url AS source_url, s.kind AS source_kind, o.evidence_quote, o.published, o.retrieved, o.confidence`,
  key: 'o.id',
  sorts: {
    name: 'o.name',
    council: 'o.council_code',
    type: "COALESCE(o.type, '')",
    tier: "COALESCE(o.access_tier, '')",
    published: "COALESCE(o.published, '')",
    retrieved: 'o.retrieved',
    confidence: 'o.confidence',
    age_min: 'COALESCE(o.age_min, -1)',
  },
  defaultSort: 'name',
  filters: {
    council: councilIs('o.council_code'),
    type: equalsOrNull('o.type', 'unknown'),
    tier: equalsOrNull('o.access_tier', 'unknown'),
    category: jsonContains('o.statutory_categories'),
    time_slot: jsonContains('o.time_slots'),
    gate: jsonContains('o.gates'),
    age: (v) => ({ sql: '(o.age_min IS NOT NULL OR o.age_max IS NOT NULL) AND COALESCE(o.age_min, 0) <= ? AND COALESCE(o.age_max, 25) >= ?', params: [Number(v), Number(v)] }),
    cost: equals('o.cost_status'),
    source_kind: equals('s.kind'),
    origin: equals('o.origin'),
  },
  facets: {
    council_code: { expr: 'o.council_code' },
    type: { expr: 'o.type' },
    access_tier: { expr: 'o.access_tier' },
    cost_status: { expr: 'o.cost_status' },
    statutory_categories: { expr: 'o.statutory_categories', json: true },
    time_slots: { expr: 'o.time_slots', json: true },
    gates: { expr: 'o.gates', json: true },
    source_kind: { expr: 's.kind' },
  },
  jsonColumns: ['statutory_categories', 'time_slots', 'gates', 'charges', 'allowances', 'districts'],
  columns: {
    name: { kind: 'text', expr: 'o.name' },
    description: { kind: 'text', expr: 'o.description' },
    provider: { kind: 'text', expr: 'o.provider' },
    council_name: { kind: 'text', expr: 'c.name' },
    tier_label: { kind: 'text', expr: 'o.tier_label' },
    source_url: { kind: 'text', expr: 's.url' },
    published: { kind: 'text', expr: 'o.published' },
    retrieved: { kind: 'text', expr: 'o.retrieved' },
    age_min: { kind: 'number', expr: 'o.age_min' },
    age_max: { kind: 'number', expr: 'o.age_max' },
    confidence: { kind: 'number', expr: 'o.confidence' },
    /** age__gte=N: the offer's stated range reaches age N or above; age__lte=N: it starts at N or below. */
    age: { kind: 'range', min: 'o.age_min', max: 'o.age_max', top: 25 },
  },
  search: { table: 'offers_fts', rowid: 'o.rowid' },
};

const latestRunSource = (col: string) =>
  `(SELECT rs.${col} FROM run_sources rs JOIN runs r ON r.id = rs.run_id WHERE rs.source_id = s.id ORDER BY r.started_at DESC, r.id DESC LIMIT 1)`;

export const SOURCES: ListingDef = {
  name: 'sources',
  from: 'sources s LEFT JOIN councils c ON c.code = s.council_code',
  select: `s.id, s.url, s.council_code, c.name AS council_name, s.kind, s.platform, s.title, s.first_seen_at, s.entry_point,
    ${latestRunSource('run_id')} AS last_run_id, ${latestRunSource('status')} AS last_status, ${latestRunSource('reason')} AS last_reason,
    ${latestRunSource('pages')} AS last_pages, ${latestRunSource('records')} AS last_records,
    (SELECT COUNT(*) FROM offers o WHERE o.source_id = s.id AND o.disappeared_at IS NULL) AS offers,
    (SELECT COUNT(*) FROM council_facts f WHERE f.source_id = s.id) AS facts`,
  key: 's.id',
  sorts: { url: 's.url', council: "COALESCE(s.council_code, '')", first_seen: 's.first_seen_at', kind: 's.kind' },
  defaultSort: 'url',
  filters: {
    council: councilIs('s.council_code'),
    kind: equals('s.kind'),
    platform: equalsOrNull('s.platform', 'unknown'),
    status: (v) => (v === 'never_run' ? { sql: `${latestRunSource('status')} IS NULL`, params: [] } : { sql: `${latestRunSource('status')} = ?`, params: [v] }),
    entry_point: (v) => ({ sql: 's.entry_point = ?', params: [v === 'true' ? 1 : 0] }),
  },
  facets: { kind: { expr: 's.kind' }, platform: { expr: 's.platform' }, council_code: { expr: 's.council_code' }, last_status: { expr: latestRunSource('status') } },
  jsonColumns: [],
};

export const RUNS: ListingDef = {
  name: 'runs',
  from: 'runs r',
  select: 'r.id, r.kind, r.status, r.started_at, r.finished_at, r.args, r.summary, (SELECT COUNT(*) FROM run_sources rs WHERE rs.run_id = r.id) AS sources',
  key: 'r.id',
  sorts: { started_at: 'r.started_at', kind: 'r.kind', status: 'r.status' },
  defaultSort: 'started_at',
  defaultDesc: true,
  filters: { kind: equals('r.kind'), status: equals('r.status') },
  facets: { kind: { expr: 'r.kind' }, status: { expr: 'r.status' } },
  jsonColumns: ['args', 'summary'],
};

export const INSPECTIONS: ListingDef = {
  name: 'inspections',
  from: 'area_send_inspections i JOIN councils c ON c.code = i.council_code',
  select: `i.id, i.council_code, c.name AS council_name, i.framework, i.outcome_code, i.outcome_label, i.inspection_start, i.inspection_end,
    i.publication_date, i.previous_inspection_end, i.next_inspection_by, i.report_url, i.source, i.note,
    (SELECT COUNT(*) FROM inspection_findings f WHERE f.inspection_id = i.id) AS findings`,
  key: 'i.id',
  sorts: { council: 'c.name', inspection_start: "COALESCE(i.inspection_start, i.publication_date, '')", outcome: 'COALESCE(i.outcome_code, 0)' },
  defaultSort: 'council',
  filters: {
    council: councilIs('i.council_code'),
    outcome: (v) => (v === 'unknown' ? { sql: 'i.outcome_code IS NULL', params: [] } : { sql: 'i.outcome_code = ?', params: [Number(v)] }),
    framework: equals('i.framework'),
  },
  facets: { outcome_code: { expr: 'i.outcome_code' }, framework: { expr: 'i.framework' } },
  jsonColumns: [],
};

export const FINDINGS: ListingDef = {
  name: 'findings',
  from: 'inspection_findings f JOIN area_send_inspections i ON i.id = f.inspection_id JOIN councils c ON c.code = f.council_code',
  select: 'f.id, f.council_code, c.name AS council_name, f.inspection_id, i.inspection_start, i.report_url, f.page, f.section, f.topic, f.polarity, f.cue, f.sentence',
  key: 'f.id',
  sorts: { council: 'c.name', page: 'f.page', topic: 'f.topic' },
  defaultSort: 'council',
  filters: { council: councilIs('f.council_code'), topic: equals('f.topic'), polarity: equals('f.polarity') },
  facets: { topic: { expr: 'f.topic' }, polarity: { expr: 'f.polarity' }, council_code: { expr: 'f.council_code' } },
  jsonColumns: [],
};

/** When a version's page was read: its own date, else (versions written before migration 0008) the day it was noted. */
const READ = 'COALESCE(v.retrieved, substr(v.recorded_at, 1, 10))';

/**
 * The change feed: every version of every offer that appeared, changed or disappeared, with what changed. Dated by
 * when the page was read (`read`) and when it says it was published; `recorded_at` is when this database noted it.
 */
export const CHANGES: ListingDef = {
  name: 'changes',
  from: `offer_versions v JOIN councils c ON c.code = v.council_code
    LEFT JOIN offer_versions p ON p.offer_id = v.offer_id AND p.version = v.version - 1
    LEFT JOIN offers o ON o.id = v.offer_id LEFT JOIN sources s ON s.id = o.source_id`,
  select: `v.offer_id || '@' || v.version AS id, v.council_code, c.name AS council_name, v.offer_id,
    json_extract(v.content, '$.name') AS offer, json_extract(v.content, '$.type') AS offer_type, v.version, v.change,
    ${READ} AS read, v.published, v.recorded_at, v.run_id, s.url AS source_url,
    CASE WHEN v.change = 'changed' THEN p.content END AS before_content, v.content AS after_content`,
  // Versions of one offer sort by number (2 before 10), so the key pads it.
  key: "v.offer_id || '@' || printf('%06d', v.version)",
  sorts: { read: READ, recorded_at: 'v.recorded_at' },
  defaultSort: 'read',
  defaultDesc: true,
  filters: {
    council: councilIs('v.council_code'),
    since: (v) => ({ sql: `${READ} >= ?`, params: [v] }),
    recorded_since: (v) => ({ sql: 'v.recorded_at >= ?', params: [v] }),
    type: (v) => ({ sql: 'v.change IN (SELECT value FROM json_each(?))', params: [JSON.stringify(v.split(','))] }),
    offer_type: equalsOrNull("json_extract(v.content, '$.type')", 'unknown'),
  },
  facets: { change: { expr: 'v.change' }, offer_type: { expr: "json_extract(v.content, '$.type')" }, council_code: { expr: 'v.council_code' } },
  jsonColumns: ['before_content', 'after_content'],
  shape: ({ before_content, after_content, ...row }) => {
    const changes = before_content ? fieldChanges(before_content as Record<string, unknown>, (after_content ?? {}) as Record<string, unknown>) : [];
    return { ...row, offer: row.offer ?? row.offer_id, changes, what: describeChanges(changes) };
  },
};

export const LISTINGS = { councils: COUNCILS, offers: OFFERS, sources: SOURCES, runs: RUNS, inspections: INSPECTIONS, findings: FINDINGS, changes: CHANGES } as const;
export type ListingName = keyof typeof LISTINGS;
