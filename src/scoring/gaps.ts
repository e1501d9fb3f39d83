// Gap analysis against the local council: grid cells comparators cover and it does not, with exemplar offers
// (preferring councils with positive inspection evidence), and its gates, tiers and charges beside theirs.
import type { Offer } from '../domain/index.js';
import type { TaxonomyIndex } from '../domain/taxonomy.js';
import type { ScoringConfig } from './config.js';
import { ANY_SLOT, councilCells, offerCells, type Cell } from './grid.js';
import { median, type ScoringData } from './scoring-data.js';

export interface Exemplar {
  offer_id: string;
  council_code: string;
  council_name: string;
  name: string;
  description: string | null;
  provider: string | null;
  type: string | null;
  time_slots: string[];
  access_tier: string | null;
  tier_label: string | null;
  gates: string[];
  eligibility: string | null;
  age_min: number | null;
  age_max: number | null;
  cost: Offer['cost'];
  allowances: Offer['allowances'];
  source: Offer['source'];
  evidence_quote: string;
  published: string | null;
  retrieved: string;
  confidence: number;
  inspection: { outcome_code: number | null; outcome_label: string | null; inspected: string | null; report_url: string | null } | null;
  short_break_strengths: number;
}

export interface CellGap {
  cell: string;
  type: string;
  type_label: string;
  slot: string;
  slot_label: string;
  /** Comparators whose current offers cover the cell. */
  peers: Array<{ code: string; name: string }>;
  /** Share of comparators with any known offer that cover the cell. */
  peer_share: number;
  exemplars: Exemplar[];
}

export interface GapAnalysis {
  local_offers: number;
  peers_with_offers: number;
  peers_without_offers: Array<{ code: string; name: string }>;
  covered_locally: string[];
  gaps: CellGap[];
  gates: Array<{ gate: string; label: string; local_offers: number; local_share: number | null; peers_using: number; peer_offer_share: number | null }>;
  tiers: Array<{ tier: string; label: string; local_share: number | null; peer_share: number | null }>;
  charges: {
    local_hourly: number[];
    peer_hourly_median: number | null;
    peer_hourly: Array<{ code: string; name: string; amounts: number[] }>;
    local_free_share: number | null;
    peer_free_share: number | null;
  };
  notes: string[];
}

export function exemplarOf(o: Offer, data: ScoringData, names: Map<string, string>, config: ScoringConfig): Exemplar {
  const insp = data.inspections.get(o.council_code);
  const strengths = (data.findings.get(o.council_code) ?? []).filter((f) => f.polarity === 'strength' && config.short_break_finding_topics.includes(f.topic)).length;
  return {
    offer_id: o.id,
    council_code: o.council_code,
    council_name: names.get(o.council_code) ?? o.council_code,
    name: o.name,
    description: o.description ?? null,
    provider: o.provider ?? null,
    type: o.type,
    time_slots: o.time_slots,
    access_tier: o.access_tier,
    tier_label: o.tier_label ?? null,
    gates: o.gates,
    eligibility: o.eligibility ?? null,
    age_min: o.age_min ?? null,
    age_max: o.age_max ?? null,
    cost: o.cost,
    allowances: o.allowances,
    source: o.source,
    evidence_quote: o.evidence_quote,
    published: o.published,
    retrieved: o.retrieved,
    confidence: o.confidence,
    inspection: insp ? { outcome_code: insp.outcome_code, outcome_label: insp.outcome_label, inspected: insp.inspection_start ?? insp.publication_date, report_url: insp.report_url } : null,
    short_break_strengths: strengths,
  };
}

/** Positive inspection first, then more short-break strengths, higher confidence, newer, then name and id. */
export function byEvidence(a: Exemplar, b: Exemplar): number {
  const pos = (e: Exemplar) => (e.inspection?.outcome_code === 1 ? 0 : 1);
  return (
    pos(a) - pos(b) ||
    b.short_break_strengths - a.short_break_strengths ||
    b.confidence - a.confidence ||
    (b.published ?? '').localeCompare(a.published ?? '') ||
    b.retrieved.localeCompare(a.retrieved) ||
    a.council_name.localeCompare(b.council_name) ||
    a.offer_id.localeCompare(b.offer_id)
  );
}

/** Up to n exemplars, one per council first, then more from the same councils if there are not enough. */
export function pickExemplars(candidates: Exemplar[], n: number): Exemplar[] {
  const sorted = [...candidates].sort(byEvidence);
  const picked: Exemplar[] = [];
  const councils = new Set<string>();
  for (const e of sorted)
    if (picked.length < n && !councils.has(e.council_code)) {
      picked.push(e);
      councils.add(e.council_code);
    }
  for (const e of sorted) if (picked.length < n && !picked.includes(e)) picked.push(e);
  return picked;
}

