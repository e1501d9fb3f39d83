// Experiment (issue 15): can a model learned from the labelled pages name offers on pages it was not trained on better
// than the hand rules do? Every heading, list item, table cell, bold run, link and short paragraph is a candidate name
// (its text, and its words before the first ":", "-", "(", "," or "which"); a logistic regression over features of
// markup and wording is trained on all read halves but one and scored on that one (leave one half out). The gates
// (held_out_11, held_out_13) are never read. Run: node bin/run-ts.js test/eval/candidate-model.ts [--words]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { nameScore, type LabelOffer } from './statement-match.js';

const ROOT = join(import.meta.dirname, '../..');
const GATES = new Set(['held_out_11', 'held_out_13']);
const WORDS = process.argv.includes('--words');

interface Candidate {
  half: string;
  page: string;
  tag: string;
  text: string;
  full: string;
  heading: string;
  /** Items in its list, and the share of them that name a kind of provision. */
  listSize: number;
  listServices: number;
  /** What follows it: a heading's section text, a list item's next item. */
  next: string;
  pos: number;
  /** How well it names a labelled offer (statement-match's score), and which. */
  best: number;
  label?: string;
}

const PROVISION = /\b(?:clubs?|schemes?|services?|play\w*|groups?|care|support|activit\w*|centres?|budgets?|payments?|grants?|sitting|befriend\w*|overnight|residential|holiday|youth|sports?|foster|outreach|respite)\b/i;
const FIRST_CLAUSE = /\s*(?::|–|—| - |\.\s|\(|,| which | who | that | for children| for young| is | are | provides?| offers?)\s*/;

function candidatesOf(html: string, half: string, page: string, offers: readonly LabelOffer[]): Candidate[] {
  const $ = cheerio.load(html);
  const all = $('h1,h2,h3,h4,h5,h6,li,td,th,dt,strong,b,a,p').toArray();
  const out: Candidate[] = [];
  let heading = '';
  all.forEach((el, i) => {
    const tag = el.tagName.toLowerCase();
    const full = $(el).text().replace(/\s+/g, ' ').trim();
    if (/^h\d$/.test(tag)) heading = full;
    if (!full) return;
    const items = tag === 'li' ? $(el).parent().children('li').toArray().map((x) => $(x).text()) : [];
    const next = /^h\d$/.test(tag) ? $(el).nextUntil('h1,h2,h3,h4,h5,h6').text().slice(0, 600) : tag === 'li' || tag === 'dt' ? $(el).next().text().slice(0, 300) : '';
    const first = full.split(FIRST_CLAUSE)[0]!.trim();
    for (const text of new Set([full.length <= 120 ? full : '', first].filter((t) => t.length >= 3 && t.length <= 120))) {
      let best = 0;
      let label: string | undefined;
      for (const o of offers) {
        const s = nameScore(o, text);
        if (s > best) [best, label] = [s, o.name];
      }
      out.push({ half, page, tag, text, full, heading, listSize: items.length, listServices: items.length ? items.filter((t) => PROVISION.test(t)).length / items.length : 0, next, pos: i / all.length, best, label });
    }
  });
  return out;
}

const SENTENCE = /\b(?:you|your|we|our|can|will|if|please|should|must|may|how|when|where|why|what|who)\b|\?|\.$/i;
const GOOD_HEADING = /short break|offer|types?|what (?:is|are|we)|activit|services|provision|provid|support|clubs|tier|level|universal|targeted|specialist/i;
const BAD_HEADING = /eligib|apply|contact|complain|feedback|related|useful|more information|document|download|consult|statement|how to|faq|question/i;
const HASHED = 256;
const hash = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % HASHED;
};

