// Reads offers and council facts back into domain records, each with its source.
import type { CouncilFact, Offer } from '../domain/index.js';
import { fromJson } from './json-column.js';
import type { SqlDriver, SqlRow } from './sql-driver.js';

type Row = SqlRow & Record<string, string | number | null>;

export const SOURCE_COLS = 's.url AS source_url, s.title AS source_title, s.kind AS source_kind, s.platform AS source_platform';

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

function sourceOf(r: Row) {
  return {
    url: String(r.source_url),
    ...(r.source_title ? { title: String(r.source_title) } : {}),
    kind: String(r.source_kind) as Offer['source']['kind'],
    ...(r.source_platform ? { platform: String(r.source_platform) as NonNullable<Offer['source']['platform']> } : {}),
  };
}

function provenanceOf(r: Row) {
  return {
    source: sourceOf(r),
    evidence_quote: String(r.evidence_quote),
    published: (r.published as string | null) ?? null,
    published_note: str(r.published_note),
    retrieved: String(r.retrieved),
    retrieved_note: str(r.retrieved_note),
    confidence: Number(r.confidence),
  };
}

export function offerFromRow(r: Row): Offer {
  return {
    kind: 'offer',
    id: String(r.id),
    council_code: String(r.council_code),
    name: String(r.name),
    description: str(r.description),
    provider: str(r.provider),
    type: (r.type as string | null) ?? null,
    statutory_categories: fromJson(r.statutory_categories, []),
    time_slots: fromJson(r.time_slots, []),
    access_tier: (r.access_tier as string | null) ?? null,
    tier_label: str(r.tier_label),
    gates: fromJson(r.gates, []),
    eligibility: str(r.eligibility),
    age_min: num(r.age_min),
    age_max: num(r.age_max),
    age_note: str(r.age_note),
    cost: { status: r.cost_status as Offer['cost']['status'], charges: fromJson(r.charges, []), note: str(r.cost_note) },
    allowances: fromJson(r.allowances, []),
    districts: fromJson(r.districts, []),
    postcode: str(r.postcode),
    schedule: str(r.schedule),
    contact: fromJson(r.contact, undefined),
    source_terms: fromJson(r.source_terms, []),
    origin: r.origin as Offer['origin'],
    ...provenanceOf(r),
  };
}

export function factFromRow(r: Row): CouncilFact {
  return {
    kind: 'council_fact',
    id: String(r.id),
    council_code: String(r.council_code),
    topic: String(r.topic),
    statement: String(r.statement),
    value: num(r.value),
    unit: str(r.unit),
    period: str(r.period),
    ...provenanceOf(r),
  };
}

export interface FoundAlsoAt {
  offer_id: string;
  url: string;
  title?: string;
  kind: string;
  retrieved: string;
}

/** An offer as shown: the record, how each field was decided, and the other places the same offer was found. */
export type ShownOffer = Offer & { classification?: unknown; also_found_at?: FoundAlsoAt[] };

/** A council's current offers: one per offer (duplicates folded in as `also_found_at`), none that disappeared. */
export async function offersForCouncil(db: SqlDriver, code: string): Promise<ShownOffer[]> {
  const rows = await db.all<Row>(
    `SELECT o.*, ${SOURCE_COLS} FROM offers o JOIN sources s ON s.id = o.source_id
      WHERE o.council_code = ? AND o.disappeared_at IS NULL ORDER BY o.name, o.id`,
    [code],
  );
  const also = new Map<string, FoundAlsoAt[]>();
  for (const r of rows)
    if (r.duplicate_of)
      also.set(String(r.duplicate_of), [
        ...(also.get(String(r.duplicate_of)) ?? []),
        { offer_id: String(r.id), url: String(r.source_url), ...(r.source_title ? { title: String(r.source_title) } : {}), kind: String(r.source_kind), retrieved: String(r.retrieved) },
      ]);
  return rows
    .filter((r) => !r.duplicate_of)
    .map((r) => {
      const offer: ShownOffer = offerFromRow(r);
      if (r.classification) offer.classification = fromJson(r.classification, undefined);
      const others = also.get(String(r.id));
      if (others) offer.also_found_at = others;
      return offer;
    });
}

export async function factsForCouncil(db: SqlDriver, code: string): Promise<CouncilFact[]> {
  const rows = await db.all<Row>(
    `SELECT f.*, ${SOURCE_COLS} FROM council_facts f JOIN sources s ON s.id = f.source_id WHERE f.council_code = ? ORDER BY f.topic, f.id`,
    [code],
  );
  return rows.map(factFromRow);
}
