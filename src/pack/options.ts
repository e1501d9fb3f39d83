// The long list of options drawn from the gap analysis (each naming the comparators that do it) and a first,
// evidence-only appraisal of each against the critical success factors, for the room to challenge.
import type { CouncilFact, Offer } from '../domain/index.js';
import type { CompareResult, GapsResult, ScoringModel } from '../scoring/compare.js';
import type { CellGap } from '../scoring/gaps.js';
import { figure, type ScoringFinding } from '../scoring/scoring-data.js';
import { easySentence } from './easy-words.js';
import { localEvidenceFor, nearbyOffers, nearbyText, offerWhat, type LocalEvidence, type NearbyOffer } from './option-local.js';
import type { EvidenceCard } from './evidence-card.js';
import type { ThemeDef } from './themes.js';

export const FACTORS = [
  { code: 'choice', label: 'Choice', question: 'Does it widen the range of breaks families can choose from?' },
  { code: 'equity', label: 'Equity', question: 'Can families reach it without an assessment, a high charge or a long journey?' },
  { code: 'quality', label: 'Quality', question: 'Is there inspection or published evidence that it works well elsewhere?' },
  { code: 'suitability', label: 'Suitability', question: 'Does it fit the needs and ages of local children?' },
  { code: 'affordability', label: 'Affordability', question: 'Can it be paid for within the budget?' },
  { code: 'achievability', label: 'Achievability', question: 'Could it be delivered: providers, staff, time to set up?' },
] as const;
export type Factor = (typeof FACTORS)[number]['code'];

/** The anchored 0-5 scale every factor is scored on (the scoring sheets and workshop mode). */
export const ANCHORS: Array<[string, string]> = [
  ['0', 'Makes things worse for families'],
  ['1', 'No real change'],
  ['2', 'A small improvement for a few families'],
  ['3', 'A clear improvement for some families'],
  ['4', 'A clear improvement for many families'],
  ['5', 'A large improvement for most families'],
];

export type Rating = 'supports' | 'some' | 'against' | 'unknown';

export const RATING_TEXT: Record<Rating, { word: string; icon: string; rag: string }> = {
  supports: { word: 'Evidence supports', icon: '▲', rag: 'Green' },
  some: { word: 'Some evidence', icon: '●', rag: 'Amber' },
  against: { word: 'Evidence against', icon: '▼', rag: 'Red' },
  unknown: { word: 'Not known: for the room', icon: '?', rag: 'Grey' },
};

export interface Appraisal {
  rating: Rating;
  reason: string;
}

export interface PackOption {
  id: string;
  kind: 'service' | 'access';
  title: string;
  what_changes: string;
  /** The same change for children and young people, in one short sentence derived from this option's kind and times. */
  easy_read: string;
  /** The time slots the option names, as in its title's brackets ("daytime"); null when it names none. */
  when: string | null;
  type: string | null;
  /** The council's own offers near this option (same kind at other times, related kinds at the same time). */
  nearby: NearbyOffer[];
  /** The council's own published facts and inspection sentences that already name this kind of break. */
  local_evidence: LocalEvidence[];
  /** A local offer of the same kind states no times, so the council may already cover these cells. */
  maybe_covered: boolean;
  cells: Array<{ key: string; label: string }>;
  peers: Array<{ code: string; name: string }>;
  card_ids: string[];
  appraisal: Record<Factor, Appraisal>;
}


interface BuildInput {
  model: ScoringModel;
  cmp: CompareResult;
  gap: GapsResult;
  theme: ThemeDef;
  themeGaps: CellGap[];
  cards: EvidenceCard[];
  localOffers: Offer[];
  localFacts: CouncilFact[];
  findings: ScoringFinding[];
}

/** A gap's time slot in words; the type's "any" column reads as "time not stated". */
export const slotText = (c: Pick<CellGap, 'slot' | 'slot_label'>) => (c.slot === 'any' ? 'time not stated' : c.slot_label.toLowerCase());

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const pct = (x: number) => `${Math.round(100 * x)}%`;

