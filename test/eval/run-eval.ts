// Evaluates the offer classifier against hand labels: per-type precision/recall/F1, tier and category accuracy,
// exact-match rates for ages, hours and charges, and the misclassified records for error analysis.
// Run: npm run eval [-- --records FILE --labels FILE]. Writes test/out/eval.json. Reports; never fails.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { indexTaxonomy } from '../../src/domain/taxonomy.js';
import { classifyOffer, type Classification, type ClassifierInput, type Evidence } from '../../src/classify/classify.js';
import { loadClassifierRules } from '../../src/classify/classify-rules.js';

const ROOT = join(import.meta.dirname, '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback);
};
const RECORDS = arg('records', join(ROOT, 'test/eval/records.json'));
const LABELS = arg('labels', join(ROOT, 'test/eval/labels.json'));
const OUT = arg('out', join(ROOT, 'test/out/eval.json'));

interface EvalRecord {
  id: string;
  origin: string;
  council_code: string;
  input: ClassifierInput;
}
interface Hours {
  min?: number | null;
  max: number;
  per: string;
}
interface Label {
  id: string;
  type: string | null;
  access_tier: string | null;
  statutory_categories: string[] | null;
  age_min: number | null;
  age_max: number | null;
  hours: Hours | null;
  charges: Array<{ amount_gbp: number; per: string }>;
  note?: string;
}

const TARGETS = { type_macro_f1: 0.9, tier_accuracy: 0.9, category_accuracy: 0.9, numbers_exact: 0.95 };

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const taxonomy = indexTaxonomy(readJson(join(ROOT, 'data/taxonomy/taxonomy.json')));
const rules = loadClassifierRules(readJson(join(ROOT, 'data/taxonomy/classifier-rules.json')), taxonomy);
const records = readJson<EvalRecord[]>(RECORDS);
const labels = new Map(readJson<Label[]>(LABELS).map((l) => [l.id, l]));

const pct = (n: number | null) => (n === null ? '   -  ' : `${(100 * n).toFixed(1).padStart(5)}%`);
const ratio = (hit: number, of: number) => (of ? hit / of : null);
const setKey = (xs: string[]) => [...xs].sort().join(',');
const chargeKey = (cs: Array<{ amount_gbp: number; per: string }>) => setKey(cs.map((c) => `${c.amount_gbp}/${c.per}`));
const ageKey = (min?: number | null, max?: number | null) => `${min ?? '-'}..${max ?? '-'}`;
const hoursKey = (h: { min?: number | null; max?: number | null; per: string } | null | undefined) => (h ? `${h.min ?? '-'}..${h.max ?? '-'} h/${h.per}` : 'none');

/** The first allowance in hours the classifier found, as the labels record hours. */
const predictedHours = (c: Classification) => {
  const a = c.allowances.value?.find((x) => x.unit === 'hours');
  return a ? { min: a.min, max: a.max, per: a.per } : null;
};

const topEvidence = (evidence: Evidence[], code: string | null, n = 3) =>
  evidence
    .filter((e) => !code || !e.code || e.code === code)
    .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))
    .slice(0, n)
    .map((e) => `${e.field}: "${e.phrase}"${e.weight !== undefined ? ` (${e.weight})` : ''}`);

interface Miss {
  id: string;
  field: string;
  label: string;
  predicted: string;
  confidence: number;
  evidence: string[];
}

const misses: Miss[] = [];
const results: Array<{ id: string; classification: Classification }> = [];
const typeCodes = taxonomy.codes('types');
/** Each labelled record's (label, prediction) type pair, and whether its label is a "generic:" broad-leisure call. */
const typePairs: Array<{ label: string | null; predicted: string | null; generic: boolean }> = [];
const counts = { tier: [0, 0], categories: [0, 0], ages: [0, 0], hours: [0, 0], charges: [0, 0], unlabelled: 0, typeNullBoth: 0 };
const falsePositives = { ages: 0, hours: 0, charges: 0 };