export function analyseGaps(localCode: string, peers: readonly string[], data: ScoringData, grid: readonly Cell[], taxonomy: TaxonomyIndex, config: ScoringConfig, defaults: Map<string, string[]>): GapAnalysis {
  const names = new Map(data.councils.map((c) => [c.code, c.name]));
  const typeLabel = new Map(taxonomy.terms('types').map((t) => [t.code, t.label]));
  const slotLabel = new Map([...taxonomy.terms('time_slots').map((s) => [s.code, s.label] as const), [ANY_SLOT, 'any time (not stated)'] as const]);
  const local = data.offers.get(localCode) ?? [];
  const localCells = councilCells(local, defaults);
  const peerOffers = peers.map((code) => {
    const offers = data.offers.get(code) ?? [];
    return { code, offers, cells: councilCells(offers, defaults) };
  });
  const withOffers = peerOffers.filter((p) => p.offers.length);
  const notes: string[] = [];
  if (!local.length) notes.push('No current offers were found for the local council: every cell its comparators cover shows as a gap. Not found is not the same as not provided; add its offers (sbb import or sbb scrape) before reading these as gaps.');
  if (withOffers.length < peers.length) notes.push(`${peers.length - withOffers.length} of ${peers.length} comparators have no offers in the data; the gaps rest on the other ${withOffers.length}.`);

  const gaps: CellGap[] = [];
  for (const cell of grid) {
    if (localCells.has(cell.key)) continue;
    const covering = withOffers.filter((p) => p.cells.has(cell.key));
    if (!covering.length) continue;
    const candidates = covering.flatMap((p) => p.offers.filter((o) => offerCells(o, defaults).includes(cell.key) || (cell.slot === ANY_SLOT && o.type === cell.type)).map((o) => exemplarOf(o, data, names, config)));
    gaps.push({
      cell: cell.key,
      type: cell.type,
      type_label: typeLabel.get(cell.type) ?? cell.type,
      slot: cell.slot,
      slot_label: slotLabel.get(cell.slot) ?? cell.slot,
      peers: covering.map((p) => ({ code: p.code, name: names.get(p.code) ?? p.code })),
      peer_share: covering.length / withOffers.length,
      exemplars: pickExemplars(candidates, config.exemplars_per_gap),
    });
  }
  gaps.sort((a, b) => b.peers.length - a.peers.length || grid.findIndex((c) => c.key === a.cell) - grid.findIndex((c) => c.key === b.cell));

  const allPeer = withOffers.flatMap((p) => p.offers);
  const gates = taxonomy.terms('gates').map((g) => {
    const localN = local.filter((o) => o.gates.includes(g.code)).length;
    const peerN = allPeer.filter((o) => o.gates.includes(g.code)).length;
    return {
      gate: g.code,
      label: g.label,
      local_offers: localN,
      local_share: local.length ? localN / local.length : null,
      peers_using: withOffers.filter((p) => p.offers.some((o) => o.gates.includes(g.code))).length,
      peer_offer_share: allPeer.length ? peerN / allPeer.length : null,
    };
  });
  const tierShare = (offers: Offer[], tier: string) => {
    const known = offers.filter((o) => o.access_tier);
    return known.length ? known.filter((o) => o.access_tier === tier).length / known.length : null;
  };
  const tiers = taxonomy.terms('access_tiers').map((t) => ({ tier: t.code, label: t.label, local_share: tierShare(local, t.code), peer_share: tierShare(allPeer, t.code) }));
  const hourly = (offers: Offer[]) => offers.flatMap((o) => o.cost.charges.filter((c) => c.per === 'hour').map((c) => c.amount_gbp));
  const freeShare = (offers: Offer[]) => {
    const known = offers.filter((o) => o.cost.status !== 'unknown');
    return known.length ? known.filter((o) => o.cost.status === 'free').length / known.length : null;
  };
  return {
    local_offers: local.length,
    peers_with_offers: withOffers.length,
    peers_without_offers: peerOffers.filter((p) => !p.offers.length).map((p) => ({ code: p.code, name: names.get(p.code) ?? p.code })),
    covered_locally: grid.filter((c) => localCells.has(c.key)).map((c) => c.key),
    gaps,
    gates,
    tiers,
    charges: {
      local_hourly: hourly(local).sort((a, b) => a - b),
      peer_hourly_median: median(hourly(allPeer)),
      peer_hourly: withOffers.map((p) => ({ code: p.code, name: names.get(p.code) ?? p.code, amounts: hourly(p.offers).sort((a, b) => a - b) })).filter((p) => p.amounts.length),
      local_free_share: freeShare(local),
      peer_free_share: freeShare(allPeer),
    },
    notes,
  };
}
