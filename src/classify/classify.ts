// Classifies one offer record against the taxonomy (type, tier, categories, time slots, gates, numbers), with evidence.
// Pure and free of node:* imports: it also runs in Workers. The rules are data (data/taxonomy/classifier-rules.json);
// codes, labels and each type's default categories and time slots come from the taxonomy.
import type { Allowance, Charge } from '../domain/offer.js';
import type { TaxonomyIndex } from '../domain/taxonomy.js';
import type { ClassifierField, ClassifierRules } from './classify-rules.js';
import { decideAges, decideAllowances, decideCharges, decideCost, decideGates, type FieldText } from './classify-numbers.js';
import { decideType, NOT_A_SHORT_BREAK } from './classify-type.js';
import { compileTable, decideMany, decideOne, Scores, scorePatterns, type CompiledTable, type FieldDecision, type FieldTexts } from './classify-score.js';
import { parseTier, TIER_SCHEMES } from '../text/tiers.js';

export type { Evidence, FieldDecision } from './classify-score.js';
export type { ClassifierRules } from './classify-rules.js';

export interface ClassifierInput {
  name: string;
  description?: string;
  eligibility?: string;
  cost_note?: string;
  schedule?: string;
  age_note?: string;
  tier_label?: string;
  evidence_quote?: string;
  source_terms: string[];
}

export interface Classification {
  rules_version: string;
  type: FieldDecision<string>;
  access_tier: FieldDecision<string>;
  statutory_categories: FieldDecision<string[]>;
  time_slots: FieldDecision<string[]>;
  gates: FieldDecision<string[]>;
  ages: FieldDecision<{ min?: number; max?: number }>;
  allowances: FieldDecision<Allowance[]>;
  charges: FieldDecision<Charge[]>;
  cost_status: FieldDecision<'free' | 'charged'>;
}

interface Compiled {
  types: CompiledTable;
  not_a_short_break: CompiledTable;
  access_tiers: CompiledTable;
  statutory_categories: CompiledTable;
  time_slots: CompiledTable;
}
const compiledCache = new WeakMap<ClassifierRules, Compiled>();

function compiled(rules: ClassifierRules, taxonomy: TaxonomyIndex): Compiled {
  let c = compiledCache.get(rules);
  if (!c) {
    c = {
      types: compileTable(rules.types, taxonomy.codes('types')),
      not_a_short_break: compileTable({ [NOT_A_SHORT_BREAK]: rules.not_a_short_break }, [NOT_A_SHORT_BREAK]),
      access_tiers: compileTable(rules.access_tiers, taxonomy.codes('access_tiers')),
      statutory_categories: compileTable(rules.statutory_categories, taxonomy.codes('statutory_categories')),
      time_slots: compileTable(rules.time_slots, taxonomy.codes('time_slots')),
    };
    compiledCache.set(rules, c);
  }
  return c;
}

/** The input's texts by field (blank ones left out), source_terms one text per term. */
function fieldTexts(input: ClassifierInput): FieldTexts {
  const out: FieldTexts = [];
  for (const field of ['name', 'tier_label', 'description', 'eligibility', 'schedule', 'age_note', 'cost_note', 'evidence_quote'] as const) {
    const v = input[field]?.trim();
    if (v) out.push([field, [v]]);
  }
  const terms = (input.source_terms ?? []).map((t) => t.trim()).filter(Boolean);
  if (terms.length) out.push(['source_terms', terms]);
  return out;
}

/** A type's default categories or time slots, scored by how sure the type is. */
function addTypeDefaults(scores: Scores, type: FieldDecision<string>, defaults: string[], weight: number) {
  if (!type.value) return;
  for (const code of defaults) scores.add(code, weight * type.confidence, { field: 'type', phrase: `${type.value} default` });
}

function sortByTaxonomy(d: FieldDecision<string[]>, order: string[]): FieldDecision<string[]> {
  return d.value ? { ...d, value: [...d.value].sort((a, b) => order.indexOf(a) - order.indexOf(b)) } : d;
}

/**
 * Access tier: rule patterns, parseTier (council tier names as in the taxonomy's tier_schemes, the words
 * universal/targeted/specialist, access cues) on the tier label, name and eligibility, the gates (the most
 * restrictive tier any gate implies: a social-care assessment means specialist, a card, benefit or EHC plan
 * without one means targeted) and a weak prior from the type.
 */
