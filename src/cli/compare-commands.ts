// `sbb compare CODE`, `sbb gaps CODE` and `sbb score --all`: the scoring engine from the command line.
import type { Command } from 'commander';
import { toCsv } from '../text/csv.js';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { scoringModelFor } from '../services/scoring-model.js';
import { DIMENSIONS, SCORING_CONFIG } from '../scoring/config.js';
import { compare, gaps, scoreAll, type CompareResult, type GapsResult, type ScoringModel, type ScoringOptions } from '../scoring/compare.js';
import { formatMetric, formatShare, MEMBER_COLUMNS, memberRows, positionSentence, SCORE_COLUMNS, scoreRows } from '../scoring/present.js';
import { databaseOf, intOption, usage } from './options.js';
import { printJson, printTable } from './output.js';

type Format = 'table' | 'json' | 'csv';
const FORMATS: Format[] = ['table', 'json', 'csv'];

const formatOption = (v: string): Format => {
  if (!FORMATS.includes(v as Format)) throw usage(`--format: "${v}" is not one of ${FORMATS.join(', ')}`);
  return v as Format;
};

const numberOption = (flag: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw usage(`${flag}: "${v}" is not a number above 0`);
  return n;
};

interface ScoringFlags {
  db?: string;
  group?: string;
  weights?: string;
  samples?: number;
  seed?: number;
  concentration?: number;
  format: Format;
}

const withModel = <T>(database: string, run: (model: ScoringModel) => T): Promise<T> =>
  withDatabase(database, { readonly: true }, async (store) => run(await scoringModelFor(store)));

const scoringOptions = (o: ScoringFlags): ScoringOptions => ({ group: o.group, weights: o.weights, samples: o.samples, seed: o.seed, concentration: o.concentration });

function addScoringFlags(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'database file')
    .option('--group <group>', 'comparator group: sn2025 (default), sn2021, region, type, positive-inspection or custom:CODE,CODE...')
    .option('--weights <weights>', 'a preset (balanced, equity-first, choice-first, quality-first, suitability-first) and/or choice=..,equity=..,quality=..,suitability=..')
    .option('--format <format>', 'table, json or csv', formatOption, 'table' as Format);
}

const out = (s: string) => process.stdout.write(s);

