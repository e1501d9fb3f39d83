// Decides each taxonomy field of an offer: a researcher's curation first, then what the record itself stated, then
// the classifier's rules; every field says which of the three decided it and why.
import type { Charge, Cost, CurationSet, FieldOutcome, Merged, Stated } from '../domain/index.js';

export type { CurationSet, FieldOutcome, Merged, Stated };
import type { Classification, Evidence } from './classify.js';

const filled = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

export function mergeClassification(stated: Stated, cls: Classification, curation?: { set: CurationSet; reason: string }): Merged {
  const fields: Record<string, FieldOutcome> = {};
  const curated: string[] = [];
  function pick<T>(name: string, statedValue: T, decision: { value: T | null; confidence: number; evidence: Evidence[] }, curatedValue?: T): T | null {
    if (curatedValue !== undefined) {
      curated.push(name);
      fields[name] = { by: 'curation', confidence: 1, evidence: [], reason: curation?.reason };
      return curatedValue;
    }
    if (filled(statedValue)) {
      fields[name] = { by: 'record', confidence: null, evidence: [] };
      return statedValue;
    }
    if (filled(decision.value)) {
      fields[name] = { by: 'rules', confidence: decision.confidence, evidence: decision.evidence };
      return decision.value;
    }
    fields[name] = { by: 'unknown', confidence: decision.confidence, evidence: decision.evidence };
    return null;
  }
  const c = curation?.set ?? {};
  const type = pick('type', stated.type, cls.type, c.type);
  const tier = pick('access_tier', stated.access_tier, cls.access_tier, c.access_tier);
  const categories = pick('statutory_categories', stated.statutory_categories, cls.statutory_categories, c.statutory_categories) ?? [];
  const slots = pick('time_slots', stated.time_slots, cls.time_slots, c.time_slots) ?? [];
  const gates = pick('gates', stated.gates, cls.gates, c.gates) ?? [];
  const statedAges = stated.age_min !== null || stated.age_max !== null ? { min: stated.age_min ?? undefined, max: stated.age_max ?? undefined } : null;
  const curatedAges = c.age_min !== undefined || c.age_max !== undefined ? { min: c.age_min ?? undefined, max: c.age_max ?? undefined } : undefined;
  // Offers hold ages 0-25; a published range beyond that ("12-100") is not a child's age range: unknown, with the reason.
  const inRange = (n?: number) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 25);
  const ruleAges = cls.ages.value && (!inRange(cls.ages.value.min) || !inRange(cls.ages.value.max)) ? { ...cls.ages, value: null } : cls.ages;
  const ages = pick('ages', statedAges, ruleAges, curatedAges);
  if (ruleAges !== cls.ages && fields.ages?.by === 'unknown') fields.ages.reason = `published ages ${JSON.stringify(cls.ages.value)} are outside 0-25`;
  const allowances = pick('allowances', stated.allowances, cls.allowances) ?? [];
  let cost: Cost = stated.cost;
  if (stated.cost.status !== 'unknown') fields.cost = { by: 'record', confidence: null, evidence: [] };
  else if (cls.charges.value?.length || cls.cost_status.value) {
    const charges: Charge[] = cls.charges.value ?? [];
    cost = { status: cls.cost_status.value ?? (charges.length ? 'charged' : 'unknown'), charges, note: stated.cost.note };
    fields.cost = { by: 'rules', confidence: Math.max(cls.charges.confidence, cls.cost_status.confidence), evidence: [...cls.charges.evidence, ...cls.cost_status.evidence] };
  } else fields.cost = { by: 'unknown', confidence: null, evidence: [] };
  return {
    type, access_tier: tier, statutory_categories: categories, time_slots: slots, gates,
    age_min: ages?.min ?? null, age_max: ages?.max ?? null, cost, allowances,
    explanation: { rules_version: cls.rules_version, fields, curated },
  };
}
