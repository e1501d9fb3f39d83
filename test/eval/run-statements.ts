// Evaluates statement extraction on real council pages against hand labels (issue 15): fact recall and precision
// on the tuning half and the held-out half. Page texts are others' words and stay out of the repository: they are
// read from test/eval/pages/<page>.html (ignored by git) when present. Labels: test/eval/statement-labels.json.
// Run: npm run eval (after the classifier figures), or node bin/run-ts.js test/eval/run-statements.ts [--half tuning] [--verbose].
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageInput } from '../../scrapers/adapters/adapter.js';
import { parseStatementPage } from '../../scrapers/adapters/statement.js';
import { indexTaxonomy } from '../../src/domain/taxonomy.js';
import { classifyOffer } from '../../src/classify/classify.js';
import { loadClassifierRules } from '../../src/classify/classify-rules.js';
import type { CouncilFact, Offer } from '../../src/domain/index.js';
import { offerFacts, pairOffers, type LabelOffer } from './statement-match.js';

const ROOT = join(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'test/eval/pages');
const LABELS = join(ROOT, 'test/eval/statement-labels.json');
const OUT = join(ROOT, 'test/out/eval-statements.json');
const verbose = process.argv.includes('--verbose');
const onlyHalf = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : undefined;

interface LabelPage {
  page: string;
  url: string;
  council_code: string;
  council: string;
  /** 'tuning', 'held_out', 'held_out_2', ...: see test/eval/README.md. */
  half: string;
  offers: LabelOffer[];
  facts: Array<{ topic: string; value?: number }>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const labels = readJson<{ pages: LabelPage[] }>(LABELS).pages;
const taxonomy = indexTaxonomy(readJson(join(ROOT, 'data/taxonomy/taxonomy.json')));
const rules = loadClassifierRules(readJson(join(ROOT, 'data/taxonomy/classifier-rules.json')), taxonomy);

interface Tally {
  labelled: number;
  found: number;
  predicted: number;
  right: number;
  judged: number;
  judgedRight: number;
  pages: number;
  emptyPages: string[];
  missing: string[];
  /** Per kind of fact (offer, gate, age, allowance, charge, cost, council): [found, labelled, right, predicted]. */
  kinds: Record<string, [number, number, number, number]>;
}
const tally = (): Tally => ({ labelled: 0, found: 0, predicted: 0, right: 0, judged: 0, judgedRight: 0, pages: 0, emptyPages: [], missing: [], kinds: {} });
/** One tally per half, in the order the labels first name them. */
/** The kind of a fact as the eval writes it: "gate=ehc_plan" is a gate, "age_min=5" an age. */
const kindOf = (fact: string) => fact.split('=')[0]!.replace(/^age_(?:min|max)$/, 'age');
const count = (t: Tally, fact: string, slot: 0 | 1 | 2 | 3) => ((t.kinds[kindOf(fact)] ??= [0, 0, 0, 0])[slot] += 1);
const halves: Record<string, Tally> = Object.fromEntries([...new Set(labels.map((p) => p.half))].map((h) => [h, tally()]));
const report: unknown[] = [];
const lines: string[] = [];
const say = (s = '') => lines.push(s);

const present = labels.filter((p) => existsSync(join(PAGES, `${p.page}.html`)));
if (!present.length) {
  console.log(`\nStatement extraction on real pages: skipped. The page texts are not in the repository; save each labelled page
(${labels.length} pages, URLs in test/eval/statement-labels.json) as test/eval/pages/<page>.html, e.g. copy the
development set's excerpts: cp /work/research/pages-{a,b,c}/*.html /work/research/fresh/*.html /work/research/fresh3/*.html /work/research/fresh4/*.html /work/research/fresh5/*.html /work/research/fresh6/*.html test/eval/pages/`);
} else {
  for (const lp of labels) {
    if (onlyHalf && lp.half !== onlyHalf) continue;
    const file = join(PAGES, `${lp.page}.html`);
    if (!existsSync(file)) {
      say(`- ${lp.page}: page text missing (${file})`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const input: PageInput = {
      url: lp.url, finalUrl: lp.url, status: 200, contentType: 'text/html', bytes: new TextEncoder().encode(text), text, label: 'entry', retrieved: '2026-12-04',
      source: { id: 'src_eval', url: lp.url, title: null, notes: null, council_code: lp.council_code, kind: 'statement', platform: 'plain_html' } as PageInput['source'],
    };
    const out = await parseStatementPage(input);
    const offers = out.records.filter((r): r is Offer => r.kind === 'offer');
    const facts = out.records.filter((r): r is CouncilFact => r.kind === 'council_fact' && !r.statement.startsWith('The statement does not mention'));
    const t = halves[lp.half]!;
    t.pages++;
    if (lp.offers.length && !offers.length) t.emptyPages.push(lp.page);
    // Pair each labelled offer with the best-named extracted offer, one to one.
    const match = pairOffers(lp.offers, offers.map((o) => o.name));
    const pageMiss: string[] = [];
    const pageWrong: string[] = [];
    lp.offers.forEach((l, i) => {
      const want = [`offer`, ...offerFacts(l)];
      const j = match.get(i);
      const o = j === undefined ? undefined : offers[j];
      const got = o ? new Set(['offer', ...offerFacts(o)]) : new Set<string>();
      t.labelled += want.length;
      for (const f of want) count(t, f, 1);
      for (const f of want)
        if (got.has(f)) {
          t.found++;
          count(t, f, 0);
        } else pageMiss.push(`${l.name}: ${f}${o ? ` (read as "${o.name}")` : ''}`);
      if (o) {
        const c = classifyOffer({ name: o.name, description: o.description, eligibility: o.eligibility, cost_note: o.cost.note, age_note: o.age_note, tier_label: o.tier_label, evidence_quote: o.evidence_quote, source_terms: o.source_terms ?? [] }, rules, taxonomy);
        for (const [k, v, p] of [['type', l.type, c.type.value], ['access_tier', l.access_tier, o.access_tier ?? c.access_tier.value]] as const)
          if (v) {
            t.judged++;
            if (v === p) t.judgedRight++;
            else pageMiss.push(`${l.name}: ${k}=${v} (classified ${p})`);
          }
      } else t.judged += (l.type ? 1 : 0) + (l.access_tier ? 1 : 0);
    });
    offers.forEach((o, j) => {
      const i = [...match.entries()].find(([, jj]) => jj === j)?.[0];
      const l = i === undefined ? undefined : lp.offers[i];
      const mine = ['offer', ...offerFacts(o)];
      const want = l ? new Set(['offer', ...offerFacts(l)]) : new Set<string>();
      t.predicted += mine.length;
      for (const f of mine) count(t, f, 3);
      for (const f of mine)
        if (want.has(f)) {
          t.right++;
          count(t, f, 2);
        } else pageWrong.push(`${o.name}: ${f}`);
    });
    for (const f of lp.facts) {
      t.labelled++;
      count(t, 'council', 1);
      const ok = facts.some((x) => x.topic === f.topic && (f.value === undefined || x.value === f.value));
      if (ok) {
        t.found++;
        count(t, 'council', 0);
      }
      else pageMiss.push(`council fact ${f.topic}${f.value !== undefined ? `=${f.value}` : ''}`);
    }
    t.missing.push(...pageMiss.map((m) => `${lp.page}: ${m}`));
    report.push({ page: lp.page, half: lp.half, offers: offers.map((o) => ({ name: o.name, facts: offerFacts(o) })), facts: facts.map((f) => f.topic), missed: pageMiss, wrong: pageWrong });
    if (verbose) {
      say(`## ${lp.page} (${lp.half}): ${offers.length} offers: ${offers.map((o) => o.name).join(' | ')}`);
      for (const m of pageMiss) say(`   miss  ${m}`);
      for (const m of pageWrong) say(`   wrong ${m}`);
    }
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  say();
  say('Statement extraction on real pages (facts: each labelled offer by name, its gates, ages, allowances, charges and cost status; council facts by topic)');
  say(`${'half'.padEnd(9)} ${'pages'.padStart(5)}  ${'recall'.padStart(16)}  ${'precision'.padStart(16)}  ${'type+tier (classifier)'.padStart(22)}  pages with offers yielding none`);
  for (const [name, t] of Object.entries(halves)) {
    if (!t.pages) continue;
    say(`${name.padEnd(9)} ${String(t.pages).padStart(5)}  ${`${t.found}/${t.labelled} ${pct(t.found, t.labelled)}`.padStart(16)}  ${`${t.right}/${t.predicted} ${pct(t.right, t.predicted)}`.padStart(16)}  ${`${t.judgedRight}/${t.judged} ${pct(t.judgedRight, t.judged)}`.padStart(22)}  ${t.emptyPages.length}${t.emptyPages.length ? ` (${t.emptyPages.join(', ')})` : ''}`);
  }
  const KINDS = ['offer', 'gate', 'age', 'allowance', 'charge', 'cost', 'council'];
  say();
  say(`By kind of fact: recall (found/labelled), then precision (right/extracted); council facts count in recall only`);
  say(`${'half'.padEnd(11)} ${KINDS.map((k) => k.padStart(17)).join('')}`);
  for (const [name, t] of Object.entries(halves)) {
    if (!t.pages) continue;
    const cell = (k: string) => {
      const [f, l, r, p] = t.kinds[k] ?? [0, 0, 0, 0];
      return `${l ? `${f}/${l}` : '-'} ${k === 'council' ? '' : p ? `${r}/${p}` : '-'}`.trim().padStart(17);
    };
    say(`${name.padEnd(11)} ${KINDS.map(cell).join('')}`);
  }
  say('Targets on held-out pages: recall >= 90%, precision >= 95%, no page with offers yielding none. Each held-out half was labelled before the extractor first ran on it; held_out_11 and held_out_13 have not been read (only their totals are seen: they gate every rule); every other held-out half was read after its first run and is development data (see test/eval/README.md).');
  if (!verbose) say('(node bin/run-ts.js test/eval/run-statements.ts --verbose lists every miss)');
  console.log(lines.join('\n'));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify({ halves, pages: report }, null, 1)}\n`);
}
