// One offer's draft from the sentences that speak of it, with what it inherits from the list, section and page around it.
import { parseAges } from '../../src/text/ages.js';
import { parseAllowances } from '../../src/text/allowances.js';
import { parseCharges, parseDirectPaymentRates } from '../../src/text/charges.js';
import { isFree } from '../../src/text/cost.js';
import { NEGATED_ASSESSMENT, parseGates } from '../../src/text/gates.js';
import { parseTier, type AccessTier } from '../../src/text/tiers.js';
import type { OfferDraft } from './offer-builder.js';
import { quoteSentences, sentencesOf, slug, type Block, type Sentence } from './statement-blocks.js';
import { type Line } from './statement-lists.js';

export const EVIDENCE_MAX = 1000;
export const NOT_PROVIDED = /\b(?:do not|don[’']t|does not|cannot|can[’']t|will not) (?:provide|offer|fund|accept)\b/i;

export const carriesFacts = (s: string) =>
  Boolean(parseAges(s) || parseAllowances(s).length || parseCharges(s).length || parseGates(s).length || isFree(s) || parseTier(s) || parseDirectPaymentRates(s).length);
/** "They will most likely have an Education, Health and Care Plan": what the children of an offer usually have is no gate of it. */
const LIKELY_HAVE = /\b(?:most likely|likely to|usually|often|typically|generally|mostly)\s+(?:will\s+)?(?:have|has|attend|be|receive|get)\b/i;
export const gatesIn = (sentences: readonly Sentence[]) => [...new Set(sentences.filter((s) => !LIKELY_HAVE.test(s.text)).flatMap((s) => parseGates(s.text).map((g) => g.code)))];
export const textOf = (sentences: readonly Sentence[]) => sentences.map((s) => s.text).join(' ');
export const ELIGIBILITY = /^for (?:children|young people|families|disabled)\b|\b(?:eligib\w*|criteria|who can|can (?:access|apply|get|use|have|request)|apply if|are for|is for|available (?:for|to)|must (?:be|live|have|get)|entitled|qualif\w*|if (?:your|the|a) (?:child|young person))\b/i;

const HEDGED_AGES = /\b(?:mostly|mainly|largely|generally|typically|usually|normally|primarily|depending on|depends on|dependent on|varies|vary)\b/i;
/** An offer's ages: one range, or the span of age bands that meet ("aged 2-5 ... aged 5-18" is 2 to 18). */
function agesOf(all: readonly Sentence[]): ReturnType<typeof parseAges> {
  // A hedged range ("mostly focused on children aged 0 to 18") is no limit.
  const sentences = all.filter((s) => !HEDGED_AGES.test(s.text) || !parseAges(s.text));
  const bands = sentences.map((s) => parseAges(s.text)).filter((a): a is NonNullable<typeof a> => a !== undefined);
  const first = bands[0];
  if (!first || bands.length === 1) return first ?? parseAges(textOf(sentences));
  const sorted = [...bands].filter((b) => b.min !== undefined && b.max !== undefined).sort((a, b) => a.min! - b.min!);
  if (sorted.length !== bands.length) return first;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.min! > sorted[i - 1]!.max! + 1) return first;
  const max = Math.max(...sorted.map((b) => b.max!));
  return { min: sorted[0]!.min, max, note: sorted.map((b) => b.note).join('; ') };
}


/** What the page says of every short break it describes: the gates and ages in its eligibility text outside any offer. */
export interface PageScope {
  said: Sentence[];
  gates: string[];
  ages?: ReturnType<typeof parseAges>;
}

export function pageScope(blocks: readonly Block[], inGroup: ReadonlySet<Block>, serviceLines: ReadonlySet<Line>): PageScope {
  const said: Sentence[] = [];
  blocks.forEach((b, i) => {
    if (inGroup.has(b)) return;
    // "We do not provide any Short Breaks to children under 5 ...": what such a section asks of families is not a gate of the offer.
    if (b.sentences.some((x) => NOT_PROVIDED.test(x.text))) return;
    const whole = i === 0 || /eligib|who (?:can|are|is|might|may|could|will)\b|criteria|do i qualify|can i get|how (?:do i|to) apply|applying/i.test(b.heading);
    // The items of a list whose lead is about eligibility ("... available for children who:") are all eligibility.
    let eligibleList = false;
    for (const l of b.lines) {
      if (!l.item) eligibleList = ELIGIBILITY.test(l.text) && /(?:who|if|must|they|:)\s*:?\s*$/i.test(l.text);
      if (serviceLines.has(l)) continue;
      for (const s of sentencesOf([l])) if (whole || ELIGIBILITY.test(s.text) || (l.item && (eligibleList || parseGates(s.text).length))) said.push(s);
    }
  });
  // "For young people aged between 18-25, referrals should be made via ...": a range of adults is the route beyond
  // children's short breaks, not who they are for.
  // "Short breaks are mostly focused on children aged 0 to 18. However, ... older than 18 can do": a hedged range is no limit.
  const ranges = said.filter((s) => !HEDGED_AGES.test(s.text)).map((s) => parseAges(s.text)).filter((a) => a !== undefined && !(a.min !== undefined && a.min >= 18));
  const distinct = new Set(ranges.map((a) => `${a!.min}-${a!.max}`));
  return { said, gates: gatesIn(said), ages: distinct.size === 1 ? ranges[0] : undefined };
}