function serviceAppraisal(input: BuildInput, type: string, cells: CellGap[], cards: EvidenceCard[], peers: Array<{ code: string; name: string }>): Record<Factor, Appraisal> {
  const { model, cmp } = input;
  const offers = cards.map((c) => c.offer);
  const open = offers.filter((o) => o.access_tier && model.config.open_access_tiers.includes(o.access_tier));
  const tierKnown = offers.filter((o) => o.access_tier);
  const free = offers.filter((o) => o.cost.status === 'free');
  const outcomes = peers.map((p) => ({ name: p.name, insp: model.data.inspections.get(p.code) }));
  const positive = outcomes.filter((o) => o.insp?.outcome_code === 1);
  const failing = outcomes.filter((o) => o.insp?.outcome_code === 3);
  const known = outcomes.filter((o) => o.insp && o.insp.outcome_code !== null);
  const group = model.config.need_groups.find((g) => g.served_by_types.includes(type));
  const share = group ? group.needs.reduce((s, n) => s + (figure(model.data, cmp.council.code, `ehcp_need_pct_${n}`)?.value ?? 0), 0) : null;
  const stated = group ? group.needs.every((n) => figure(model.data, cmp.council.code, `ehcp_need_pct_${n}`)) : false;
  return {
    choice: { rating: 'supports', reason: `Adds ${cells.length === 1 ? 'a cell' : `${cells.length} cells`} of the type and time grid not found in ${cmp.council.name}'s published offer: ${cells.map((c) => `${c.type_label}, ${slotText(c)}`).join('; ')}.` },
    equity: !tierKnown.length
      ? { rating: 'unknown', reason: 'The comparators\' pages do not state who can use it (no access tier found).' }
      : open.length
        ? { rating: 'supports', reason: `At ${list([...new Set(open.map((o) => cards.find((c) => c.offer.id === o.id)!.council_name))])} it is open without a social-care assessment${free.length ? ', and free to families' : ''}.` }
        : { rating: 'some', reason: 'At the comparators it needs a social-care assessment, so it widens choice for assessed families only.' },
    quality: !known.length
      ? { rating: 'unknown', reason: 'No area SEND inspection outcome is stored for the comparators that do it.' }
      : positive.length
        ? { rating: 'supports', reason: `${list(positive.map((p) => p.name))}: latest area SEND inspection found typically positive experiences and outcomes.` }
        : failing.length === known.length
          ? { rating: 'against', reason: `${list(failing.map((p) => p.name))}: latest area SEND inspection found widespread or systemic failings.` }
          : { rating: 'some', reason: `${list(known.map((p) => `${p.name} (${p.insp!.outcome_label ?? 'outcome not recorded'})`))}.` },
    suitability:
      group && share !== null && stated
        ? { rating: share >= 20 ? 'supports' : 'some', reason: `Serves ${group.label.toLowerCase()}: ${share.toFixed(1)}% of ${cmp.council.name}'s EHC plans (SEN2, January 2025).` }
        : { rating: 'unknown', reason: 'The data does not say which needs this kind of break serves locally.' },
    affordability: { rating: 'unknown', reason: `What it would cost ${cmp.council.name} is not in the data. Family charges at comparators: ${chargesText(offers)}.` },
    achievability:
      peers.length >= 2
        ? { rating: 'supports', reason: `${peers.length} comparators run it: ${list(peers.map((p) => p.name))}.` }
        : { rating: 'some', reason: `One comparator runs it (${peers[0]?.name ?? 'none'}); local providers and staff are not in the data.` },
  };
}

function chargesText(offers: Offer[]): string {
  const parts = offers.flatMap((o) => (o.cost.status === 'free' ? ['free'] : o.cost.charges.map((c) => `£${c.amount_gbp.toFixed(2)} per ${c.per.replace('_', ' ')}`)));
  return parts.length ? [...new Set(parts)].join(', ') : 'not stated';
}

