// The offers a statement names: offer headings, the services its lists of provision name, and what the page says of each.
import { parseAges } from '../../src/text/ages.js';
import { parseAllowances } from '../../src/text/allowances.js';
import { parseCharges, parseDirectPaymentRates } from '../../src/text/charges.js';
import { isFree } from '../../src/text/cost.js';
import { NEGATED_ASSESSMENT, parseGates } from '../../src/text/gates.js';
import { parseTier, type AccessTier } from '../../src/text/tiers.js';
import type { OfferDraft } from './offer-builder.js';
import { cleanHeading, quoteSentences, sentencesOf, slug, splitSentences, type Block, type Sentence } from './statement-blocks.js';
import { inlineItems, inlineStrong, isNamedServiceList, MEANS_LEAD, nameLike, namedInSentence, isServiceItem, STRONG_PROVISION_LEAD, isServiceList, itemNames, listRuns, type Line, type ListRun } from './statement-lists.js';

const OFFER_HEADING = /short breaks?|personal (?:support|care|assistan\w*)|play ?schemes?|clubs?|overnight|direct payments?|personal budgets?|grants?|sitting|befriend|buddy|holiday|activit|residential|respite|support at home|home support|care at home|family[- ]based|link carers?|shared care|youth|sport|leisure|universal|targeted|specialist|level \d|tier \d|sblo|break[- ]time|day-time|night-time|provision\b|specialised|early help|aiming high/i;
const NON_OFFER_HEADING = /statement|introduction|^about|contents|how to|appl(?:y|ying|ication)(?!\s+(?:scheme|grant|programme|service))|^accessing\b|complain|contact|feedback|glossary|what (?:is|are)|why|who (?:can|is)|eligib|our (?:vision|commitment|duty)|review|consultation|transport|travel|getting to|carers?[’']? ?s? assessment|further information|useful|advice|definition|the law|legal|summary|overview|\btiers\b|\blevels\b|range of|cost|charges|how (?:many|much)|^(?:how|what|who|when|where|why|which|can|do|does|is|are|will|should)\b|\?\s*$|^(?:find|get|search|book|contact|read|see|watch|download|view|click|more information|find out)\b|\bfor adults\b|\badults? (?:social care|services)\b/i;
/** Words that say nothing of which offer a name means: a heading made only of them is the page's subject, not an offer. */
const GENERIC_WORDS = new Set('available s city county borough activities activity respite care categories category types type options range overview guide current changes change update updates info latest new a an and the of for to in at on with our your their short break breaks service services offer offers children child young people person disabled disability disabilities family families carers carer parents and information local council send additional needs special educational who have has'.split(' '));
const EVIDENCE_MAX = 1000;
const NOT_PROVIDED = /\b(?:do not|don[’']t|does not|cannot|can[’']t|will not) (?:provide|offer|fund|accept)\b/i;

const isOfferHeading = (h: string) => OFFER_HEADING.test(cleanHeading(h)) && !NON_OFFER_HEADING.test(cleanHeading(h));
const isGenericName = (name: string, siteWords: ReadonlySet<string> = new Set()) => coreName(name, siteWords) === '';
const nameKey = (name: string) => name.toLowerCase().replace(/\([^)]*\)/g, ' ').split(/[^a-z0-9]+/).filter((w) => w && !GENERIC_WORDS.has(w) && !/^(?:level|tier|\d)$/.test(w)).map((w) => w.replace(/s$/, ''));
/** Whether a list item names a service the page heads a section with: the item's words all in the heading (tier numbers and filler aside). */
const sameService = (a: string, b: string) => {
  const x = nameKey(a);
  const y = new Set(nameKey(b));
  if (!x.length || !y.size) return false;
  return x.every((w) => y.has(w));
};
/** A name without filler or the council's name: "Changes to Targeted Short Breaks in Southwark" is "targeted". */
const coreName = (name: string, siteWords: ReadonlySet<string>) =>
  // "... in Kingston and Richmond": where an offer is, not which.
  name.replace(/\s+in\s+(?:[A-Z][\w'’-]*(?:\s+(?:and|&)\s+|\s+|$))+$/, '').split(/[^A-Za-z0-9]+/).filter((w) => w && !GENERIC_WORDS.has(w.toLowerCase()) && !siteWords.has(w.toLowerCase())).join(' ');
const TIER_WORD = '(?:(?:non[- ])?assessed|universal|targeted|specialist|specialised|level \\d|tier \\d)';
/** "Targeted", "Specialist services", "Targeted and specialist services": a tier's name, nothing more. */
const TIER_NAME = new RegExp(`^\\W*${TIER_WORD}(?:\\s+(?:and|or|&)\\s+${TIER_WORD})?(?:\\s+(?:short breaks?|services?|support|provision|offer))?\\W*$`, 'i');
const isTierName = (name: string) => TIER_NAME.test(name);

const carriesFacts = (s: string) =>
  Boolean(parseAges(s) || parseAllowances(s).length || parseCharges(s).length || parseGates(s).length || isFree(s) || parseTier(s) || parseDirectPaymentRates(s).length);
const gatesIn = (sentences: readonly Sentence[]) => [...new Set(sentences.flatMap((s) => parseGates(s.text).map((g) => g.code)))];
const textOf = (sentences: readonly Sentence[]) => sentences.map((s) => s.text).join(' ');
const ELIGIBILITY = /^for (?:children|young people|families|disabled)\b|\b(?:eligib\w*|criteria|who can|can (?:access|apply|get|use|have|request)|apply if|are for|is for|available (?:for|to)|must (?:be|live|have|get)|entitled|qualif\w*|if (?:your|the|a) (?:child|young person))\b/i;

const HEDGED_AGES = /\b(?:mostly|mainly|largely|generally|typically|usually|normally|primarily)\b/i;
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

interface Group {
  block: Block;
  parent?: Group;
  sentences: Sentence[];
  runs: ListRun[];
  draft?: OfferDraft;
}

/** What the page says of every short break it describes: the gates and ages in its eligibility text outside any offer. */
interface PageScope {
  said: Sentence[];
  gates: string[];
  ages?: ReturnType<typeof parseAges>;
}

function pageScope(blocks: readonly Block[], inGroup: ReadonlySet<Block>, serviceLines: ReadonlySet<Line>): PageScope {
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

/** Offer headings with the non-offer subsections under them (a deeper offer heading starts its own offer). */
function groupOffers(blocks: readonly Block[], runsOf: Map<Block, ListRun[]>, serviceLines: ReadonlySet<Line>, claimed: ReadonlySet<string>): { groups: Group[]; parentOf: Map<Block, Group> } {
  const groups: Group[] = [];
  const parentOf = new Map<Block, Group>();
  const stack: Group[] = [];
  for (const b of blocks) {
    while (stack.length && stack[stack.length - 1]!.block.level >= b.level) stack.pop();
    const own = sentencesOf(b.lines.filter((l) => !serviceLines.has(l))).filter((x) => !claimed.has(x.text));
    const top = stack[stack.length - 1];
    if (top) parentOf.set(b, top);
    if (isOfferHeading(b.heading) && b.sentences.length) {
      const g: Group = { block: b, parent: top, sentences: own, runs: runsOf.get(b) ?? [] };
      groups.push(g);
      stack.push(g);
    } else if (top && !b.sentences.some((x) => NOT_PROVIDED.test(x.text))) top.sentences.push(...own);
  }
  return { groups, parentOf };
}

function uniqueId(pathKey: string, name: string, used: Set<string>): string {
  let id = `${pathKey}#${slug(name)}`;
  for (let n = 2; used.has(id); n++) id = `${pathKey}#${slug(name)}-${n}`;
  used.add(id);
  return id;
}

interface Inherited {
  gates: string[];
  ages?: ReturnType<typeof parseAges>;
  ageFrom?: string;
  tier?: AccessTier | null;
  tierLabel?: string;
  eligibility?: string;
}

const ASSESSMENT_ASKED = /\b(?:(?:will |would )?need an? (?:needs )?assessment|(?:following|after|requires?|subject to) an? (?:needs )?assessment|assessment (?:is|will be) (?:required|needed))\b/i;

const CHILDCARE_ENTITLEMENT = /\b(?:\d{2}|fifteen|thirty)\s+(?:hours\s+(?:of\s+)?)?(?:free|funded)\s+(?:hours\s+)?(?:of\s+)?(?:nursery|childcare|early education|childminding)|\bfree early education\b/i;

/** "Some services will usually require an assessment": what some of a section's services ask is no gate of all of them. */
const HEDGED = /\b(?:some|may|might|usually|often|can|could|sometimes)\b/i;

/** A draft from a name and the sentences that speak of it, with what it inherits where its own text is silent. */
function draftFrom(name: string, own: readonly Sentence[], inherited: Inherited, page: PageScope, id: string, ownTier?: { tier: AccessTier; label?: string }): OfferDraft {
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
  const useAges = ages ?? (open ? undefined : inherited.ages ?? page.ages);
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
const inheritedFrom = (d: OfferDraft | undefined): Inherited =>
  d ? { gates: d.gates ?? [], ages: (d.age_min !== undefined || d.age_max !== undefined) && !(d.age_min != null && d.age_min >= 18) ? { min: d.age_min ?? undefined, max: d.age_max ?? undefined, note: d.age_note ?? '' } : undefined, ageFrom: d.name, tier: d.access_tier as AccessTier | null | undefined, tierLabel: d.tier_label, eligibility: d.eligibility } : { gates: [] };

const TIER_OFFER = /\b(universal|targeted|specialist)\s+(?:short breaks?|services?|provision|support|offer)\b/gi;
const SPANS_TIERS = /\buniversal\b[^.]{0,40}\b(?:targeted|specialist|specific)\b|\b(?:targeted|specialist)\b[^.]{0,40}\buniversal\b/i;

/** Offers from each service a list of provision names: the item's own words, then its list's lead, its heading's tier, its offer above. */
function itemDrafts(block: Block, runs: readonly ListRun[], parent: Group | undefined, page: PageScope, pathKey: string, used: Set<string>): OfferDraft[] {
  const drafts: OfferDraft[] = [];
  const headingTier = parseTier(cleanHeading(block.heading));
  const above = inheritedFrom(parent?.draft);
  for (const run of runs) {
    const context = sentencesOf([...run.lead, ...run.after]);
    // "Short breaks can be universal, targeted or specialist and can include:": a list over open and gated breaks alike
    // takes no tier and no gate from its context or the offer above it.
    const spans = SPANS_TIERS.test(run.lead.length ? run.lead[run.lead.length - 1]!.text : '');
    const contextGates = spans ? [] : gatesIn(context);
    const contextAges = parseAges(textOf(context));
    const fromAbove = spans ? { ...above, gates: [], tier: undefined, tierLabel: undefined } : above;
    const tier = headingTier?.tier ?? (contextGates.includes('social_care_assessment') ? 'specialist' : undefined) ?? fromAbove.tier;
    const inherited: Inherited = {
      gates: [...new Set([...contextGates, ...fromAbove.gates])],
      ages: contextAges ?? above.ages,
      ageFrom: contextAges ? block.heading : above.ageFrom,
      tier,
      tierLabel: headingTier ? cleanHeading(block.heading) : fromAbove.tierLabel,
      eligibility: context.length ? quoteSentences(context.filter((s) => ELIGIBILITY.test(s.text) || parseGates(s.text).length), 2000) || above.eligibility : above.eligibility,
    };
    const lead = run.lead.length ? run.lead[run.lead.length - 1]!.text : '';
    // A list most of whose items name services lists services: its other name-like items are services too
    // ("public spaces, for example, parks" beside "leisure and sports services").
    const mostly = run.items.filter((i) => isServiceItem(i.text)).length / run.items.length >= 0.6 && run.items.length >= 3;
    const strong = run.strong ?? (STRONG_PROVISION_LEAD.test(lead) || MEANS_LEAD.test(lead) || mostly);
    for (const item of run.items.filter((i) => (strong ? nameLike(i.text) : isServiceItem(i.text))))
      for (const name of itemNames(item.text)) {
        const own = sentencesOf([item]);
        const itemTier = parseTier(name);
        const d = draftFrom(name, own, inherited, page, uniqueId(pathKey, name, used), itemTier ? { tier: itemTier.tier, label: name } : undefined);
        d.evidence_quote = quoteSentences([...own, ...context.filter((s) => carriesFacts(s.text))], EVIDENCE_MAX);
        drafts.push(d);
      }
  }
  return drafts;
}

const PHRASE = /\b((?:targeted|specialist|universal|community|assessed|overnight|holiday|aiming high|core offer)\s+)?short[- ]breaks?\b/gi;
/** The page's own offer when it heads none: named by its most used "<kind> short breaks" phrase, with every fact the page states. */
function pageOffer(blocks: readonly Block[], page: PageScope, pathKey: string, used: Set<string>, claimed: ReadonlySet<string>): OfferDraft | undefined {
  const sentences = blocks.flatMap((b) => b.sentences);
  // What the page says of who may have its short breaks, not what it says of other routes ("children under 5 ... a social work
  // assessment") nor of a service it names in a sentence ("... all children: these are called Universal Services").
  const withFacts = page.said.filter((s) => carriesFacts(s.text) && !claimed.has(s.text));
  if (!withFacts.length) return undefined;
  const counts = new Map<string, number>();
  for (const s of [...blocks.map((b) => b.heading), ...sentences.map((x) => x.text)])
    for (const m of s.matchAll(PHRASE)) {
      const key = m[0].toLowerCase().replace(/-/g, ' ').replace(/break$/, 'breaks');
      counts.set(key, (counts.get(key) ?? 0) + 1 + (m[1] ? 1 : 0));
    }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return undefined;
  const name = best[0]!.toUpperCase() + best.slice(1);
  return draftFrom(name, withFacts, { gates: [] }, { ...page, gates: [] }, uniqueId(pathKey, name, used));
}

const BUDGET_USES = /\b((?:allocated|personal|individual|short breaks?)\s+budget)\b[^.]*\bused for\s*:?\s*$/i;
/** "Short breaks could, depending on the child's allocated budget, be used for:": on a page that heads no offer, the budget is its offer. */
function budgetOffer(blocks: readonly Block[], page: PageScope, pathKey: string, used: Set<string>): OfferDraft | undefined {
  for (const b of blocks)
    for (const s of b.sentences) {
      const m = BUDGET_USES.exec(s.text);
      if (!m) continue;
      const name = m[1]![0]!.toUpperCase() + m[1]!.slice(1).toLowerCase();
      return draftFrom(name, [s], { gates: [] }, page, uniqueId(pathKey, name, used));
    }
  return undefined;
}

/** Every offer the statement names, each with what the page says of it. */
export interface OfferOptions {
  /** The words of the site's address: a heading of them and filler names no offer. */
  siteWords?: ReadonlySet<string>;
  /** On a page read on its own (an entry page, not a statement's later part): one offer for the page when it heads none. */
  pageOffer?: boolean;
}

export function statementOffers(blocks: readonly Block[], pathKey: string, opts: OfferOptions = {}): { drafts: OfferDraft[]; loose: Block[] } {
  const siteWords = opts.siteWords ?? new Set<string>();
  const runsOf = new Map<Block, ListRun[]>();
  const serviceLines = new Set<Line>();
  for (const b of blocks) {
    // Lists and examples in one named offer's own section ("Activities can include: ...") describe that offer, not new ones.
    const heading = cleanHeading(b.heading);
    // A tier heading that states its own entitlement before any list ("... access to 76 hours of free activities") is one offer.
    const firstList = b.lines.findIndex((l) => l.item);
    const entitled = sentencesOf(firstList < 0 ? b.lines : b.lines.slice(0, firstList)).some((x) => parseAllowances(x.text).length > 0);
    // The page's own title naming a tier ("Targeted short break activities") is the page's one offer: lists right under it are its content.
    const pageTitle = b === blocks[0] && (b.level ?? 2) <= 1;
    const tierSection = (isTierName(heading) || isTierName(coreName(heading, siteWords))) && !entitled && !pageTitle;
    const namedOffer = isOfferHeading(b.heading) && !tierSection && !isGenericName(heading, siteWords);
    const runs = namedOffer ? listRuns(b.lines).filter(isNamedServiceList) : listRuns(b.lines).filter((r) => isServiceList(r, heading));
    if (!runs.length)
      for (const l of b.lines) {
        const parts = l.item || namedOffer || !(tierSection || STRONG_PROVISION_LEAD.test(l.text)) ? undefined : inlineItems(l.text);
        if (!parts) continue;
        const rest = splitSentences(l.text).filter((x) => !inlineItems(x.text)).map((x) => ({ text: x.text, item: false, page: l.page }));
        runs.push({ items: parts.map((text) => ({ text, item: true, page: l.page })), lead: [...b.lines.filter((x) => x !== l), ...rest], after: [], strong: inlineStrong(l.text) });
        serviceLines.add(l);
        break;
      }
    if (!runs.length) continue;
    runsOf.set(b, runs);
    for (const r of runs) for (const l of [...r.items, ...r.lead, ...r.after]) serviceLines.add(l);
  }
  // Services named inside sentences take those sentences as their own: a provider anywhere ("Gibson House provides overnight
  // short breaks"); a place of stay only outside a section that heads an offer of its own, where it says where that offer happens.
  const named: Array<{ block: Block; name: string; sentence: Sentence; more: Sentence[] }> = [];
  let owner: { level: number; specific: boolean } | undefined;
  for (const b of blocks) {
    if (owner && owner.level >= b.level) owner = undefined;
    if (isOfferHeading(b.heading) && !owner?.specific) owner = { level: b.level, specific: !isGenericName(cleanHeading(b.heading), siteWords) };
    for (const l of b.lines)
      if (!serviceLines.has(l))
        for (const sentence of sentencesOf([l]))
          for (const n of namedInSentence(sentence.text)) if (n.kind === 'provider' || !owner?.specific) named.push({ block: b, name: n.name, sentence, more: [] });
    // "Gibson House provides overnight short breaks. It is for young people aged 11-18": the next sentence, led by "It", is the same service's.
    const all = sentencesOf(b.lines.filter((l) => !serviceLines.has(l)));
    for (const n of named.filter((x) => x.block === b)) {
      const next = all[all.findIndex((x) => x.text === n.sentence.text) + 1];
      if (next && /^(?:It|They|This|These)\b/.test(next.text) && !namedInSentence(next.text).length) n.more.push(next);
    }
  }
  const claimed = new Set(named.flatMap((n) => [n.sentence.text, ...n.more.map((m) => m.text)]));
  const { groups, parentOf } = groupOffers(blocks, runsOf, serviceLines, claimed);
  const inGroup = new Set<Block>(groups.map((g) => g.block));
  for (const [b, g] of parentOf) if (g) inGroup.add(b);
  const page = pageScope(blocks, inGroup, serviceLines);
  const used = new Set<string>();
  const drafts: OfferDraft[] = [];
  const groupOf = new Map(groups.map((g) => [g.block, g]));
  const offerHeadings = blocks.filter((x) => isOfferHeading(x.heading)).map((x) => ({ block: x, name: cleanHeading(x.heading) }));
  const providersIn = new Map<Group, number>();
  for (const n of named) {
    const g = groupOf.get(n.block) ?? parentOf.get(n.block);
    if (g) providersIn.set(g, (providersIn.get(g) ?? 0) + 1);
  }
  for (const b of blocks) {
    const g = groupOf.get(b);
    if (g) {
      const name = cleanHeading(b.heading);
      // A heading over a list of services is an offer of its own only when it names one (not "Targeted", not "Short breaks").
      // The paragraphs before its first list still speak of the heading's own offer ("... gives access to 76 hours ...").
      const before = g.runs.length ? sentencesOf(g.runs[0]!.lead.slice(0, -1)) : [];
      const sentences = [...before, ...g.sentences];
      const standsAlone = (!g.runs.length && (providersIn.get(g) ?? 0) < 2) || (!isGenericName(name, siteWords) && !isTierName(coreName(name, siteWords)) && sentences.some((s) => parseAllowances(s.text).length || parseCharges(s.text).length));
      const headingTier = parseTier(name);
      if (standsAlone && sentences.length) {
        g.draft = draftFrom(name, sentences, inheritedFrom(g.parent?.draft), page, uniqueId(pathKey, name, used), headingTier ? { tier: headingTier.tier, label: name } : undefined);
        drafts.push(g.draft);
      } else g.draft = draftFrom(name, g.sentences, inheritedFrom(g.parent?.draft), page, `${pathKey}#unused`, headingTier ? { tier: headingTier.tier, label: name } : undefined);
    }
    const runs = runsOf.get(b);
    // A list that sums up services the page gives headings of their own ("Level 2 - Self-Referral Short Breaks") adds no offers.
    const headed = offerHeadings.filter((x) => x.block !== b).map((x) => x.name);
    if (runs) drafts.push(...itemDrafts(b, runs, g ?? parentOf.get(b), page, pathKey, used).filter((d) => !headed.some((h) => sameService(d.name, h))));
  }
  for (const n of named) {
    if (drafts.some((d) => sameService(n.name, d.name) || sameService(d.name, n.name))) continue;
    const above = groupOf.get(n.block) ?? parentOf.get(n.block);
    const nameTier = parseTier(n.name);
    drafts.push(draftFrom(n.name, [n.sentence, ...n.more], inheritedFrom(above?.draft), page, uniqueId(pathKey, n.name, used), nameTier ? { tier: nameTier.tier, label: n.name } : undefined));
  }
  // A page about short breaks that heads no offer still describes one: the page's own, named as the page names it.
  // Universal settings open to all are not the page's own short breaks: beside them only, the page's own offer still stands.
  let fallback: OfferDraft | undefined;
  if (opts.pageOffer && drafts.every((d) => d.access_tier === 'universal')) {
    fallback = pageOffer(blocks, page, pathKey, used, claimed) ?? budgetOffer(blocks, page, pathKey, used);
    if (fallback) drafts.push(fallback);
  }
  // The page's subject ("Short breaks for disabled children") is no offer beside the offers it names, unless it says what is given.
  // One offer per name: a page that heads its offer twice ("Targeted short breaks" as title and as section) has one.
  // The one that says most is kept, where the first of them stood.
  const keyOf = (d: OfferDraft) => coreName(d.name, siteWords).toLowerCase() || d.name.toLowerCase();
  const said = (d: OfferDraft) => (d.gates?.length ?? 0) + (d.age_min != null ? 1 : 0) + (d.age_max != null ? 1 : 0) + (d.allowances?.length ?? 0) + (d.cost?.charges?.length ?? 0);
  const best = new Map<string, OfferDraft>();
  for (const d of drafts) if (!best.has(keyOf(d)) || said(d) > said(best.get(keyOf(d))!)) best.set(keyOf(d), d);
  const unique: OfferDraft[] = [];
  for (const d of drafts) {
    const b = best.get(keyOf(d))!;
    if (!unique.includes(b)) unique.push(b);
  }
  // A section on funded childcare ("you may be eligible for 15 free hours nursery or childminding") is an entitlement, not a short break.
  for (let i = unique.length - 1; i >= 0; i--) if (CHILDCARE_ENTITLEMENT.test(unique[i]!.description ?? '') && !/short breaks?|respite/i.test(unique[i]!.name)) unique.splice(i, 1);
  const givesSomething = (d: OfferDraft) => Boolean(d.allowances?.length || d.cost?.charges?.length);
  const specific = unique.filter((d) => !isGenericName(d.name, siteWords));
  const generic = unique.filter((d) => isGenericName(d.name, siteWords));
  const onlyUniversal = specific.every((d) => d.access_tier === 'universal');
  // A page that names no offer describes one, however many generic headings ("Activities", "Short breaks") it has: the first.
  const kept = specific.length ? [...specific, ...generic.filter((d) => givesSomething(d) || (onlyUniversal && d === fallback && d.access_tier !== 'universal'))] : generic.some(givesSomething) ? generic.filter(givesSomething) : generic.slice(0, 1);
  // "An assessment of need is required to access specialist short breaks", wherever it stands: the gate of that tier's offers.
  for (const s of blocks.flatMap((b) => [{ text: cleanHeading(b.heading) }, ...b.sentences])) {
    const named = [...s.text.matchAll(TIER_OFFER)].map((m) => m[1]!.toLowerCase());
    if (new Set(named).size !== 1 || named[0] === 'universal') continue;
    const sentenceGates = gatesIn([s]);
    if (!sentenceGates.length) continue;
    for (const d of kept) if (d.access_tier === named[0] && isTierName(d.name.replace(/\s*\([^)]*\)/g, '')) && !(d.access_tier === 'targeted' && sentenceGates.includes('social_care_assessment'))) d.gates = [...new Set([...(d.gates ?? []), ...sentenceGates])];
  }
  kept.sort((a, b) => unique.indexOf(a) - unique.indexOf(b));
  const loose = blocks.filter((b) => !groupOf.has(b));
  return { drafts: kept, loose };
}
