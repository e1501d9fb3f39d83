// The data annex as tables: every offer, score, measure, option and source the pack uses, one row each, with
// missing values left empty (never zero). CSV here; the XLSX workbook is built from the same tables.
import { toCsv } from '../text/csv.js';
import { METRICS } from '../scoring/metric-defs.js';
import { MEMBER_COLUMNS, memberRows } from '../scoring/present.js';
import { FACTORS, RATING_TEXT } from './options.js';
import type { PackData } from './pack-data.js';

export interface AnnexTable {
  name: string;
  title: string;
  columns: string[];
  rows: Array<Record<string, string | number | null>>;
}

const OFFER_COLUMNS = ['council_code', 'council', 'role', 'offer_id', 'name', 'type', 'time_slots', 'access_tier', 'tier_label', 'gates', 'age_min', 'age_max', 'eligibility', 'cost_status', 'charges', 'allowances', 'provider', 'source_url', 'source_title', 'published', 'retrieved', 'confidence', 'evidence_quote', 'origin', 'card'];

export function annexTables(pack: PackData): AnnexTable[] {
  const c = pack.compare;
  const local = c.council.code;
  const cardOf = new Map(pack.cards.map((k) => [k.offer.id, k.id]));
  const offers = pack.group_offers.map((o) => ({
    council_code: o.council_code,
    council: c.group.member_names[o.council_code] ?? o.council_code,
    role: o.council_code === local ? 'local' : 'comparator',
    offer_id: o.id,
    name: o.name,
    type: o.type,
    time_slots: o.time_slots.join(' '),
    access_tier: o.access_tier,
    tier_label: o.tier_label ?? null,
    gates: o.gates.join(' '),
    age_min: o.age_min ?? null,
    age_max: o.age_max ?? null,
    eligibility: o.eligibility ?? null,
    cost_status: o.cost.status,
    charges: o.cost.charges.map((x) => `${x.amount_gbp} per ${x.per}`).join('; ') || null,
    allowances: o.allowances.map((a) => `${a.min ?? ''}-${a.max ?? ''} ${a.unit} per ${a.per}`).join('; ') || null,
    provider: o.provider ?? null,
    source_url: o.source.url,
    source_title: o.source.title ?? null,
    published: o.published,
    retrieved: o.retrieved,
    confidence: o.confidence,
    evidence_quote: o.evidence_quote,
    origin: o.origin,
    card: cardOf.get(o.id) ?? null,
  }));
  const metrics = c.members.flatMap((m) =>
    METRICS.map((d) => ({
      council_code: m.code,
      council: m.name,
      dimension: d.dimension,
      metric: d.id,
      label: d.label,
      value: m.metrics[d.id]?.value ?? null,
      score_0_100: m.metrics[d.id]?.score ?? null,
      based_on: m.metrics[d.id]?.n ?? null,
      missing_because: m.metrics[d.id]?.missing ?? null,
    })),
  );
  const options = pack.options.map((o) => ({
    id: o.id,
    kind: o.kind,
    title: o.title,
    what_changes: o.what_changes,
    easy_read: o.easy_read,
    local_nearby: o.nearby.map((n) => n.name).join('; '),
    may_already_cover: o.maybe_covered ? 'yes' : 'no',
    comparators: o.peers.map((p) => p.name).join('; '),
    cards: o.card_ids.join(' '),
    shortlisted: pack.shortlist.includes(o) ? 'yes' : 'no',
    ...Object.fromEntries(FACTORS.flatMap((f) => [[f.code, RATING_TEXT[o.appraisal[f.code].rating].word], [`${f.code}_why`, o.appraisal[f.code].reason]])),
  }));
  const sources = pack.sources.map((s) => ({ n: s.n, url: s.url, title: s.title, council: s.council, kind: s.kind, published: s.published, read: s.retrieved, snapshot_id: s.snapshot?.id ?? null, snapshot_sha256: s.snapshot?.sha256 ?? null }));
  return [
    { name: 'offers', title: 'Offers', columns: OFFER_COLUMNS, rows: offers },
    { name: 'scores', title: 'Scores', columns: MEMBER_COLUMNS, rows: memberRows(c) as AnnexTable['rows'] },
    { name: 'metrics', title: 'Measures', columns: ['council_code', 'council', 'dimension', 'metric', 'label', 'value', 'score_0_100', 'based_on', 'missing_because'], rows: metrics },
    { name: 'options', title: 'Options', columns: Object.keys(options[0] ?? { id: '', kind: '', title: '', what_changes: '', easy_read: '', local_nearby: '', may_already_cover: '', comparators: '', cards: '', shortlisted: '', ...Object.fromEntries(FACTORS.flatMap((f) => [[f.code, ''], [`${f.code}_why`, '']])) }), rows: options },
    { name: 'sources', title: 'Sources', columns: ['n', 'url', 'title', 'council', 'kind', 'published', 'read', 'snapshot_id', 'snapshot_sha256'], rows: sources },
  ];
}

export const annexCsv = (t: AnnexTable) => toCsv(t.rows, t.columns);