const UNKNOWN_REST = (council: string): Pick<Record<Factor, Appraisal>, 'quality' | 'suitability' | 'affordability'> => ({
  quality: { rating: 'unknown', reason: 'Not a question of inspection evidence.' },
  suitability: { rating: 'unknown', reason: 'For the room: which families it would reach.' },
  affordability: { rating: 'unknown', reason: `What it would cost ${council} is not in the data.` },
});

function accessOptions(input: BuildInput): Array<Omit<PackOption, 'id'>> {
  const { gap, cmp, model } = input;
  const out: Array<Omit<PackOption, 'id'>> = [];
  const council = cmp.council.name;
  const peersWith = (pred: (o: Offer) => boolean) =>
    cmp.group.members
      .slice(1)
      .filter((c) => (model.data.offers.get(c) ?? []).some(pred))
      .map((c) => ({ code: c, name: cmp.group.member_names[c] ?? c }));
  const openTiers = model.config.open_access_tiers;
  const localOpen = cmp.context.metrics.find((m) => m.id === 'open_access_share');
  if (localOpen && localOpen.local !== null && localOpen.group_median !== null && localOpen.local < localOpen.group_median) {
    const isOpen = (o: Offer) => Boolean(o.access_tier && openTiers.includes(o.access_tier));
    const peers = peersWith(isOpen);
    const openLocal = asNearby(input.localOffers.filter(isOpen));
    out.push({
      kind: 'access',
      title: 'Open more of the offer without a social-care assessment',
      what_changes: `${pct(localOpen.local)} of ${council}'s offers with a known tier are open without an assessment; the group median is ${pct(localOpen.group_median)}.${alreadyText(council, openLocal)}`,
      easy_read: 'More breaks could be open to you without a long assessment first.',
      when: null,
      type: null,
      nearby: openLocal,
      local_evidence: [],
      maybe_covered: false,
      cells: [],
      peers,
      card_ids: [],
      appraisal: {
        choice: { rating: 'some', reason: 'More families could use breaks that already exist.' },
        equity: { rating: 'supports', reason: `Fewer families would need an assessment first; ${peers.length ? list(peers.map((p) => p.name)) : 'no comparator in the data'} run${peers.length === 1 ? 's' : ''} offers open without one.` },
        ...UNKNOWN_REST(council),
        achievability: peers.length >= 2 ? { rating: 'supports', reason: `${peers.length} comparators do it.` } : { rating: 'some', reason: peers.length ? `One comparator does it (${peers[0]!.name}).` : 'No comparator in the data does it.' },
      },
    });
  }
  const c = gap.analysis.charges;
  if (c.local_hourly.length && c.peer_hourly_median !== null && Math.max(...c.local_hourly) > c.peer_hourly_median) {
    const charged = asNearby(input.localOffers.filter((o) => o.cost.charges.some((x) => x.per === 'hour')));
    const cheaper = c.peer_hourly.filter((p) => Math.min(...p.amounts) < Math.max(...c.local_hourly)).map((p) => ({ code: p.code, name: p.name }));
    out.push({
      kind: 'access',
      title: 'Review the hourly charge to families',
      what_changes: `${council} states a charge of ${c.local_hourly.map((x) => `£${x.toFixed(2)}`).join(', ')} an hour; the comparators that state an hourly charge have a median of £${c.peer_hourly_median.toFixed(2)}.${alreadyText(council, charged)}`,
      easy_read: 'Breaks could cost your family less.',
      when: null,
      type: null,
      nearby: charged,
      local_evidence: [],
      maybe_covered: false,
      cells: [],
      peers: cheaper,
      card_ids: [],
      appraisal: {
        choice: { rating: 'unknown', reason: 'Does not change the range of breaks.' },
        equity: { rating: 'supports', reason: 'A lower charge removes a barrier for families on low incomes.' },
        ...UNKNOWN_REST(council),
        achievability: { rating: cheaper.length ? 'some' : 'unknown', reason: cheaper.length ? `${list(cheaper.map((p) => p.name))} charge less an hour.` : 'No comparator states a lower hourly charge.' },
      },
    });
  }
  return out;
}

