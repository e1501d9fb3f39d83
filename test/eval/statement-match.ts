// How a labelled offer is matched to another reading of the same page (the extractor's, or a second reader's), and the
// facts compared: used by the statement eval (run-statements.ts) and the readers' agreement (agreement.ts).

export interface LabelOffer {
  name: string;
  aliases?: string[];
  type: string | null;
  access_tier: string | null;
  gates: string[];
  age_min: number | null;
  age_max: number | null;
  allowances: Array<{ unit: string; max: number | null; per: string }>;
  charges: Array<{ amount_gbp: number; per: string }>;
  cost: 'free' | 'charged' | null;
}

const STOP = new Set('a an and the of for to in at on with our your short break breaks service services'.split(' '));
/** A name as compared: lower case, no bracketed asides, no punctuation, no filler words. */
export const nameTokens = (s: string) =>
  new Set(
    s.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[’']s\b/g, '').split(/[^a-z0-9]+/).filter((t) => t && !STOP.has(t)).map((t) => t.replace(/s$/, '')),
  );
/** Two names match when, normalised, one's words all appear in the other's. */
export function nameScore(label: LabelOffer, name: string): number {
  const got = nameTokens(name);
  let best = 0;
  for (const n of [label.name, ...(label.aliases ?? [])]) {
    const want = nameTokens(n);
    // Names of filler words only ("Short Breaks") match when they are the same words.
    if (!want.size && !got.size && n.toLowerCase().replace(/[^a-z]/g, '') === name.toLowerCase().replace(/[^a-z]/g, '')) best = Math.max(best, 1);
    if (!want.size || !got.size) continue;
    const inter = [...want].filter((t) => got.has(t)).length;
    if (inter === want.size || inter === got.size) best = Math.max(best, inter / new Set([...want, ...got]).size);
  }
  return best;
}

type Fact = string;
export const offerFacts = (o: { gates: string[]; age_min?: number | null; age_max?: number | null; allowances: Array<{ unit: string; max?: number | null; per: string }>; cost: { status?: string | null; charges?: Array<{ amount_gbp: number; per: string }> } | 'free' | 'charged' | null; charges?: Array<{ amount_gbp: number; per: string }> }): Fact[] => {
  const facts: Fact[] = [...new Set(o.gates)].map((g) => `gate=${g}`);
  if (o.age_min !== null && o.age_min !== undefined) facts.push(`age_min=${o.age_min}`);
  if (o.age_max !== null && o.age_max !== undefined) facts.push(`age_max=${o.age_max}`);
  for (const a of o.allowances) facts.push(`allowance=${a.max ?? '-'} ${a.unit}/${a.per}`);
  const charges = typeof o.cost === 'object' && o.cost ? o.cost.charges ?? [] : o.charges ?? [];
  for (const c of charges) facts.push(`charge=£${c.amount_gbp}/${c.per}`);
  const status = typeof o.cost === 'object' && o.cost ? o.cost.status : o.cost;
  if (status === 'free' || status === 'charged') facts.push(`cost=${status}`);
  return [...new Set(facts)];
};

/** Pairs each labelled offer with the best-named offer of the other reading, one to one: label index -> other index. */
export function pairOffers(labelled: readonly LabelOffer[], names: readonly string[]): Map<number, number> {
  const pairs: Array<[number, number, number]> = [];
  labelled.forEach((l, i) => names.forEach((n, j) => {
    const s = nameScore(l, n);
    if (s > 0) pairs.push([s, i, j]);
  }));
  pairs.sort((x, y) => y[0] - x[0]);
  const match = new Map<number, number>();
  const taken = new Set<number>();
  for (const [, i, j] of pairs) {
    if (match.has(i) || taken.has(j)) continue;
    match.set(i, j);
    taken.add(j);
  }
  return match;
}
