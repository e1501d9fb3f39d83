// The classifier's type decision: pattern matches, bundles of activity, the first kind named, and "not a short break".
import type { TaxonomyIndex } from '../domain/taxonomy.js';
import type { ClassifierRules } from './classify-rules.js';
import { addMatches, decideOne, matchPatterns, round, Scores, type CompiledTable, type FieldDecision, type FieldTexts, type Match } from './classify-score.js';

/** The evidence code of phrases that say a service is not a short break (a school, a nursery, tuition...). */
export const NOT_A_SHORT_BREAK = 'not_a_short_break';

/**
 * Where one field other than the name names several kinds of activity ("holiday and Saturday clubs, after-school
 * clubs, buddying") and the name names none, the offer is a bundle: those matches count for the broad leisure type.
 */
function applyBundle(matches: Match[], bundle: NonNullable<ClassifierRules['bundle']>): Match[] {
  const members = new Set(bundle.members);
  // A name that says what kind of activity it is ("Sparkle Saturday Club") is not a bundle, whatever its description lists.
  if (matches.some((m) => m.field === 'name' && !m.broad && m.points > 0)) return matches;
  const fields = new Set<string>(bundle.fields);
  const kinds = new Map<string, Set<string>>();
  for (const m of matches)
    if (fields.has(m.field) && members.has(m.code) && !m.broad && m.points > 0) {
      if (!kinds.has(m.field)) kinds.set(m.field, new Set());
      kinds.get(m.field)!.add(m.code);
    }
  return matches.map((m) => {
    const n = kinds.get(m.field)?.size ?? 0;
    if (n < bundle.min_members || !members.has(m.code) || m.broad || m.points <= 0) return m;
    return { ...m, code: bundle.code, phrase: `${m.phrase} (one of ${n} kinds of activity)` };
  });
}

/** Where the name lists several kinds of activity ("After-school and Saturday clubs"), the first named leads. */
function firstInName(matches: Match[], bundle: NonNullable<ClassifierRules['bundle']>, nameWeight: number): Match | undefined {
  const members = new Set(bundle.members);
  const named = matches.filter((m) => m.field === 'name' && members.has(m.code) && !m.broad && m.points > 0).sort((a, b) => a.at - b.at);
  if (new Set(named.map((m) => m.code)).size < 2 || bundle.first_in_name_bonus === 0) return undefined;
  const first = named[0]!;
  return { ...first, phrase: `${first.phrase} (named first)`, points: bundle.first_in_name_bonus * nameWeight, at: -1 };
}

export interface TypeDecision {
  decision: FieldDecision<string>;
  /** True when "not a short break" outscored every type: the record should get no categories or time slots. */
  notABreak: boolean;
}

export function decideType(texts: FieldTexts, rules: ClassifierRules, taxonomy: TaxonomyIndex, table: CompiledTable, notABreak: CompiledTable): TypeDecision {
  const weights = { ...rules.field_weights, ...rules.type_field_weights };
  let matches = matchPatterns(table, texts, weights);
  if (rules.bundle) {
    const lead = firstInName(matches, rules.bundle, weights.name ?? 1);
    matches = applyBundle(matches, rules.bundle);
    if (lead) matches.push(lead);
  }
  const scores = new Scores(taxonomy.codes('types'));
  addMatches(scores, matches);
  const ranked = scores.ranked();
  const none = new Scores([NOT_A_SHORT_BREAK]);
  addMatches(none, matchPatterns(notABreak, texts, weights));
  const against = none.ranked()[0];
  if (!against || against.score <= 0) return { decision: decideOne(ranked, rules.threshold), notABreak: false };
  const best = ranked.find((c) => c.score > 0);
  if (best && best.score > against.score) {
    const evidence = [...ranked.flatMap((c) => c.evidence), ...against.evidence];
    // A type still wins, but "not a short break" counts as its runner-up.
    const second = Math.max(ranked.filter((c) => c.score > 0)[1]?.score ?? 0, against.score);
    const confidence = round(best.score / (best.score + second + 1));
    return { decision: { value: confidence >= rules.threshold ? best.code : null, confidence, evidence }, notABreak: false };
  }
  const confidence = best ? round(best.score / (best.score + against.score + 1)) : 0;
  return { decision: { value: null, confidence, evidence: [...against.evidence, ...ranked.flatMap((c) => c.evidence)] }, notABreak: true };
}
