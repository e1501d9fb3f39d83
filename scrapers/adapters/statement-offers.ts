// The offers a statement names: offer headings, the services its lists of provision name, and what the page says of each.
import { parseAges } from '../../src/text/ages.js';
import { parseAllowances } from '../../src/text/allowances.js';
import { parseCharges } from '../../src/text/charges.js';
import { parseGates } from '../../src/text/gates.js';
import { parseTier, type AccessTier } from '../../src/text/tiers.js';
import type { OfferDraft } from './offer-builder.js';
import { cleanHeading, quoteSentences, sentencesOf, splitSentences, type Block, type Sentence } from './statement-blocks.js';
import { carriesFacts, draftFrom, ELIGIBILITY, EVIDENCE_MAX, gatesIn, inheritedFrom, NOT_PROVIDED, pageScope, textOf, uniqueId, type Inherited, type PageScope } from './statement-draft.js';
import { coreName, isGenericName, isOfferHeading, isTierName, ladderRungs, sameService } from './statement-names.js';
import { budgetOffer, pageOffer } from './statement-page-offer.js';
import { tableRuns } from './statement-tables.js';
import { tierItemServices, inlineItems, inlineStrong, isNamedServiceList, MEANS_LEAD, nameLike, namedInSentence, isServiceItem, STRONG_PROVISION_LEAD, isServiceList, itemNames, listRuns, type Line, type ListRun } from './statement-lists.js';

interface Group {
  block: Block;
  parent?: Group;
  sentences: Sentence[];
  runs: ListRun[];
  draft?: OfferDraft;
}


/** Offer headings with the non-offer subsections under them (a deeper offer heading starts its own offer). */
function groupOffers(blocks: readonly Block[], runsOf: Map<Block, ListRun[]>, serviceLines: ReadonlySet<Line>, claimed: ReadonlySet<string>, rungs: ReadonlyMap<Block, AccessTier>): { groups: Group[]; parentOf: Map<Block, Group> } {
  const groups: Group[] = [];
  const parentOf = new Map<Block, Group>();
  const stack: Group[] = [];
  for (const b of blocks) {
    while (stack.length && stack[stack.length - 1]!.block.level >= b.level) stack.pop();
    const own = sentencesOf(b.lines.filter((l) => !serviceLines.has(l))).filter((x) => !claimed.has(x.text));
    const top = stack[stack.length - 1];
    if (top) parentOf.set(b, top);
    if ((isOfferHeading(b.heading) || rungs.has(b)) && b.sentences.length) {
      const g: Group = { block: b, parent: top, sentences: own, runs: runsOf.get(b) ?? [] };
      groups.push(g);
      stack.push(g);
    } else if (top && !b.sentences.some((x) => NOT_PROVIDED.test(x.text))) top.sentences.push(...own);
  }
  return { groups, parentOf };
}

const CHILDCARE_ENTITLEMENT = /\b(?:\d{2}|fifteen|thirty)\s+(?:hours\s+(?:of\s+)?)?(?:free|funded)\s+(?:hours\s+)?(?:of\s+)?(?:nursery|childcare|early education|childminding)|\bfree early education\b/i;

const TIER_OFFER = /\b(universal|targeted|specialist)\s+(?:short breaks?|services?|provision|support|offer)\b/gi;
const SPANS_TIERS = /\buniversal\b[^.]{0,40}\b(?:targeted|specialist|specific)\b|\b(?:targeted|specialist)\b[^.]{0,40}\buniversal\b/i;