for (const rec of records) {
  const label = labels.get(rec.id);
  if (!label) {
    counts.unlabelled++;
    continue;
  }
  const c = classifyOffer(rec.input, rules, taxonomy); // the input only: labels never reach the classifier
  results.push({ id: rec.id, classification: c });

  const pt = c.type.value;
  const lt = label.type;
  typePairs.push({ label: lt, predicted: pt, generic: /^generic:/i.test(label.note ?? '') });
  if (!pt && !lt) counts.typeNullBoth++;
  if (pt !== lt)
    misses.push({ id: rec.id, field: 'type', label: String(lt), predicted: String(pt), confidence: c.type.confidence, evidence: topEvidence(c.type.evidence, pt) });

  if (label.access_tier !== null) {
    counts.tier[1]!++;
    if (c.access_tier.value === label.access_tier) counts.tier[0]!++;
    else
      misses.push({ id: rec.id, field: 'access_tier', label: label.access_tier, predicted: String(c.access_tier.value), confidence: c.access_tier.confidence, evidence: topEvidence(c.access_tier.evidence, c.access_tier.value) });
  }
  if (label.statutory_categories !== null && label.statutory_categories !== undefined) {
    counts.categories[1]!++;
    const want = setKey(label.statutory_categories);
    const got = setKey(c.statutory_categories.value ?? []);
    if (want === got) counts.categories[0]!++;
    else misses.push({ id: rec.id, field: 'statutory_categories', label: want || '[]', predicted: got || '[]', confidence: c.statutory_categories.confidence, evidence: topEvidence(c.statutory_categories.evidence, null, 4) });
  }
  const ages = c.ages.value;
  if (label.age_min !== null || label.age_max !== null) {
    counts.ages[1]!++;
    const want = ageKey(label.age_min, label.age_max);
    const got = ages ? ageKey(ages.min, ages.max) : 'none';
    if (want === got) counts.ages[0]!++;
    else misses.push({ id: rec.id, field: 'ages', label: want, predicted: got, confidence: c.ages.confidence, evidence: topEvidence(c.ages.evidence, null) });
  } else if (ages) {
    falsePositives.ages++;
    misses.push({ id: rec.id, field: 'ages', label: 'none', predicted: ageKey(ages.min, ages.max), confidence: c.ages.confidence, evidence: topEvidence(c.ages.evidence, null) });
  }
  const hours = predictedHours(c);
  if (label.hours) {
    counts.hours[1]!++;
    if (hoursKey(label.hours) === hoursKey(hours)) counts.hours[0]!++;
    else misses.push({ id: rec.id, field: 'hours', label: hoursKey(label.hours), predicted: hoursKey(hours), confidence: c.allowances.confidence, evidence: topEvidence(c.allowances.evidence, null) });
  } else if (hours) {
    falsePositives.hours++;
    misses.push({ id: rec.id, field: 'hours', label: 'none', predicted: hoursKey(hours), confidence: c.allowances.confidence, evidence: topEvidence(c.allowances.evidence, null) });
  }
  const charges = c.charges.value ?? [];
  if (label.charges?.length) {
    counts.charges[1]!++;
    if (chargeKey(label.charges) === chargeKey(charges)) counts.charges[0]!++;
    else misses.push({ id: rec.id, field: 'charges', label: chargeKey(label.charges), predicted: chargeKey(charges) || 'none', confidence: c.charges.confidence, evidence: topEvidence(c.charges.evidence, null) });
  } else if (charges.length) {
    falsePositives.charges++;
    misses.push({ id: rec.id, field: 'charges', label: 'none', predicted: chargeKey(charges), confidence: c.charges.confidence, evidence: topEvidence(c.charges.evidence, null) });
  }
}

