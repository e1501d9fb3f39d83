// Shared reading of a short breaks statement (HTML or PDF): heading sections into offer drafts and council facts.
import { CouncilFactSchema, type CouncilFact, type CuratedRecord } from '../../src/domain/index.js';
import { parseDirectPaymentRates } from '../../src/text/charges.js';
import { TIER_SCHEMES } from '../../src/text/tiers.js';
import type { PageInput } from './adapter.js';
import { buildOffers, offerId, type OfferDraft } from './offer-builder.js';
import { quoteOf } from '../../src/text/clean-text.js';
import { quoteSentences, slug, toBlocks, type Block, type StatementSection } from './statement-blocks.js';
import { statementOffers, type OfferOptions } from './statement-offers.js';

export type { StatementSection } from './statement-blocks.js';
export { quoteSentences } from './statement-blocks.js';

/** The topics a statement should cover, and which this module records as said or not said. */
export const STATEMENT_TOPICS = ['eligibility', 'complaints', 'transport', 'carers_assessment'] as const;
export type StatementTopic = (typeof STATEMENT_TOPICS)[number];

const TOPIC_RE: Record<StatementTopic, RegExp> = {
  eligibility: /\b(?:eligib\w*|who can (?:use|get|access|apply|have|take part|attend|join)|(?:available|offered) (?:to|for) [^.]{0,60}\bwho\b|(?:short breaks?|support|services?|provision) (?:is|are) (?:only )?for [^.]{0,80}\bwho\b|criteria|entitled|qualif(?:y|ies)|(?:how|to) apply|apply for|must (?:be|live|have|get))\b/i,
  complaints: /\b(?:complain\w*|appeal\w*|ombudsman|disagree with (?:a|the|our) decision|challenge (?:a|the|our) decision|not happy with)\b/i,
  transport: /\b(?:transport|travel (?:to|assistance|support|costs|training)|taxis?|escorts?|minibus|getting to (?:and from )?(?:the |your |their )?(?:short breaks?|activit\w*|clubs?|schemes?|venues?))\b/i,
  carers_assessment: /\bcarers?[’']?s?[’']? (?:needs )?assessments?\b|\bassessment of (?:your|their|the carer[’']?s?) (?:own )?needs\b/i,
};
const TOPIC_HEADING: Record<StatementTopic, RegExp> = {
  eligibility: /eligib|who can|who (?:are|is) [^?]{0,40}\bfor\b|how to (?:apply|get|access)|applying/i,
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

/** Topics a page may speak of in one sentence: its short breaks statement, and consulting families on short breaks. */
const PAGE_TOPICS: Array<[topic: string, re: RegExp, lead: string]> = [
  ['statement', /\bshort[- ]breaks?(?: services?| service's| services')? statement\b|\bstatement of short breaks?\b/i, 'The page refers to the short breaks statement'],
  ['consultation', /\b(?:consult(?:ation|ations|ed|ing)|co-?produc(?:e|ed|tion|ing)|(?:we would like|we want|we'd like) (?:to hear )?your views|have your say|(?:are|is) proposing (?:some )?changes)\b/i, 'The page speaks of consulting families on short breaks'],
];

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
export function extractStatement(sections: readonly StatementSection[], pathKey: string, opts: OfferOptions = {}): StatementFindings {
  const blocks = toBlocks(sections);
  const { drafts, loose } = statementOffers(blocks, pathKey, opts);
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
  // Tiers may also be the page's headings ("Universal", "Targeted", "Specialist"), each its own section.
  const tierHeadings = blocks.filter((b) => tierWords(b.heading).size > 0 && b.heading.length <= 80);
  const headingTiers = new Set(tierHeadings.flatMap((b) => [...tierWords(b.heading)]));
  if (model) {
    const names = [...tierWords(model.text)].map((w) => w[0]!.toUpperCase() + w.slice(1));
    const lines = model.sentences.filter((s) => tierWords(s.text).size > 0);
    facts.push({ topic: 'tier_model', slug: `${pathKey}-${slug(model.heading)}`, statement: `The statement describes ${names.length} tiers of short breaks: ${names.join(', ')}.`, evidence: quoteSentences(lines, 1000) });
  } else if (headingTiers.size >= 2) {
    const names = [...headingTiers].map((w) => w[0]!.toUpperCase() + w.slice(1));
    facts.push({ topic: 'tier_model', slug: `${pathKey}-tier-headings`, statement: `The statement describes ${names.length} tiers of short breaks: ${names.join(', ')}.`, evidence: `Headings: ${tierHeadings.map((b) => b.heading).join('; ')}`.slice(0, 1000) });
  }
  for (const [topic, re, lead] of PAGE_TOPICS) {
    // A heading speaks too ("What the short breaks service statement is", "Bolton Short Breaks Statement").
    const hit = blocks.flatMap((b) => [{ b, s: { text: b.heading } }, ...b.sentences.map((s) => ({ b, s }))]).find(({ s }) => re.test(s.text));
    if (hit) facts.push({ topic, slug: `${pathKey}-${topic}-${slug(hit.b.heading)}`, statement: `${lead}: ${quoteSentences([hit.s], 900)}`, evidence: quoteSentences([hit.s], 1000) });
  }
  return { drafts, facts, topics };
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

/** The words of a page's host ("www.leicestershire.gov.uk" gives "leicestershire"), to tell a council's name in a heading. */
export const siteWordsOf = (url: string): Set<string> => {
  try {
    return new Set(new URL(url).hostname.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3 && !['www', 'gov', 'org', 'localoffer', 'direct'].includes(w)));
  } catch {
    return new Set();
  }
};
