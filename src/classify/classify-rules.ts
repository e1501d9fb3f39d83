// The classifier's rules as data: their schema, and a loader that checks every code they name against the taxonomy
// (codes, labels and each type's defaults come from the taxonomy itself, never copied into the rules).
import { z } from 'zod';
import type { TaxonomyFacet, TaxonomyIndex } from '../domain/taxonomy.js';

/** The ClassifierInput fields a rule can look at (`type` is only used in evidence for type defaults). */
export const CLASSIFIER_FIELDS = [
  'name',
  'description',
  'eligibility',
  'cost_note',
  'schedule',
  'age_note',
  'tier_label',
  'evidence_quote',
  'source_terms',
] as const;
export const ClassifierField = z.enum(CLASSIFIER_FIELDS);
export type ClassifierField = z.infer<typeof ClassifierField>;

const validRegex = (source: string) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
};

export const PatternRuleSchema = z
  .object({
    /** A regular expression source, matched case-insensitively. */
    pattern: z.string().min(1).refine(validRegex, { message: 'not a valid regular expression' }),
    /** Points a match adds to the code (negative to count against it). */
    weight: z.number().refine((w) => w !== 0, { message: 'a weight of 0 does nothing' }),
    /** Only look in these fields (default: every field with a weight). */
    fields: z.array(ClassifierField).min(1).optional(),
    /** A broad word ("activities", "clubs") that never makes a list of several kinds of activity (see `bundle`). */
    broad: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type PatternRule = z.infer<typeof PatternRuleSchema>;

const PatternTable = z.record(z.string(), z.array(PatternRuleSchema));

/** A field a number parser reads, and how far a value read from it is trusted. */
const ParseSource = z.object({ field: ClassifierField, confidence: z.number().min(0).max(1) }).strict();

export const ClassifierRulesSchema = z
  .object({
    version: z.string().min(1),
    taxonomy_version: z.string().min(1),
    description: z.string().optional(),
    /** Confidence below which a decision is left unknown (null). */
    threshold: z.number().min(0).max(1),
    /** Multiplier for a match in each field; a field not listed counts 0 (is not read by patterns). */
    field_weights: z.partialRecord(ClassifierField, z.number().nonnegative()),
    /** Field weights that differ for the type decision (e.g. a quote that lists a council's whole offer says little about one offer's type). */
    type_field_weights: z.partialRecord(ClassifierField, z.number().nonnegative()).default({}),
    /** Score a type's default category or time slot gets (times the type's confidence). */
    type_default_weight: z.number().positive(),
    /** Score parseTier's answer gets on a field (times that field's weight). */
    tier_parse_weight: z.number().positive(),
    /** The fields parseTier reads. */
    tier_parse_fields: z.array(ClassifierField).min(1),
    /** Access tier a gate implies; the most restrictive implied tier wins (an assessment outranks a card). */
    gate_tiers: z.record(z.string(), z.object({ tier: z.string(), weight: z.number().positive() }).strict()),
    /** The fields whose gates imply a tier (a quote may describe a council's other tiers too). */
    tier_gate_fields: z.array(ClassifierField).min(1),
    /** Weak prior a type lends to a tier (e.g. overnight units need an assessment). */
    type_tiers: z.record(z.string(), z.object({ tier: z.string(), weight: z.number().positive() }).strict()).default({}),
    types: PatternTable,
    /** Phrases of services that are not short breaks (schools, nurseries, tuition, therapy): they compete with the types, and win as unknown. */
    not_a_short_break: z.array(PatternRuleSchema).default([]),
    /**
     * Bundles of activity: where one field (other than the name) names several kinds of activity (`members`), the offer
     * is a bundle, and those matches count for `code` (the broad leisure type). Where the name lists several kinds,
     * the first named gets `first_in_name_bonus` (times the name's weight).
     */
    bundle: z
      .object({
        code: z.string(),
        members: z.array(z.string()).min(2),
        min_members: z.number().int().min(2),
        fields: z.array(ClassifierField).min(1),
        first_in_name_bonus: z.number().nonnegative(),
      })
      .strict()
      .optional(),
    access_tiers: PatternTable,
    statutory_categories: PatternTable,
    time_slots: PatternTable,
    /** Which fields the phrase parsers read, most specific first; the first field that yields a value wins. */
    parsers: z
      .object({
        ages: z.array(ParseSource).min(1),
        allowances: z.array(ParseSource).min(1),
        charges: z.array(ParseSource).min(1),
        free: z.array(ParseSource).min(1),
        gates: z.array(ClassifierField).min(1),
      })
      .strict(),
  })
  .strict();
export type ClassifierRules = z.infer<typeof ClassifierRulesSchema>;

/** Validates the rules and checks that every code they name exists in the taxonomy, naming any that does not. */
export function loadClassifierRules(raw: unknown, taxonomy: TaxonomyIndex): ClassifierRules {
  const parsed = ClassifierRulesSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`classifier rules: ${first}`);
  }
  const rules = parsed.data;
  if (rules.taxonomy_version !== taxonomy.version)
    throw new Error(`classifier rules: written for taxonomy ${rules.taxonomy_version}, but the taxonomy is ${taxonomy.version}`);
  const problems: string[] = [];
  const check = (facet: TaxonomyFacet, code: string, where: string) => {
    if (!taxonomy.has(facet, code)) problems.push(`${where} names unknown ${facet} code "${code}"`);
  };
  for (const code of Object.keys(rules.types)) check('types', code, 'types');
  if (rules.bundle) {
    check('types', rules.bundle.code, 'bundle.code');
    for (const code of rules.bundle.members) check('types', code, 'bundle.members');
  }
  for (const code of Object.keys(rules.access_tiers)) check('access_tiers', code, 'access_tiers');
  for (const code of Object.keys(rules.statutory_categories)) check('statutory_categories', code, 'statutory_categories');
  for (const code of Object.keys(rules.time_slots)) check('time_slots', code, 'time_slots');
  for (const [gate, { tier }] of Object.entries(rules.gate_tiers)) {
    check('gates', gate, 'gate_tiers');
    check('access_tiers', tier, `gate_tiers.${gate}`);
  }
  for (const [type, { tier }] of Object.entries(rules.type_tiers)) {
    check('types', type, 'type_tiers');
    check('access_tiers', tier, `type_tiers.${type}`);
  }
  if (problems.length) throw new Error(`classifier rules: ${problems.join('; ')}`);
  return rules;
}