// ---- report ----
/** Per-type precision, recall and F1 (a null on either side is "unknown" and a miss for the other), and their macro-F1 over the types present in the labels. */
function typeMetrics(pairs: typeof typePairs) {
  const rows = typeCodes.map((code) => {
    const tp = pairs.filter((p) => p.predicted === code && p.label === code).length;
    const fp = pairs.filter((p) => p.predicted === code && p.label !== code).length;
    const support = pairs.filter((p) => p.label === code).length;
    const fn = support - tp;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : support ? 0 : null;
    return { code, support, predicted: tp + fp, tp, precision, recall, f1 };
  });
  const present = rows.filter((r) => r.support > 0);
  const macroF1 = present.length ? present.reduce((s, r) => s + (r.f1 ?? 0), 0) / present.length : null;
  return { rows, present: present.length, macroF1 };
}
const allTypes = typeMetrics(typePairs);
const specificTypes = typeMetrics(typePairs.filter((p) => !p.generic));
const typeRows = allTypes.rows;
const macroF1 = allTypes.macroF1;
const metrics = {
  type_macro_f1: macroF1,
  type_macro_f1_without_generic: specificTypes.macroF1,
  tier_accuracy: ratio(counts.tier[0]!, counts.tier[1]!),
  category_accuracy: ratio(counts.categories[0]!, counts.categories[1]!),
  ages_exact: ratio(counts.ages[0]!, counts.ages[1]!),
  hours_exact: ratio(counts.hours[0]!, counts.hours[1]!),
  charges_exact: ratio(counts.charges[0]!, counts.charges[1]!),
};
const met = (v: number | null, target: number) => (v !== null && v >= target - 1e-9 ? 'met' : 'NOT met');

const lines: string[] = [];
const say = (s = '') => lines.push(s);
say(`Classifier evaluation: rules ${rules.version}, taxonomy ${taxonomy.version}`);
say(`${results.length} labelled records (${counts.unlabelled} records without a label skipped); ${counts.typeNullBoth} with no type in label or prediction`);
say();
say(`${'type'.padEnd(30)} ${'n'.padStart(3)} ${'pred'.padStart(4)}  ${'P'.padStart(6)}  ${'R'.padStart(6)}  ${'F1'.padStart(6)}`);
for (const r of typeRows) say(`${r.code.padEnd(30)} ${String(r.support).padStart(3)} ${String(r.predicted).padStart(4)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}`);
say();
const row = (label: string, value: number | null, target: number) => say(`${label.padEnd(50)} ${pct(value)}  target >= ${Math.round(target * 100)}%: ${met(value, target)}`);
row(`macro-F1 type (${allTypes.present} types in labels)`, metrics.type_macro_f1, TARGETS.type_macro_f1);
row(`  without the ${typePairs.filter((p) => p.generic).length} "generic:" labels`, metrics.type_macro_f1_without_generic, TARGETS.type_macro_f1);
row(`access tier accuracy (n=${counts.tier[1]})`, metrics.tier_accuracy, TARGETS.tier_accuracy);
row(`category exact-set accuracy (n=${counts.categories[1]})`, metrics.category_accuracy, TARGETS.category_accuracy);
row(`ages exact (n=${counts.ages[1]}; ${falsePositives.ages} found where none labelled)`, metrics.ages_exact, TARGETS.numbers_exact);
row(`hours exact (n=${counts.hours[1]}; ${falsePositives.hours} found where none labelled)`, metrics.hours_exact, TARGETS.numbers_exact);
row(`charges exact (n=${counts.charges[1]}; ${falsePositives.charges} found where none labelled)`, metrics.charges_exact, TARGETS.numbers_exact);
say();
say(`Misclassified (${misses.length}):`);
for (const m of misses) say(`- ${m.id} [${m.field}] label ${m.label} | predicted ${m.predicted} (conf ${m.confidence}) | ${m.evidence.join('; ') || 'no evidence'}`);
console.log(lines.join('\n'));

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify({ rules_version: rules.version, taxonomy_version: taxonomy.version, records: RECORDS, labels: LABELS, metrics, targets: TARGETS, counts, false_positives: falsePositives, types: typeRows, types_without_generic: specificTypes.rows, misses, results }, null, 1)}\n`,
);
console.log(`\nwrote ${OUT}`);

// Then statement extraction on real pages (its labels in statement-labels.json; the pages themselves are not committed).
await import('./run-statements.js');
await import('./agreement.js');