function printCompare(r: CompareResult, explainAll: boolean): void {
  const w = r.weights;
  out(`${r.council.name} (${r.council.code}), ${r.council.region_name}\n`);
  out(`Compared with: ${r.group.name} [${r.group.version}]\n  ${r.group.reason}\n`);
  out(`Method ${r.method_version}, taxonomy ${r.taxonomy_version}, data as of ${r.data_date ?? 'unknown'}; weights ${w.label}: ${DIMENSIONS.map((d) => `${d} ${(100 * w.weights[d]).toFixed(0)}%`).join(', ')}\n`);
  // Warnings come before the results they qualify, not after them.
  if (r.warnings.length) out(`\nWarnings\n${r.warnings.map((x) => `- ${x}`).join('\n')}\n`);
  out('\n');
  printTable(
    memberRows(r).map((m) => ({
      ...m,
      council: m.local === 'yes' ? `${m.council} (local)` : m.council,
      // An unranked council shows no overall score: only its dimensions (what is known) and why it is not ranked.
      composite: m.rank === null || m.composite === null ? null : Number(m.composite).toFixed(1),
      ...Object.fromEntries(DIMENSIONS.map((d) => [d, m[d] === null ? null : Number(m[d]).toFixed(0)])),
      evidence: formatShare(m.evidence as number),
      p_same_rank: m.p_same_rank === null ? null : formatShare(m.p_same_rank as number),
    })),
    ['rank', 'council', 'composite', ...DIMENSIONS, 'evidence', 'offers', 'p_same_rank', 'note'],
  );
  out(`\nScores are 0-100 within the group (100 = best in the group on that measure); "evidence" is the share of the weighted inputs that are known; a council is ranked only when it is at least ${formatShare(r.min_coverage_to_rank)}.\n`);
  out(`\n${positionSentence(r)}\n`);
  out(`\n${r.council.name}: every measure beside the group, its region and England (medians of councils where known)\n`);
  printTable(
    r.context.metrics.map((c) => {
      const local = r.explanations[r.council.code]!.find((e) => e.metric === c.id)!;
      return {
        dimension: local.dimension,
        measure: c.label,
        local: formatMetric(c.id, c.local),
        group: formatMetric(c.id, c.group_median),
        region: formatMetric(c.id, c.region_median),
        england: formatMetric(c.id, c.england_median),
        known_in_group: `${c.known_in_group}/${r.group.members.length}`,
        why_missing: local.missing ?? null,
      };
    }),
    ['dimension', 'measure', 'local', 'group', 'region', 'england', 'known_in_group', 'why_missing'],
  );
  out('\nContext (reference figures)\n');
  printTable(
    r.context.figures.map((f) => ({ figure: f.label, period: f.period, local: fmtNum(f.local), group_median: fmtNum(f.group_median), region: fmtNum(f.region), england: fmtNum(f.england) })),
    ['figure', 'period', 'local', 'group_median', 'region', 'england'],
  );
  if (explainAll) {
    out(`\nHow each of ${r.council.name}'s scores was reached\n`);
    for (const e of r.explanations[r.council.code]!) {
      out(`\n- ${e.label} [${e.dimension}]: ${formatMetric(e.metric, e.value)}${e.score !== null ? `, scores ${e.score.toFixed(0)} in the group` : ''}\n  formula: ${e.formula}\n`);
      if (e.missing) out(`  missing: ${e.missing}\n`);
      for (const i of e.inputs) out(`  input: ${i.name} = ${i.value ?? 'not known'}${i.source ? ` (${i.source})` : ''}\n`);
      for (const ev of e.evidence.slice(0, 8)) out(`  evidence: ${ev.name ? `${ev.name}: ` : ''}${ev.url ?? ev.id}${ev.retrieved ? ` (retrieved ${ev.retrieved}${ev.published ? `, published ${ev.published}` : ''})` : ''}\n`);
      if (e.evidence.length > 8) out(`  ... and ${e.evidence.length - 8} more (see --format json)\n`);
    }
  } else out(`\nRun with --explain to see each score's inputs, formula and evidence offers.\n`);
}

const fmtNum = (v: number | null) => (v === null ? null : Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(2));

function printGaps(g: GapsResult): void {
  const a = g.analysis;
  out(`${g.council.name} (${g.council.code}) against ${g.group.name} [${g.group.version}]\n`);
  out(`Local offers found: ${a.local_offers}; comparators with offers in the data: ${a.peers_with_offers} of ${g.group.members.length - 1}\n\n`);
  out(`Cells of the type x time-slot grid covered by comparators but not found locally (${a.gaps.length})\n`);
  printTable(
    a.gaps.map((x) => ({ type: x.type_label, when: x.slot_label, peers: x.peers.map((p) => p.name).join('; '), exemplar: x.exemplars[0] ? `${x.exemplars[0].name} (${x.exemplars[0].council_name}) ${x.exemplars[0].source.url}` : null })),
    ['type', 'when', 'peers', 'exemplar'],
  );
  out('\nGates: share of offers that need each gate\n');
  printTable(
    a.gates.filter((x) => x.local_offers || x.peers_using).map((x) => ({ gate: x.label, local: formatShare(x.local_share), peers: formatShare(x.peer_offer_share), peers_using: x.peers_using })),
    ['gate', 'local', 'peers', 'peers_using'],
  );
  out('\nAccess tiers (share of offers with a known tier)\n');
  printTable(a.tiers.map((t) => ({ tier: t.label, local: formatShare(t.local_share), peers: formatShare(t.peer_share) })), ['tier', 'local', 'peers']);
  const c = a.charges;
  out(`\nCharges: local hourly ${c.local_hourly.length ? c.local_hourly.map((x) => `£${x.toFixed(2)}`).join(', ') : 'none stated'}; comparators' median hourly ${c.peer_hourly_median === null ? 'none stated' : `£${c.peer_hourly_median.toFixed(2)}`}; free offers: local ${formatShare(c.local_free_share)}, comparators ${formatShare(c.peer_free_share)}\n`);
  if (a.notes.length) out(`\nNotes\n${a.notes.map((x) => `- ${x}`).join('\n')}\n`);
}