export function uniqueId(pathKey: string, name: string, used: Set<string>): string {
  let id = `${pathKey}#${slug(name)}`;
  for (let n = 2; used.has(id); n++) id = `${pathKey}#${slug(name)}-${n}`;
  used.add(id);
  return id;
}

export interface Inherited {
  gates: string[];
  ages?: ReturnType<typeof parseAges>;
  ageFrom?: string;
  /** The ages the offer's own list states in its lead, when it does. */
  listAges?: ReturnType<typeof parseAges>;
  tier?: AccessTier | null;
  tierLabel?: string;
  eligibility?: string;
}

const ASSESSMENT_ASKED = /\b(?:(?:will |would )?need an? (?:needs )?assessment|(?:following|after|requires?|subject to) an? (?:needs )?assessment|assessment (?:is|will be) (?:required|needed))\b/i;

/** "Some services will usually require an assessment": what some of a section's services ask is no gate of all of them. */
const HEDGED = /\b(?:some|may|might|usually|often|can|could|sometimes)\b/i;

/** A draft from a name and the sentences that speak of it, with what it inherits where its own text is silent. */
export function draftFrom(name: string, own: readonly Sentence[], inherited: Inherited, page: PageScope, id: string, ownTier?: { tier: AccessTier; label?: string }): OfferDraft {
  const text = textOf(own);
  const ages = agesOf(own);
  const charges = parseCharges(text);
  const ownGates = gatesIn(own);
  const tier = ownTier?.tier ?? inherited.tier ?? (ownGates.includes('social_care_assessment') ? 'specialist' : parseTier(text)?.tier) ?? null;
  // A page-wide assessment describes the specialist route: targeted breaks are the ones reached without it.
  const pageGates = tier === 'universal' ? [] : page.gates.filter((g) => !(tier === 'targeted' && g === 'social_care_assessment'));
  // Universal breaks are open to all: what the page or the offer above says of who may use short breaks is not theirs.
  const open = tier === 'universal';
  // In a specialist offer's own words, "you will need an assessment" is the social care assessment that tier is reached by.
  if (tier === 'specialist' && !ownGates.includes('social_care_assessment') && own.some((s) => ASSESSMENT_ASKED.test(s.text.replace(NEGATED_ASSESSMENT, '')) && !HEDGED.test(s.text))) ownGates.push('social_care_assessment');
  // The same holds of what the offer above says: a targeted offer under it does not take its assessment.
  const fromAbove = ownGates.length || open ? [] : inherited.gates.filter((g) => !(tier === 'targeted' && g === 'social_care_assessment'));
  // "Max Cards": an offer that is itself a card is no gate of its own.
  const isCard = parseGates(name).some((g) => g.code === 'registration_card');
  const gates = [...new Set([...ownGates, ...fromAbove, ...pageGates])].filter((g) => !(isCard && g === 'registration_card'));
  // What its own list says of ages ("groups for 0 to 19 year olds ... Examples include:") holds for a universal offer too;
  // the page-wide eligibility and the offer above do not.
  const useAges = ages ?? (open ? inherited.listAges : inherited.ages ?? page.ages);
  const factSentences = own.filter((s) => carriesFacts(s.text));
  const eligibility = own.filter((s) => parseGates(s.text).length || parseAges(s.text) || ELIGIBILITY.test(s.text));
  const costSentences = own.filter((s) => parseCharges(s.text).length || isFree(s.text));
  return {
    external_id: id,
    name,
    description: own.map((s) => s.text).join('\n'),
    eligibility: eligibility.length ? quoteSentences(eligibility, 2000) : inherited.eligibility,
    age_min: useAges?.min,
    age_max: useAges?.max,
    age_note: ages ? ages.note : useAges && `${useAges.note} (${inherited.ages ? `from "${inherited.ageFrom}"` : 'from the page\'s eligibility'})`,
    cost: { status: charges.length ? 'charged' : isFree(text) ? 'free' : 'unknown', charges, note: costSentences.length ? quoteSentences(costSentences, 1000) : undefined },
    allowances: parseAllowances(text),
    gates,
    access_tier: tier,
    tier_label: ownTier?.label ?? inherited.tierLabel,
    evidence_quote: quoteSentences(factSentences.length ? factSentences : own.slice(0, 1), EVIDENCE_MAX),
    confidence: 0.7,
  };
}

// A range of adults only (18 and over) is a route beyond children's short breaks: the offers under it do not take it.
export const inheritedFrom = (d: OfferDraft | undefined): Inherited =>
  d ? { gates: d.gates ?? [], ages: (d.age_min !== undefined || d.age_max !== undefined) && !(d.age_min != null && d.age_min >= 18) ? { min: d.age_min ?? undefined, max: d.age_max ?? undefined, note: d.age_note ?? '' } : undefined, ageFrom: d.name, tier: d.access_tier as AccessTier | null | undefined, tierLabel: d.tier_label, eligibility: d.eligibility } : { gates: [] };
