// Pattern scoring for the classifier: weighted regex matches per field, and single- and multi-label decisions.
import type { ClassifierField, PatternRule } from './classify-rules.js';

import type { Evidence } from '../domain/index.js';

export type { Evidence };
export interface FieldDecision<T> {
  value: T | null;
  confidence: number;
  evidence: Evidence[];
}

/** The texts of each field an offer has, source_terms as one text per term. */
export type FieldTexts = Array<[ClassifierField, string[]]>;

interface CompiledRule {
  re: RegExp;
  weight: number;
  fields?: ReadonlySet<ClassifierField>;
  broad: boolean;
}
export type CompiledTable = Array<[string, CompiledRule[]]>;

export interface Candidate {
  code: string;
  score: number;
  evidence: Evidence[];
}

export const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Compiles a code -> patterns table, keeping the codes in `order` (the taxonomy's order) for stable tie-breaks. */
export function compileTable(table: Record<string, PatternRule[]>, order: string[]): CompiledTable {
  const codes = Object.keys(table).sort((a, b) => rank(order, a) - rank(order, b));
  return codes.map((code) => [
    code,
    table[code]!.map((r) => ({ re: new RegExp(r.pattern, 'i'), weight: r.weight, fields: r.fields ? new Set(r.fields) : undefined, broad: r.broad ?? false })),
  ]);
}

const rank = (order: string[], code: string) => {
  const i = order.indexOf(code);
  return i < 0 ? order.length : i;
};

/** A growing set of scored candidates, kept in first-seen order. */
export class Scores {
  private readonly byCode = new Map<string, Candidate>();
  constructor(private readonly order: string[]) {}

  add(code: string, points: number, evidence: Omit<Evidence, 'code' | 'weight'>) {
    let c = this.byCode.get(code);
    if (!c) this.byCode.set(code, (c = { code, score: 0, evidence: [] }));
    c.score += points;
    c.evidence.push({ ...evidence, weight: round(points, 2), code });
  }

  /** Candidates best first; ties go to the code earlier in the taxonomy, so the result is deterministic. */
  ranked(): Candidate[] {
    return [...this.byCode.values()]
      .map((c) => ({ ...c, score: round(c.score) }))
      .sort((a, b) => b.score - a.score || rank(this.order, a.code) - rank(this.order, b.code));
  }
}

/** One pattern match: the code it counts for, where, the matched text, its points and its position in the field. */
export interface Match {
  code: string;
  field: ClassifierField;
  phrase: string;
  points: number;
  at: number;
  broad: boolean;
}

/**
 * Every pattern that matches a field, once per field (at its first match), worth weight x field weight.
 * `at` orders matches within a field (source terms: term index, then offset).
 */
export function matchPatterns(table: CompiledTable, texts: FieldTexts, fieldWeights: Partial<Record<ClassifierField, number>>): Match[] {
  const out: Array<Match & { end: number }> = [];
  for (const [code, rules] of table) {
    for (const rule of rules) {
      for (const [field, values] of texts) {
        const fw = fieldWeights[field] ?? 0;
        if (fw === 0 || (rule.fields && !rule.fields.has(field))) continue;
        for (const [i, value] of values.entries()) {
          const m = rule.re.exec(value);
          if (!m) continue;
          const at = i * 100_000 + m.index;
          out.push({ code, field, phrase: squash(m[0]) || squash(value), points: rule.weight * fw, at, end: at + m[0].length, broad: rule.broad });
          break;
        }
      }
    }
  }
  // A broad word inside a specific phrase ("activities" in "holiday activities") adds nothing of its own.
  const inside = (b: Match & { end: number }) => out.some((m) => !m.broad && m.field === b.field && m.at <= b.at && m.end >= b.end);
  return out.filter((m) => !m.broad || !inside(m)).map(({ end: _end, ...m }) => m);
}

export function addMatches(scores: Scores, matches: Match[]) {
  for (const m of matches) scores.add(m.code, m.points, { field: m.field, phrase: m.phrase });
}

/** Adds, for every code, the points of each pattern that matches a field, with the matched text as evidence. */
export function scorePatterns(scores: Scores, table: CompiledTable, texts: FieldTexts, fieldWeights: Partial<Record<ClassifierField, number>>) {
  addMatches(scores, matchPatterns(table, texts, fieldWeights));
}

/**
 * One code from ranked candidates. Confidence = best / (best + runner-up + 1): a lone strong match nears 1,
 * a close runner-up pulls it towards 0.5 and below, and the +1 keeps a single weak match below certainty.
 * Below the threshold the value is null, but the evidence stays so a researcher can see what almost matched.
 */
export function decideOne(ranked: Candidate[], threshold: number): FieldDecision<string> {
  const positive = ranked.filter((c) => c.score > 0);
  const best = positive[0];
  if (!best) return { value: null, confidence: 0, evidence: ranked.flatMap((c) => c.evidence) };
  const second = positive[1]?.score ?? 0;
  const confidence = round(best.score / (best.score + second + 1));
  return {
    value: confidence >= threshold ? best.code : null,
    confidence,
    evidence: ranked.flatMap((c) => c.evidence),
  };
}

/**
 * Every code whose own confidence score / (score + 1) reaches the threshold. The set's confidence is that of
 * its weakest member; with no member the value is null and the confidence that of the strongest near miss.
 */
export function decideMany(ranked: Candidate[], threshold: number): FieldDecision<string[]> {
  const conf = (c: Candidate) => (c.score > 0 ? round(c.score / (c.score + 1)) : 0);
  const chosen = ranked.filter((c) => conf(c) >= threshold);
  const evidence = ranked.flatMap((c) => c.evidence);
  if (!chosen.length) return { value: null, confidence: ranked.length ? Math.max(0, ...ranked.map(conf)) : 0, evidence };
  return { value: chosen.map((c) => c.code), confidence: Math.min(...chosen.map(conf)), evidence };
}