/** Offers from each service a list of provision names: the item's own words, then its list's lead, its heading's tier, its offer above. */
function itemDrafts(block: Block, runs: readonly ListRun[], parent: Group | undefined, page: PageScope, pathKey: string, used: Set<string>, rungTier?: AccessTier): OfferDraft[] {
  const drafts: OfferDraft[] = [];
  const headingTier = parseTier(cleanHeading(block.heading)) ?? (rungTier ? { tier: rungTier } : undefined);
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
      listAges: contextAges,
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
      // "Specialist support: this can be access to a direct payment, personal budget and ...", "Short breaks, such as ...": a tier
      // or generic item's services are the offers, as are those an item under a tier heading names ("activities ..., like leisure centres").
      for (const name of itemNames(item.text).flatMap((n) => ((isTierName(n) || isGenericName(n) || headingTier) && tierItemServices(item.text)) || [n])) {
        const own = sentencesOf([item]);
        const itemTier = parseTier(name);
        const d = draftFrom(name, own, inherited, page, uniqueId(pathKey, name, used), itemTier ? { tier: itemTier.tier, label: name } : undefined);
        d.evidence_quote = quoteSentences([...own, ...context.filter((s) => carriesFacts(s.text))], EVIDENCE_MAX);
        drafts.push(d);
      }
  }
  return drafts;
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
  const rungs = ladderRungs(blocks);
  const headsOffer = (b: Block) => isOfferHeading(b.heading) || rungs.has(b);
  const tierOf = (b: Block) => parseTier(cleanHeading(b.heading)) ?? (rungs.has(b) ? { tier: rungs.get(b)! } : undefined);
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
    const tierSection = (isTierName(heading) || isTierName(coreName(heading, siteWords)) || rungs.has(b)) && !entitled && !pageTitle;
    const namedOffer = headsOffer(b) && !tierSection && !isGenericName(heading, siteWords);
    const tables = tableRuns(b.lines);
    for (const l of tables.used) serviceLines.add(l);
    const runs = [...tables.runs, ...(namedOffer ? listRuns(b.lines).filter(isNamedServiceList) : listRuns(b.lines).filter((r) => isServiceList(r, heading)))];
    // Under a tier heading, a bullet that names services inline ("activities include theatre ..., disability sports clubs, and
    // targeted youth groups") gives them, when no list of the section names services itself.
    if (!runs.length && tierSection) {
      const inItems = b.lines.filter((l) => l.item && tierItemServices(l.text));
      if (inItems.length) runs.push({ items: inItems.flatMap((l) => tierItemServices(l.text)!.map((text) => ({ text, item: true, page: l.page }))), lead: b.lines.filter((l) => !inItems.includes(l)), after: [], strong: true });
    }
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
  // short breaks"); a place of stay only outside a section that heads an offer of its own, where it says where that offer happens;
  // a tier described in a sentence only outside a section headed by a tier (inside one, it describes that section's offer).
  const named: Array<{ block: Block; name: string; sentence: Sentence; more: Sentence[] }> = [];
  let owner: { level: number; specific: boolean; tier: boolean } | undefined;
  for (const b of blocks) {
    if (owner && owner.level >= b.level) owner = undefined;
    if (headsOffer(b) && !owner?.specific) owner = { level: b.level, specific: !isGenericName(cleanHeading(b.heading), siteWords), tier: Boolean(tierOf(b)) };
    for (const l of b.lines)
      if (!serviceLines.has(l))
        for (const sentence of sentencesOf([l]))
          for (const n of namedInSentence(sentence.text)) if (n.kind === 'tier' ? !owner?.tier && !tierOf(b) : n.kind === 'provider' || !owner?.specific) named.push({ block: b, name: n.name, sentence, more: [] });
    // "Gibson House provides overnight short breaks. It is for young people aged 11-18": the next sentence, led by "It", is the same service's.
    const all = sentencesOf(b.lines.filter((l) => !serviceLines.has(l)));
    for (const n of named.filter((x) => x.block === b)) {
      const next = all[all.findIndex((x) => x.text === n.sentence.text) + 1];
      if (next && /^(?:It|They|This|These)\b/.test(next.text) && !namedInSentence(next.text).length) n.more.push(next);
    }
  }
  const claimed = new Set(named.flatMap((n) => [n.sentence.text, ...n.more.map((m) => m.text)]));
  const { groups, parentOf } = groupOffers(blocks, runsOf, serviceLines, claimed, rungs);
  const inGroup = new Set<Block>(groups.map((g) => g.block));
  for (const [b, g] of parentOf) if (g) inGroup.add(b);
  const page = pageScope(blocks, inGroup, serviceLines);
  const used = new Set<string>();
  const drafts: OfferDraft[] = [];
  const groupOf = new Map(groups.map((g) => [g.block, g]));
  const offerHeadings = blocks.filter(headsOffer).map((x) => ({ block: x, name: cleanHeading(x.heading) }));
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
      const standsAlone = (!g.runs.length && (providersIn.get(g) ?? 0) < 2) || (!isGenericName(name, siteWords) && !isTierName(coreName(name, siteWords)) && !rungs.has(b) && sentences.some((s) => parseAllowances(s.text).length || parseCharges(s.text).length));
      const headingTier = tierOf(b);
      if (standsAlone && sentences.length) {
        g.draft = draftFrom(name, sentences, inheritedFrom(g.parent?.draft), page, uniqueId(pathKey, name, used), headingTier ? { tier: headingTier.tier, label: name } : undefined);
        drafts.push(g.draft);
      } else g.draft = draftFrom(name, g.sentences, inheritedFrom(g.parent?.draft), page, `${pathKey}#unused`, headingTier ? { tier: headingTier.tier, label: name } : undefined);
    }
    const runs = runsOf.get(b);
    // A list that sums up services the page gives headings of their own ("Level 2 - Self-Referral Short Breaks") adds no offers.
    const headed = offerHeadings.filter((x) => x.block !== b).map((x) => x.name);
    if (runs) drafts.push(...itemDrafts(b, runs, g ?? parentOf.get(b), page, pathKey, used, rungs.get(b)).filter((d) => !headed.some((h) => sameService(d.name, h))));
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
    fallback = pageOffer(blocks, page, pathKey, used, claimed, siteWords) ?? budgetOffer(blocks, page, pathKey, used);
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
