// What the council already has near an option: its own offers of the same kind at other times (or with no time
// stated), or of a related kind at the same time, and what its own published facts and inspection say about it.
import type { CouncilFact, Offer } from '../domain/index.js';
import { TAXONOMY } from '../domain/index.js';
import type { ScoringFinding } from '../scoring/scoring-data.js';

export type NearbyRelation = 'same_kind_time_not_stated' | 'same_kind_other_time' | 'same_time_related_kind' | 'related_kind';

export interface NearbyOffer {
  offer_id: string;
  name: string;
  /** Its kind and times in words: "Overnight residential short break unit, overnight". */
  what: string;
  relation: NearbyRelation;
  source_url: string;
}

export interface LocalEvidence {
  text: string;
  /** Where it comes from: "area SEND inspection report, page 12" or "published by Lancashire". */
  where: string;
  source_url: string | null;
}

/** Kinds of break that stand in for one another when a family looks for a break. */
const FAMILY: Record<string, string> = {
  holiday_play_scheme: 'activities',
  weekend_club: 'activities',
  after_school_club: 'activities',
  youth_club: 'activities',
  sport_arts_leisure_inclusion: 'activities',
  buddy_befriending: 'activities',
  transport_inclusion_support: 'activities',
  home_based_care: 'care',
  family_based_short_break: 'care',
  overnight_residential_unit: 'care',
  residential_trip: 'care',
  direct_payment: 'money',
  short_break_grant: 'money',
  community_activity_grant: 'money',
};

/** Words by which a council's own statements and inspection reports name each kind of break. */
const MENTIONS: Record<string, RegExp> = {
  holiday_play_scheme: /play ?schemes?|holiday (?:club|scheme)s?/i,
  weekend_club: /weekend (?:club|activit)|saturday club/i,
  after_school_club: /after[- ]school/i,
  youth_club: /youth clubs?/i,
  sport_arts_leisure_inclusion: /\bsports?\b|leisure activit/i,
  buddy_befriending: /\bbudd(?:y|ies)\b|befriend/i,
  community_activity_grant: /leisure card|activity card|activity grant/i,
  home_based_care: /home ?care|sitting service|\bsitters?\b|care at home|in the family home/i,
  family_based_short_break: /foster[- ]carers?|shared care|link (?:carer|famil)|family[- ]based/i,
  overnight_residential_unit: /residential (?:short break|unit|respite|home)|respite (?:unit|centre|home)|short breaks? (?:home|unit|centre)/i,
  residential_trip: /residential trips?|holiday lodge/i,
  direct_payment: /direct[- ]payments?|personal budgets?/i,
  short_break_grant: /short[- ]breaks? grant/i,
  transport_inclusion_support: /\btransport\b/i,
};

const slotLabel = (s: string) => (TAXONOMY.label('time_slots', s) ?? s).toLowerCase();
const typeLabel = (t: string) => TAXONOMY.label('types', t) ?? t;
export const offerWhat = (o: Offer) => `${o.type ? typeLabel(o.type) : 'kind not known'}, ${o.time_slots.length ? o.time_slots.map(slotLabel).join(', ') : 'times not stated'}`;

/** The council's own offers near an option of this kind at these times, nearest first. */
export function nearbyOffers(type: string, slots: readonly string[], localOffers: readonly Offer[]): NearbyOffer[] {
  const timed = slots.filter((s) => s !== 'any');
  const relation = (o: Offer): NearbyRelation | null => {
    if (!o.type) return null;
    if (o.type === type) return o.time_slots.length ? 'same_kind_other_time' : 'same_kind_time_not_stated';
    if (FAMILY[o.type] !== FAMILY[type]) return null;
    if (timed.length) return o.time_slots.some((s) => timed.includes(s)) ? 'same_time_related_kind' : null;
    return 'related_kind';
  };
  const order: NearbyRelation[] = ['same_kind_time_not_stated', 'same_kind_other_time', 'same_time_related_kind', 'related_kind'];
  return localOffers
    .map((o) => ({ o, r: relation(o) }))
    .filter((x): x is { o: Offer; r: NearbyRelation } => x.r !== null)
    .sort((a, b) => order.indexOf(a.r) - order.indexOf(b.r) || a.o.name.localeCompare(b.o.name))
    .map(({ o, r }) => ({ offer_id: o.id, name: o.name, what: offerWhat(o), relation: r, source_url: o.source.url }));
}

/** The council's own published facts and inspection sentences that name this kind of break. */
export function localEvidenceFor(type: string, council: string, findings: readonly ScoringFinding[], facts: readonly CouncilFact[]): LocalEvidence[] {
  const re = MENTIONS[type];
  if (!re) return [];
  return [
    ...findings.filter((f) => re.test(f.sentence)).map((f) => ({ text: f.sentence, where: `area SEND inspection report, ${f.citation}`, source_url: f.report_url })),
    ...facts.filter((f) => f.topic !== 'not_found' && re.test(f.statement)).map((f) => ({ text: f.statement, where: `published about ${council}`, source_url: f.source.url })),
  ];
}

/** "Day-time short breaks (home-based sitting or care, daytime)" for each nearby offer. */
export const nearbyText = (n: readonly NearbyOffer[]) => n.map((x) => `${x.name} (${x.what.charAt(0).toLowerCase()}${x.what.slice(1)})`);
