// Statements that upsert curated or scraped records (offers and council facts) together with their sources.
import type { CouncilFact, CuratedRecord, Offer } from '../domain/index.js';
import { sourceIdFor } from './ids.js';
import { orNull, toJson } from './json-column.js';
import type { SqlStatement } from './sql-driver.js';

const OFFER_COLUMNS = [
  'id', 'council_code', 'name', 'description', 'provider', 'type', 'statutory_categories', 'time_slots', 'access_tier',
  'tier_label', 'gates', 'eligibility', 'age_min', 'age_max', 'age_note', 'cost_status', 'charges', 'cost_note',
  'allowances', 'districts', 'postcode', 'schedule', 'contact', 'source_terms', 'origin', 'source_id', 'evidence_quote', 'published',
  'published_note', 'retrieved', 'retrieved_note', 'confidence', 'run_id', 'updated_at', 'stated', 'disappeared_at',
] as const;

const FACT_COLUMNS = [
  'id', 'council_code', 'topic', 'statement', 'value', 'unit', 'period', 'source_id', 'evidence_quote', 'published',
  'published_note', 'retrieved', 'retrieved_note', 'confidence', 'run_id', 'updated_at',
] as const;

const upsertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
   ON CONFLICT(id) DO UPDATE SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

const OFFER_UPSERT = upsertSql('offers', OFFER_COLUMNS);
const FACT_UPSERT = upsertSql('council_facts', FACT_COLUMNS);
const SOURCE_UPSERT = `INSERT INTO sources (id, url, council_code, kind, platform, title, notes, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
  ON CONFLICT(id) DO UPDATE SET title = COALESCE(excluded.title, sources.title),
  kind = CASE WHEN excluded.kind = 'other' THEN sources.kind ELSE excluded.kind END,
  platform = COALESCE(excluded.platform, sources.platform),
  council_code = CASE WHEN sources.council_code IS excluded.council_code THEN sources.council_code ELSE NULL END`;

function offerParams(o: Offer, sourceId: string, runId: string | null, now: string) {
  return [
    o.id, o.council_code, o.name, orNull(o.description), orNull(o.provider), o.type, toJson(o.statutory_categories),
    toJson(o.time_slots), o.access_tier, orNull(o.tier_label), toJson(o.gates), orNull(o.eligibility), orNull(o.age_min),
    orNull(o.age_max), orNull(o.age_note), o.cost.status, toJson(o.cost.charges), orNull(o.cost.note), toJson(o.allowances),
    toJson(o.districts), orNull(o.postcode), orNull(o.schedule), o.contact ? toJson(o.contact) : null, toJson(o.source_terms), o.origin, sourceId,
    o.evidence_quote, o.published, orNull(o.published_note), o.retrieved, orNull(o.retrieved_note), o.confidence, runId, now,
    toJson(statedOf(o)), null,
  ];
}

/** The taxonomy fields as the record itself gave them: kept apart, so classification can be re-run from them. */
export function statedOf(o: Offer) {
  return {
    type: o.type, access_tier: o.access_tier, statutory_categories: o.statutory_categories, time_slots: o.time_slots, gates: o.gates,
    age_min: o.age_min ?? null, age_max: o.age_max ?? null, cost: o.cost, allowances: o.allowances,
  };
}

function factParams(f: CouncilFact, sourceId: string, runId: string | null, now: string) {
  return [
    f.id, f.council_code, f.topic, f.statement, orNull(f.value), orNull(f.unit), orNull(f.period), sourceId, f.evidence_quote,
    f.published, orNull(f.published_note), f.retrieved, orNull(f.retrieved_note), f.confidence, runId, now,
  ];
}

/** Statements that upsert every record and each distinct source once. Record ids are the upsert keys. */
export async function recordStatements(records: readonly CuratedRecord[], runId: string | null, now: string): Promise<SqlStatement[]> {
  const sources = new Map<string, { id: string; rec: CuratedRecord; councils: Set<string> }>();
  for (const rec of records) {
    const known = sources.get(rec.source.url);
    if (known) known.councils.add(rec.council_code);
    else sources.set(rec.source.url, { id: await sourceIdFor(rec.source.url), rec, councils: new Set([rec.council_code]) });
  }
  const out: SqlStatement[] = [];
  for (const [url, { id, rec, councils }] of sources) {
    // A page that several councils' records cite (a shared bi-borough page) belongs to no single council.
    const council = councils.size === 1 ? rec.council_code : null;
    out.push({ sql: SOURCE_UPSERT, params: [id, url, council, rec.source.kind, orNull(rec.source.platform), orNull(rec.source.title), now] });
  }
  for (const rec of records) {
    const sourceId = sources.get(rec.source.url)!.id;
    out.push(
      rec.kind === 'offer'
        ? { sql: OFFER_UPSERT, params: offerParams(rec, sourceId, runId, now) }
        : { sql: FACT_UPSERT, params: factParams(rec, sourceId, runId, now) },
    );
  }
  return out;
}