/** A local offer as a nearby one for an access option (whatever its kind). */
const asNearby = (offers: Offer[]): NearbyOffer[] => offers.map((o) => ({ offer_id: o.id, name: o.name, what: offerWhat(o), relation: 'related_kind', source_url: o.source.url }));

/** " Lancashire already has: A; B." or what was not found, for an option's "what would change". */
function alreadyText(council: string, nearby: readonly NearbyOffer[]): string {
  return nearby.length ? ` ${council} already has nearby: ${nearbyText(nearby).join('; ')}.` : ` No offer of ${council}'s own of this kind, or of a related kind at the same time, was found.`;
}

function serviceOption(input: BuildInput, type: string, cells: CellGap[]): Omit<PackOption, 'id'> {
  const council = input.cmp.council.name;
  const peers = [...new Map(cells.flatMap((c) => c.peers).map((p) => [p.code, p])).values()];
  const keys = new Set(cells.map((c) => c.cell));
  const cards = input.cards.filter((c) => c.cells.some((k) => keys.has(k)));
  const label = cells[0]!.type_label;
  // "time not stated" says nothing in a title: only real time slots are named there.
  const timed = cells.filter((c) => c.slot !== 'any');
  const when = timed.length ? timed.map((c) => slotText(c)).join(', ') : null;
  const nearby = nearbyOffers(type, cells.map((c) => c.slot), input.localOffers);
  const evidence = localEvidenceFor(type, council, input.findings, input.localFacts);
  const maybeCovered = nearby.some((n) => n.relation === 'same_kind_time_not_stated');
  const more = evidence.length > 0;
  const title = `${label}${when ? ` (${when})` : ''}`;
  const notes = [
    alreadyText(council, nearby),
    maybeCovered ? ` ${council}'s own offer of this kind states no times, so it may already cover this: check before taking it forward.` : '',
    more ? ` ${council}'s own evidence already names this kind of break (${[...new Set(evidence.map((e) => e.where))].join('; ')}; quoted in section 1), so the change may be more of it rather than something new.` : '',
  ].join('');
  return {
    kind: 'service',
    title,
    what_changes: `${council} would offer ${more ? 'more ' : ''}${title.charAt(0).toLowerCase()}${title.slice(1)}, as ${list(peers.map((p) => p.name))} ${peers.length === 1 ? 'does' : 'do'}.${notes}`,
    easy_read: easySentence(type, label, cells.map((c) => c.slot), more),
    when,
    type,
    nearby,
    local_evidence: evidence,
    maybe_covered: maybeCovered,
    cells: cells.map((c) => ({ key: c.cell, label: `${c.type_label}, ${slotText(c)}` })),
    peers,
    card_ids: cards.map((c) => c.id),
    appraisal: serviceAppraisal(input, type, cells, cards, peers),
  };
}

/** Service options (one per type with gaps, merging its time slots) first, most comparators first, then access options. */
export function buildOptions(input: BuildInput): PackOption[] {
  const covered = new Set(input.gap.analysis.covered_locally);
  const byType = new Map<string, CellGap[]>();
  // A cell the council's own offers cover is never an option (the gap analysis leaves it out; this keeps it so).
  for (const g of input.themeGaps) if (!covered.has(g.cell)) byType.set(g.type, [...(byType.get(g.type) ?? []), g]);
  const service = [...byType.entries()].map(([type, cells]) => serviceOption(input, type, cells));
  service.sort((a, b) => b.peers.length - a.peers.length);
  const all = [...service, ...(input.theme.access_options ? accessOptions(input) : [])];
  return all.map((o, i) => ({ id: `O${i + 1}`, ...o }));
}
