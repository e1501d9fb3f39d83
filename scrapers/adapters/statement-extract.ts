// Shared reading of a short breaks statement (HTML or PDF): heading sections into offer drafts and council facts.
import { CouncilFactSchema, type CouncilFact, type CuratedRecord } from '../../src/domain/index.js';
import { parseAges } from '../../src/text/ages.js';
import { parseAllowances } from '../../src/text/allowances.js';
import { parseCharges, parseDirectPaymentRates } from '../../src/text/charges.js';
import { isFree } from '../../src/text/cost.js';
import { parseGates } from '../../src/text/gates.js';
import { parseTier, TIER_SCHEMES } from '../../src/text/tiers.js';
import type { PageInput } from './adapter.js';
import { buildOffers, offerId, type OfferDraft } from './offer-builder.js';
import { quoteOf } from '../../src/text/clean-text.js';

/** One heading and the text under it; `page` is the PDF page; `continues` marks the rest of the previous section on a new page. */
export interface StatementSection {
  heading: string;
  text: string;
  page?: number;
  level?: number;
  continues?: boolean;
}

/** The topics a statement should cover, and which this module records as said or not said. */
export const STATEMENT_TOPICS = ['eligibility', 'complaints', 'transport', 'carers_assessment'] as const;
export type StatementTopic = (typeof STATEMENT_TOPICS)[number];