export function registerCompareCommands(program: Command, config: Config): void {
  addScoringFlags(
    program
      .command('compare')
      .description('compare a council with its comparator group: scores, rank, sensitivity to the weights, and the context')
      .argument('<code>', 'GSS code (E10000017), previous GSS code, DfE LA number (888) or name (Lancashire)'),
  )
    .option('--samples <n>', `weight samples for the sensitivity analysis (default ${SCORING_CONFIG.sensitivity.samples}; 0 turns it off)`, intOption('--samples', 0, 100_000))
    .option('--seed <n>', 'random seed for the sensitivity samples', intOption('--seed', 0, 2 ** 31))
    .option('--concentration <k>', 'how tightly sampled weights sit around the chosen ones (the concentration of the Dirichlet they approximate, default 20)', numberOption('--concentration'))
    .option('--explain', 'print every score of the local council with its inputs, formula and evidence')
    .action(async (code: string, opts: ScoringFlags & { explain?: boolean }) => {
      await withModel(databaseOf(config, opts), (model) => {
        const r = compare(model, code, { ...scoringOptions(opts), explain: opts.format === 'json' ? 'all' : 'local' });
        if (opts.format === 'json') printJson(r);
        else if (opts.format === 'csv') out(toCsv(memberRows(r), MEMBER_COLUMNS));
        else printCompare(r, Boolean(opts.explain));
      });
    });

  addScoringFlags(
    program
      .command('gaps')
      .description('what comparators offer that the council does not, with exemplar offers and their sources')
      .argument('<code>', 'GSS code (E10000017), previous GSS code, DfE LA number (888) or name (Lancashire)'),
  ).action(async (code: string, opts: ScoringFlags) => {
    await withModel(databaseOf(config, opts), (model) => {
      const g = gaps(model, code, { group: opts.group });
      if (opts.format === 'json') printJson(g);
      else if (opts.format === 'csv')
        out(toCsv(g.analysis.gaps.flatMap((x) => (x.exemplars.length ? x.exemplars : [null]).map((e) => ({ type: x.type, time_slot: x.slot, peers: x.peers.map((p) => p.code).join(' '), exemplar_council: e?.council_code ?? null, exemplar: e?.name ?? null, source_url: e?.source.url ?? null, published: e?.published ?? null, retrieved: e?.retrieved ?? null })))));
      else printGaps(g);
    });
  });

  addScoringFlags(program.command('score').description('score every council within its own comparator group'))
    .option('--all', 'score all 153 councils (the only mode for now; kept for scripts)')
    .option('--samples <n>', 'also run the sensitivity analysis with this many samples per council', intOption('--samples', 0, 100_000))
    .action(async (opts: ScoringFlags & { all?: boolean }) => {
      if (!opts.all) throw usage('score: say --all (score every council within its own group), or use sbb compare CODE for one council');
      await withModel(databaseOf(config, opts), (model) => {
        const r = scoreAll(model, scoringOptions(opts));
        if (opts.format === 'json') printJson(r);
        else if (opts.format === 'csv') out(toCsv(scoreRows(r), SCORE_COLUMNS));
        else {
          out(`Every council within its own ${r.group} group; method ${r.method_version}, data as of ${r.data_date ?? 'unknown'}; weights ${r.weights.label} (${r.weights.spec})\n\n`);
          printTable(
            scoreRows(r).map((s) => ({ ...s, composite: s.composite === null ? null : Number(s.composite).toFixed(1), ...Object.fromEntries(DIMENSIONS.map((d) => [d, s[d] === null ? null : Number(s[d]).toFixed(0)])), evidence: formatShare(s.evidence as number) })),
            ['code', 'council', 'rank', 'group_size', 'composite', ...DIMENSIONS, 'evidence', 'offers', 'note'],
          );
        }
      });
    });
}