function decideTier(
  input: ClassifierInput,
  texts: FieldTexts,
  rules: ClassifierRules,
  taxonomy: TaxonomyIndex,
  table: CompiledTable,
  gates: ReturnType<typeof decideGates>,
  type: FieldDecision<string>,
): FieldDecision<string> {
  const order = taxonomy.codes('access_tiers');
  const scores = new Scores(order);
  scorePatterns(scores, table, texts, rules.field_weights);
  const fw = (f: ClassifierField) => rules.field_weights[f] ?? 1;
  for (const field of rules.tier_parse_fields) {
    const t = field === 'source_terms' ? input.source_terms.join('; ') : input[field];
    if (!t?.trim()) continue;
    const exact = field === 'tier_label' ? TIER_SCHEMES.find((s) => s.name.toLowerCase() === t.trim().replace(/^["'“]|["'”]$/g, '').toLowerCase()) : undefined;
    const m = exact ? { tier: exact.tier, label: exact.name, cue: t.trim() } : parseTier(t);
    if (m && taxonomy.has('access_tiers', m.tier))
      scores.add(m.tier, rules.tier_parse_weight * fw(field), { field, phrase: m.label && m.label !== m.cue ? `${m.cue} (${m.label})` : m.cue });
  }
  const gateFields = new Set(rules.tier_gate_fields);
  const implied = gates.found
    .filter((g) => gateFields.has(g.field))
    .map((g) => ({ ...g, rule: rules.gate_tiers[g.code] }))
    .filter((g): g is typeof g & { rule: { tier: string; weight: number } } => !!g.rule);
  const strictest = Math.max(-1, ...implied.map((g) => order.indexOf(g.rule.tier)));
  const seen = new Set<string>();
  for (const g of implied) {
    if (order.indexOf(g.rule.tier) !== strictest || seen.has(g.code)) continue;
    seen.add(g.code);
    scores.add(g.rule.tier, g.rule.weight * fw(g.field), { field: g.field, phrase: `${g.cue} (gate ${g.code})` });
  }
  const prior = type.value ? rules.type_tiers[type.value] : undefined;
  if (prior) scores.add(prior.tier, prior.weight * type.confidence, { field: 'type', phrase: `${type.value} usually ${prior.tier}` });
  return decideOne(scores.ranked(), rules.threshold);
}

/** Maps one offer record to the taxonomy. Deterministic: the same input and rules always give the same output. */
export function classifyOffer(input: ClassifierInput, rules: ClassifierRules, taxonomy: TaxonomyIndex): Classification {
  const c = compiled(rules, taxonomy);
  const texts = fieldTexts(input);
  const text: FieldText = (field) => {
    if (field === 'source_terms') return input.source_terms.length ? input.source_terms.join('; ') : undefined;
    return input[field]?.trim() || undefined;
  };

  const { decision: type, notABreak } = decideType(texts, rules, taxonomy, c.types, c.not_a_short_break);
  const defaults = type.value ? taxonomy.defaultsOf(type.value) : undefined;

  const catScores = new Scores(taxonomy.codes('statutory_categories'));
  scorePatterns(catScores, c.statutory_categories, texts, rules.field_weights);
  addTypeDefaults(catScores, type, defaults?.categories ?? [], rules.type_default_weight);
  // A service that is not a short break (a school, tuition) gets no statutory category or time slot.
  const unknownIfNotABreak = (d: FieldDecision<string[]>): FieldDecision<string[]> => (notABreak ? { ...d, value: null, confidence: 0 } : d);
  const statutory_categories = unknownIfNotABreak(sortByTaxonomy(decideMany(catScores.ranked(), rules.threshold), taxonomy.codes('statutory_categories')));

  const slotScores = new Scores(taxonomy.codes('time_slots'));
  scorePatterns(slotScores, c.time_slots, texts, rules.field_weights);
  addTypeDefaults(slotScores, type, defaults?.time_slots ?? [], rules.type_default_weight);
  const time_slots = unknownIfNotABreak(sortByTaxonomy(decideMany(slotScores.ranked(), rules.threshold), taxonomy.codes('time_slots')));

  const gateDecision = decideGates(text, rules.parsers.gates);
  const { found: _found, ...gates } = gateDecision;
  const access_tier = decideTier(input, texts, rules, taxonomy, c.access_tiers, gateDecision, type);

  const charges = decideCharges(text, rules.parsers.charges);
  return {
    rules_version: rules.version,
    type,
    access_tier,
    statutory_categories,
    time_slots,
    gates,
    ages: decideAges(text, rules.parsers.ages),
    allowances: decideAllowances(text, rules.parsers.allowances),
    charges,
    cost_status: decideCost(text, rules.parsers.free, charges),
  };
}

