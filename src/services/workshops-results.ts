// A workshop's results from the store's tally (counts per option, factor, role and score): totals, means by role and
// by factor, the spread of scores, approved comments and decisions. Means are null where nobody scored: missing, not zero.
import { SCORE_VALUES, WORKSHOP_ROLES, type OptionResult, type Role, type ScoreValue, type Tally, type Workshop, type WorkshopComment, type WorkshopResults } from '../domain/workshop.js';
import type { TallyRow } from '../store/workshop-store.js';

interface Acc {
  n: number;
  sum: number;
}

const acc = (): Acc => ({ n: 0, sum: 0 });
const add = (a: Acc, score: number, n: number) => {
  a.n += n;
  a.sum += score * n;
};
/** A mean to two decimals; null when there are no scores. */
const tally = (a: Acc): Tally => ({ responses: a.n, mean: a.n ? Math.round((a.sum / a.n) * 100) / 100 : null });

export interface ResultsInput {
  workshop: Workshop;
  tally: readonly TallyRow[];
  participants: ReadonlyArray<{ role: Role; n: number }>;
  /** Distinct participants who scored each option. */
  scorers: ReadonlyArray<{ option_id: string; n: number }>;
  comments: readonly WorkshopComment[];
  version: string;
}

export function buildResults(input: ResultsInput): WorkshopResults {
  const { workshop } = input;
  const byOption = new Map(workshop.options.map((o) => [o.id, { all: acc(), role: new Map<Role, Acc>(), factor: new Map<string, Acc>(), spread: new Map<ScoreValue, number>() }]));
  for (const r of input.tally) {
    const o = byOption.get(r.option_id);
    if (!o) continue;
    add(o.all, r.score, r.n);
    add(o.role.get(r.role) ?? o.role.set(r.role, acc()).get(r.role)!, r.score, r.n);
    add(o.factor.get(r.factor) ?? o.factor.set(r.factor, acc()).get(r.factor)!, r.score, r.n);
    const v = String(r.score) as ScoreValue;
    o.spread.set(v, (o.spread.get(v) ?? 0) + r.n);
  }
  const scorers = new Map(input.scorers.map((s) => [s.option_id, s.n]));
  const options: OptionResult[] = workshop.options.map((opt) => {
    const o = byOption.get(opt.id)!;
    return {
      id: opt.id,
      title: opt.title,
      participants: scorers.get(opt.id) ?? 0,
      ...tally(o.all),
      by_role: Object.fromEntries(WORKSHOP_ROLES.map((role) => [role, tally(o.role.get(role) ?? acc())])) as Record<Role, Tally>,
      by_factor: Object.fromEntries(workshop.factors.map((f) => [f.id, tally(o.factor.get(f.id) ?? acc())])),
      spread: Object.fromEntries(SCORE_VALUES.map((v) => [v, o.spread.get(v) ?? 0])) as Record<ScoreValue, number>,
      comments: input.comments.filter((c) => c.option === opt.id),
      decision: opt.decision,
    };
  });
  const by_role = Object.fromEntries(WORKSHOP_ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const p of input.participants) if (p.role in by_role) by_role[p.role] += p.n;
  return {
    code: workshop.code,
    title: workshop.title,
    council_name: workshop.council_name,
    status: workshop.status,
    participants: { total: Object.values(by_role).reduce((a, b) => a + b, 0), by_role },
    options,
    version: input.version,
  };
}

/** The CSV's columns, so a workshop with no options still has its header. */
export const resultsCsvColumns = (factors: Workshop['factors']): string[] => [
  'option',
  'title',
  'participants',
  'responses',
  'mean',
  ...factors.map((f) => `mean_${f.id}`),
  ...WORKSHOP_ROLES.map((r) => `mean_${r}`),
  ...WORKSHOP_ROLES.map((r) => `responses_${r}`),
  ...SCORE_VALUES.map((v) => `scored_${v}`),
  'decision',
  'decision_reason',
];

/** The results as CSV rows: one per option, then its mean by factor and by role (empty where nobody scored). */
export function resultsCsvRows(results: WorkshopResults, factors: Workshop['factors']): Array<Record<string, string | number | null>> {
  return results.options.map((o) => ({
    option: o.id,
    title: o.title,
    participants: o.participants,
    responses: o.responses,
    mean: o.mean,
    ...Object.fromEntries(factors.map((f) => [`mean_${f.id}`, o.by_factor[f.id]?.mean ?? null])),
    ...Object.fromEntries(WORKSHOP_ROLES.map((r) => [`mean_${r}`, o.by_role[r].mean])),
    ...Object.fromEntries(WORKSHOP_ROLES.map((r) => [`responses_${r}`, o.by_role[r].responses])),
    ...Object.fromEntries(SCORE_VALUES.map((v) => [`scored_${v}`, o.spread[v]])),
    decision: o.decision?.decision ?? null,
    decision_reason: o.decision?.reason ?? null,
  }));
}