const TOPIC_RE: Record<StatementTopic, RegExp> = {
  eligibility: /\b(?:eligib\w*|who can (?:use|get|access|apply|have)|criteria|entitled|qualif(?:y|ies)|(?:how|to) apply|apply for|must (?:be|live|have|get))\b/i,
  complaints: /\b(?:complain\w*|appeal\w*|ombudsman|disagree with (?:a|the|our) decision|challenge (?:a|the|our) decision|not happy with)\b/i,
  transport: /\b(?:transport|travel (?:to|assistance|support|costs|training)|taxis?|escorts?|minibus|getting to (?:and from )?(?:the |your |their )?(?:short breaks?|activit\w*|clubs?|schemes?|venues?))\b/i,
  carers_assessment: /\bcarers?[’']?s?[’']? (?:needs )?assessments?\b|\bassessment of (?:your|their|the carer[’']?s?) (?:own )?needs\b/i,
};
const TOPIC_HEADING: Record<StatementTopic, RegExp> = {
  eligibility: /eligib|who can|how to (?:apply|get|access)|applying/i,
  complaints: /complain|appeal|not happy|unhappy|disagree/i,
  transport: /transport|travel|getting to/i,
  carers_assessment: /carer/i,
};
const TOPIC_LEAD: Record<StatementTopic, [said: string, missing: string, searched: string]> = {
  eligibility: ['The statement sets out who is eligible or how to apply', 'eligibility', 'eligible, eligibility, criteria, who can use or get, entitled, qualify, how to apply'],
  complaints: ['The statement explains how to complain or challenge a decision', 'complaints', 'complain, complaint, appeal, ombudsman, disagree with or challenge a decision, not happy with'],
  transport: ['The statement mentions transport', 'transport', 'transport, travel, taxi, escort, minibus, getting to short breaks or activities'],
  carers_assessment: ["The statement mentions the carer's right to an assessment", "the carer's right to an assessment", "carer's assessment, carers assessment, assessment of the carer's own needs"],
};

const OFFER_HEADING = /short breaks?|play ?schemes?|clubs?|overnight|direct payments?|personal budgets?|grants?|sitting|befriend|buddy|holiday|activit|residential|respite|support at home|home support|care at home|family[- ]based|link carers?|shared care|youth|sport|leisure|universal|targeted|specialist|level \d|sblo|break[- ]time|day-time|night-time/i;
const NON_OFFER_HEADING = /statement|introduction|^about|contents|how to|appl(?:y|ying|ication)|complain|contact|feedback|glossary|what (?:is|are)|why|who (?:can|is)|eligib|our (?:vision|commitment|duty)|review|consultation|transport|travel|getting to|carers?[’']? ?s? assessment|further information|useful|advice|definition|the law|legal|summary|overview|\btiers\b|\blevels\b|range of|cost|charges|how (?:many|much)/i;

interface Sentence {
  text: string;
  page?: number;
}
interface Block {
  heading: string;
  level: number;
  text: string;
  sentences: Sentence[];
}

/** Statement sections carry several facts each, so their evidence may run past the builder's 300-character quote. */
const EVIDENCE_MAX = 1000;

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
const cleanHeading = (h: string) => h.replace(/^\s*(?:part|section|chapter)\s+\d+\s*[:.\-–—]\s*/i, '').replace(/[\s:]+$/, '').trim();
const splitSentences = (text: string, page?: number): Sentence[] =>
  text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"“‘(£])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 1)
    .map((s) => ({ text: s, page }));

/** Joins sentences as a quote, each run of one PDF page led by "p. N:". */
export function quoteSentences(sentences: readonly Sentence[], max: number): string {
  const parts: string[] = [];
  let page: number | undefined;
  let length = 0;
  for (const s of sentences) {
    const piece = s.page !== undefined && s.page !== page ? `p. ${s.page}: ${s.text}` : s.text;
    if (parts.length && length + piece.length + 1 > max) break;
    parts.push(piece);
    page = s.page;
    length += piece.length + 1;
  }
  return parts.join(' ');
}

function toBlocks(sections: readonly StatementSection[]): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    const prev = blocks[blocks.length - 1];
    const sentences = splitSentences(s.text, s.page);
    if (s.continues && prev) {
      prev.text += `\n${s.text}`;
      prev.sentences.push(...sentences);
    } else blocks.push({ heading: s.heading.trim(), level: s.level ?? 2, text: s.text, sentences });
  }
  return blocks;
}

const isOfferHeading = (h: string) => OFFER_HEADING.test(cleanHeading(h)) && !NON_OFFER_HEADING.test(cleanHeading(h));

interface OfferGroup {
  block: Block;
  parent?: OfferGroup;
  sentences: Sentence[];
  draft?: OfferDraft;
}

/** Offer sections with the non-offer subsections under them (a deeper offer heading starts its own offer). */
function groupOffers(blocks: readonly Block[]): { offers: OfferGroup[]; loose: Block[] } {
  const offers: OfferGroup[] = [];
  const loose: Block[] = [];
  const stack: OfferGroup[] = [];
  for (const b of blocks) {
    while (stack.length && stack[stack.length - 1]!.block.level >= b.level) stack.pop();
    if (isOfferHeading(b.heading) && b.sentences.length) {
      const g: OfferGroup = { block: b, parent: stack[stack.length - 1], sentences: [...b.sentences] };
      offers.push(g);
      stack.push(g);
    } else if (stack.length) {
      stack[stack.length - 1]!.sentences.push(...b.sentences);
      loose.push(b);
    } else loose.push(b);
  }
  return { offers, loose };
}

const carriesFacts = (s: string) =>
  Boolean(parseAges(s) || parseAllowances(s).length || parseCharges(s).length || parseGates(s).length || isFree(s) || parseTier(s) || parseDirectPaymentRates(s).length);

function draftOf(g: OfferGroup, pathKey: string, used: Set<string>): OfferDraft {
  const name = cleanHeading(g.block.heading);
  const text = g.sentences.map((s) => s.text).join(' ');
  const headingTier = parseTier(name);
  const parentDraft = g.parent?.draft;
  const bodyTier = parseTier(text);
  const ages = parseAges(text);
  const charges = parseCharges(text);
  const gates = [...new Set(parseGates(text).map((x) => x.code))];
  let id = `${pathKey}#${slug(name)}`;
  for (let n = 2; used.has(id); n++) id = `${pathKey}#${slug(name)}-${n}`;
  used.add(id);
  const factSentences = g.sentences.filter((s) => carriesFacts(s.text));
  const eligibility = g.sentences.filter((s) => parseGates(s.text).length || parseAges(s.text) || TOPIC_RE.eligibility.test(s.text));
  const costSentences = g.sentences.filter((s) => parseCharges(s.text).length || isFree(s.text));
  return {
    external_id: id,
    name,
    description: g.sentences.map((s) => s.text).join('\n'),
    eligibility: eligibility.length ? quoteSentences(eligibility, 2000) : parentDraft?.eligibility,
    age_min: ages ? ages.min : parentDraft?.age_min,
    age_max: ages ? ages.max : parentDraft?.age_max,
    age_note: ages ? ages.note : parentDraft?.age_note && `${parentDraft.age_note} (from "${parentDraft.name}")`,
    cost: {
      status: charges.length ? 'charged' : isFree(text) ? 'free' : 'unknown',
      charges,
      note: costSentences.length ? quoteSentences(costSentences, 1000) : undefined,
    },
    allowances: parseAllowances(text),
    gates: gates.length ? gates : parentDraft?.gates ?? [],
    access_tier: headingTier?.tier ?? parentDraft?.access_tier ?? bodyTier?.tier ?? null,
    tier_label: headingTier ? name : parentDraft?.tier_label,
    evidence_quote: quoteSentences(factSentences.length ? factSentences : g.sentences.slice(0, 1), EVIDENCE_MAX),
    confidence: 0.7,
  };
}

export interface FactDraft {
  topic: string;
  slug: string;
  statement: string;
  evidence: string;
  value?: number;
  unit?: string;
}

export interface StatementFindings {
  drafts: OfferDraft[];
  facts: FactDraft[];
  /** The four statement topics these sections mention. */
  topics: Set<StatementTopic>;
}

/** Reads offers, topic facts, direct-payment rates and the tier model from a statement's sections. */
export function extractStatement(sections: readonly StatementSection[], pathKey: string): StatementFindings {
  const blocks = toBlocks(sections);
  const { offers, loose } = groupOffers(blocks);
  const used = new Set<string>();
  for (const g of offers) g.draft = draftOf(g, pathKey, used);
  const facts: FactDraft[] = [];
  const topics = new Set<StatementTopic>();
  for (const topic of STATEMENT_TOPICS) {
    const says = (b: Block) => b.sentences.some((s) => TOPIC_RE[topic].test(s.text));
    const block = blocks.find((b) => TOPIC_HEADING[topic].test(b.heading) && says(b)) ?? blocks.find(says) ?? blocks.find((b) => TOPIC_RE[topic].test(b.heading));
    if (!block) continue;
    topics.add(topic);
    const hits = block.sentences.filter((s) => TOPIC_RE[topic].test(s.text));
    const quote = quoteSentences(hits.length ? hits : block.sentences.slice(0, 2), 1000);
    facts.push({ topic, slug: `${pathKey}-${slug(block.heading)}`, statement: `${TOPIC_LEAD[topic][0]}: ${quote}`.slice(0, 2000), evidence: quote });
  }
  for (const b of blocks)
    for (const s of b.sentences)
      for (const r of parseDirectPaymentRates(s.text))
        if (!facts.some((f) => f.topic === 'direct_payment_rate' && f.value === r.amount_gbp))
          facts.push({ topic: 'direct_payment_rate', slug: `${pathKey}-${slug(b.heading)}-${String(r.amount_gbp).replace('.', '-')}`, statement: `Direct payments are paid at £${r.amount_gbp} per hour.`, evidence: quoteSentences([s], 1000), value: r.amount_gbp, unit: 'gbp_per_hour' });
  const tierWords = (t: string) => new Set([...t.matchAll(/\b(universal|targeted|specialist)\b/gi)].map((m) => m[1]!.toLowerCase()).concat(TIER_SCHEMES.filter((x) => x.label.test(t)).map((x) => x.name)));
  const model = loose.find((b) => tierWords(b.text).size >= 2);
  if (model) {
    const names = [...tierWords(model.text)].map((w) => w[0]!.toUpperCase() + w.slice(1));
    const lines = model.sentences.filter((s) => tierWords(s.text).size > 0);
    facts.push({ topic: 'tier_model', slug: `${pathKey}-${slug(model.heading)}`, statement: `The statement describes ${names.length} tiers of short breaks: ${names.join(', ')}.`, evidence: quoteSentences(lines, 1000) });
  }
  return { drafts: offers.map((g) => g.draft!), facts, topics };
}

export interface RecordContext {
  page: PageInput;
  adapter: string;
  platform: 'plain_html' | 'pdf';
  /** Set on the statement's last page (or a whole PDF): topics no page mentioned get a "says nothing" fact. */
  absent?: { seen: ReadonlySet<StatementTopic>; pagesChecked: number; statementKey: string };
}

/** Offer and fact records from findings, with the "the statement does not mention X" facts when the statement ends here. */
export function statementRecords(f: StatementFindings, ctx: RecordContext): { records: CuratedRecord[]; problems: string[] } {
  const page: PageInput = { ...ctx.page, source: { ...ctx.page.source, kind: 'statement', platform: ctx.platform } };
  const built = buildOffers(f.drafts, page, ctx.adapter);
  const problems = built.problems;
  const evidence = new Map(f.drafts.map((d) => [offerId(ctx.adapter, page.source.council_code, d.external_id), d.evidence_quote]));
  const offers = built.records.map((o) => ({ ...o, evidence_quote: evidence.get(o.id) || o.evidence_quote }));
  const council = (page.source.council_code ?? 'any').toLowerCase();
  const source = { url: page.url, kind: 'statement' as const, platform: ctx.platform };
  const facts: CouncilFact[] = [];
  const add = (d: FactDraft, confidence: number, note?: string) => {
    const fact = { kind: 'council_fact' as const, id: `statement:${council}:${d.topic}:${slug(d.slug)}`.slice(0, 200), council_code: page.source.council_code ?? '', topic: d.topic, statement: d.statement, value: d.value, unit: d.unit, source, evidence_quote: quoteOf(d.evidence, 1000) || d.statement, published: null, retrieved: page.retrieved, retrieved_note: note, confidence };
    const parsed = CouncilFactSchema.safeParse(fact);
    if (parsed.success) facts.push(parsed.data);
    else problems.push(`fact ${fact.id} not recorded: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  };
  for (const d of f.facts) add(d, 0.8);
  if (ctx.absent) {
    const { seen, pagesChecked, statementKey } = ctx.absent;
    const note = `Covers the ${pagesChecked} page(s) of the statement that were read, ending at ${page.url}; any page not read was not checked.`;
    for (const topic of STATEMENT_TOPICS) {
      if (seen.has(topic) || f.topics.has(topic)) continue;
      const evidence = `No mention of ${TOPIC_LEAD[topic][1]} found in the ${pagesChecked} page(s) of the statement read (searched for: ${TOPIC_LEAD[topic][2]}).`;
      add({ topic, slug: `not-mentioned-${statementKey}`, statement: `The statement does not mention ${TOPIC_LEAD[topic][1]}.`, evidence }, 0.6, note);
    }
  }
  return { records: [...offers, ...facts], problems };
}