function features(c: Candidate): number[] {
  const words = c.text.split(/\s+/);
  const provision = (c.text.match(new RegExp(PROVISION.source, 'gi')) ?? []).length;
  const t = c.tag;
  const f = [
    1, +(t === 'h1'), +(t === 'h2'), +/^h[3-6]$/.test(t), +(t === 'li'), +(t === 'td' || t === 'th'), +(t === 'dt'), +(t === 'strong' || t === 'b'), +(t === 'a'), +(t === 'p'),
    +(c.text === c.full), +(words.length <= 2), +(words.length > 2 && words.length <= 5), +(words.length > 5 && words.length <= 10), +(words.length > 10),
    words.filter((w) => /^[A-Z]/.test(w)).length / words.length, +(provision > 0), Math.min(provision, 3) / 3,
    +SENTENCE.test(c.text), +SENTENCE.test(c.full), +GOOD_HEADING.test(c.heading), +BAD_HEADING.test(c.heading), +BAD_HEADING.test(c.text),
    Math.min(c.listSize, 10) / 10, +(c.listSize >= 3), c.listServices, +(c.listServices >= 0.6), c.pos, +(c.pos < 0.1), +(c.pos > 0.85),
    +/^\d/.test(c.text), +/£|\bhours?\b|\baged?\b|\d/.test(c.full), +/\b(?:ltd|cic|trust|charity|association|project|foundation|centre|house|lodge)\b/i.test(c.text), +(c.full.length > 200),
    +/^(?:the|a|an)\b/i.test(c.text), +/ing$/.test(words[0] ?? ''), +/council|local offer|send|disabilit/i.test(c.text),
    +/\baged?\b|\d+\s*(?:-|to)\s*\d+|£|hours?/i.test(c.next), +(c.next.length > 100), +/\b(?:provid|offer|run|deliver)/i.test(c.next), +(/^h\d$/.test(t) && !c.next),
  ];
  if (!WORDS) return f;
  // --words: the candidate's and its heading's words, hashed into two bags.
  const bag = new Array<number>(2 * HASHED).fill(0);
  for (const w of c.text.toLowerCase().split(/[^a-z]+/).filter(Boolean)) bag[hash(w)] = 1;
  for (const w of c.heading.toLowerCase().split(/[^a-z]+/).filter(Boolean)) bag[HASHED + hash(w)] = 1;
  return [...f, ...bag];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: readonly number[], x: readonly number[]) => x.reduce((a, v, k) => a + v * w[k]!, 0);

/** Logistic regression by batch gradient descent, positives weighted to balance the classes, light L2. */
function train(xs: number[][], ys: number[], epochs = 400, rate = 0.3, l2 = 1e-3): number[] {
  const w = new Array<number>(xs[0]!.length).fill(0);
  const positives = ys.filter(Boolean).length;
  const balance = (ys.length - positives) / Math.max(1, positives);
  for (let e = 0; e < epochs; e++) {
    const g = new Array<number>(w.length).fill(0);
    xs.forEach((x, i) => {
      const err = (ys[i] ? balance : 1) * (sigmoid(dot(w, x)) - ys[i]!);
      for (let k = 0; k < w.length; k++) g[k]! += err * x[k]!;
    });
    for (let k = 0; k < w.length; k++) w[k]! -= rate * (g[k]! / xs.length + l2 * w[k]!);
  }
  return w;
}

const labels = (JSON.parse(readFileSync(join(ROOT, 'test/eval/statement-labels.json'), 'utf8')) as { pages: Array<{ page: string; half: string; offers: LabelOffer[] }> }).pages.filter((p) => !GATES.has(p.half));
const present = labels.filter((p) => existsSync(join(ROOT, 'test/eval/pages', `${p.page}.html`)));
if (!present.length) {
  console.log('No page texts in test/eval/pages/: see test/eval/README.md for how to fill it.');
  process.exit(0);
}
const candidates = present.flatMap((p) => candidatesOf(readFileSync(join(ROOT, 'test/eval/pages', `${p.page}.html`), 'utf8'), p.half, p.page, p.offers));
const labelled = present.reduce((a, p) => a + p.offers.length, 0);
const named = new Set(candidates.filter((c) => c.best >= 0.5).map((c) => `${c.page}|${c.label}`)).size;
console.log(`${present.length} pages of the read halves, ${labelled} labelled offers, ${candidates.length} candidates; ${named} offers (${((100 * named) / labelled).toFixed(1)}%) have a candidate naming them (score >= 0.5)`);

const scored: Array<{ c: Candidate; p: number }> = [];
for (const half of new Set(present.map((p) => p.half))) {
  const rest = candidates.filter((c) => c.half !== half);
  const w = train(rest.map(features), rest.map((c) => +(c.best >= 0.5)));
  for (const c of candidates.filter((x) => x.half === half)) scored.push({ c, p: sigmoid(dot(w, features(c))) });
}
console.log('Leave one half out: names the model gives (one per page and wording), how many name a labelled offer, and how many labelled offers they cover');
for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9]) {
  const given = new Map<string, Candidate>();
  for (const { c, p } of scored) if (p >= threshold) given.set(`${c.page}|${c.text.toLowerCase()}`, c);
  const right = [...given.values()].filter((c) => c.best >= 0.5);
  const covered = new Set(right.map((c) => `${c.page}|${c.label}`)).size;
  console.log(`  p >= ${threshold}: ${given.size} names, ${right.length} right (${((100 * right.length) / Math.max(1, given.size)).toFixed(1)}%), ${covered}/${labelled} offers covered (${((100 * covered) / labelled).toFixed(1)}%)`);
}
