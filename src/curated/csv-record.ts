// Turns one row of a curated CSV file into the nested record shape the JSON format uses.
// Lists are separated by ";". Charges read like "2/hour; 5/day"; allowances like "10-50 hours/year; 400 gbp/year".
import { invalid } from '../domain/errors.js';

const list = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

const num = (field: string, v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.trim());
  if (!Number.isFinite(n)) throw invalid(field, `"${v}" is not a number`);
  return n;
};

const text = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function parseCharges(v: string | undefined) {
  return list(v).map((item) => {
    const m = /^£?\s*(\d+(?:\.\d+)?)\s*\/\s*([a-z_]+)(?:\s*\((.*)\))?$/i.exec(item);
    if (!m) throw invalid('charges', `"${item}" should look like "2/hour" or "5/day (note)"`);
    return { amount_gbp: Number(m[1]), per: m[2]!.toLowerCase(), ...(m[3] ? { note: m[3] } : {}) };
  });
}

export function parseAllowances(v: string | undefined) {
  return list(v).map((item) => {
    const m = /^(?:(\d+(?:\.\d+)?)\s*-\s*)?(\d+(?:\.\d+)?)\s+([a-z]+)\s*\/\s*([a-z_]+)$/i.exec(item);
    if (!m) throw invalid('allowances', `"${item}" should look like "40 hours/year" or "10-50 hours/year"`);
    return {
      ...(m[1] ? { min: Number(m[1]) } : {}),
      max: Number(m[2]),
      unit: m[3]!.toLowerCase(),
      per: m[4]!.toLowerCase(),
    };
  });
}

const sourceOf = (row: Record<string, string>) => ({
  url: row.source_url ?? '',
  ...(text(row.source_title) ? { title: text(row.source_title) } : {}),
  ...(text(row.source_kind) ? { kind: text(row.source_kind) } : {}),
  ...(text(row.source_platform) ? { platform: text(row.source_platform) } : {}),
});

const provenanceOf = (row: Record<string, string>) => ({
  source: sourceOf(row),
  evidence_quote: row.evidence_quote ?? '',
  published: text(row.published) ?? null,
  published_note: text(row.published_note),
  retrieved: row.retrieved ?? '',
  retrieved_note: text(row.retrieved_note),
  confidence: num('confidence', row.confidence),
});

/** Maps a CSV row (header -> cell) to a raw record for schema validation. Throws an invalid AppError naming the column for unreadable cells. */
export function csvRowToRecord(row: Record<string, string>): Record<string, unknown> {
  const kind = text(row.kind) ?? 'offer';
  if (kind === 'council_fact') {
    return {
      kind,
      id: row.id,
      council_code: row.council_code,
      topic: row.topic,
      statement: row.statement,
      value: num('value', row.value),
      unit: text(row.unit),
      period: text(row.period),
      ...provenanceOf(row),
    };
  }
  return {
    kind,
    id: row.id,
    council_code: row.council_code,
    name: row.name,
    description: text(row.description),
    provider: text(row.provider),
    type: text(row.type) ?? null,
    statutory_categories: list(row.statutory_categories),
    time_slots: list(row.time_slots),
    access_tier: text(row.access_tier) ?? null,
    tier_label: text(row.tier_label),
    gates: list(row.gates),
    eligibility: text(row.eligibility),
    age_min: num('age_min', row.age_min),
    age_max: num('age_max', row.age_max),
    age_note: text(row.age_note),
    cost: { status: text(row.cost_status) ?? 'unknown', charges: parseCharges(row.charges), note: text(row.cost_note) },
    allowances: parseAllowances(row.allowances),
    districts: list(row.districts),
    postcode: text(row.postcode),
    schedule: text(row.schedule),
    ...provenanceOf(row),
  };
}
