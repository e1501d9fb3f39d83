// How far two readers agree on the same pages (issue 15): the second reader's labels scored against the first's with the
// eval's own matching, beside the extractor's figures on the same pages. It bounds what the statement eval can measure:
// an extractor cannot agree with one reader more than a second careful reader does, except by chance.
// Run: node bin/run-ts.js test/eval/agreement.ts [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offerFacts, pairOffers, type LabelOffer } from './statement-match.js';

interface Page {
  page: string;
  half: string;
  offers: LabelOffer[];
  facts: Array<{ topic: string }>;
}
const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => (JSON.parse(readFileSync(join(ROOT, 'test/eval', file), 'utf8')) as { pages: Page[] }).pages;
const first = new Map(read('statement-labels.json').map((p) => [p.page, p]));
const second = read('statement-labels-second-reader.json');
const verbose = process.argv.includes('--verbose');

let labelled = 0, found = 0, predicted = 0, right = 0, offersA = 0, offersB = 0, offersBoth = 0, topicsA = 0, topicsBoth = 0;
const lines: string[] = [];
for (const b of second) {
  const a = first.get(b.page);
  if (!a) continue;
  const match = pairOffers(a.offers, b.offers.map((o) => o.name));
  const facts = (o: LabelOffer) => new Set(['offer', ...offerFacts(o)]);
  const pageMiss: string[] = [];
  a.offers.forEach((l, i) => {
    const j = match.get(i);
    const got = j === undefined ? new Set<string>() : facts(b.offers[j]!);
    for (const f of facts(l)) {
      labelled++;
      if (got.has(f)) found++;
      else pageMiss.push(`${l.name}: ${f}`);
    }
  });
  const pageExtra: string[] = [];
  b.offers.forEach((o, j) => {
    const i = [...match.entries()].find(([, jj]) => jj === j)?.[0];
    const want = i === undefined ? new Set<string>() : facts(a.offers[i]!);
    for (const f of facts(o)) {
      predicted++;
      if (want.has(f)) right++;
      else pageExtra.push(`${o.name}: ${f}`);
    }
  });
  offersA += a.offers.length;
  offersB += b.offers.length;
  offersBoth += match.size;
  const topics = new Set(b.facts.map((f) => f.topic));
  topicsA += a.facts.length;
  topicsBoth += a.facts.filter((f) => topics.has(f.topic)).length;
  if (verbose) {
    lines.push(`## ${b.page} (${a.half}): first reader ${a.offers.length} offers, second ${b.offers.length}, named alike ${match.size}`);
    for (const m of pageMiss) lines.push(`   first only   ${m}`);
    for (const m of pageExtra) lines.push(`   second only  ${m}`);
  }
}
const pct = (x: number, y: number) => (y ? `${((100 * x) / y).toFixed(1)}%` : '-');
lines.push('', `Two readers on the same ${second.length} pages (offer facts as the statement eval counts them)`);
lines.push(`- the first reader's offer facts the second also labels: ${found}/${labelled} ${pct(found, labelled)} (the "recall" of the second reader)`);
lines.push(`- the second reader's offer facts the first also labels: ${right}/${predicted} ${pct(right, predicted)} (the "precision" of the second reader)`);
lines.push(`- offers: first ${offersA}, second ${offersB}, paired by name ${offersBoth}; council facts by topic: ${topicsBoth}/${topicsA} ${pct(topicsBoth, topicsA)}`);
console.log(lines.join('\n'));
