// `sbb coverage [--json]`: England's totals, then every council's entry points, records, offers, evidence coverage,
// newest dates and whether it can be ranked in its own DfE 2025 group (the report GET /api/coverage serves).
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { databaseOf } from './options.js';
import { printJson, printTable } from './output.js';

const write = (s: string) => process.stdout.write(s);

export function registerCoverageCommand(program: Command, config: Config): void {
  program
    .command('coverage')
    .description("what is known about each council: England's totals, then entry points, records, offers, evidence coverage, newest dates and rank")
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON (as GET /api/coverage)')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const [{ withDatabase }, { coverageReport, entryPointText, evidenceText }] = await Promise.all([import('../node/open-database.js'), import('../services/coverage.js')]);
      await withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const r = await coverageReport(store);
        if (opts.json) return void printJson(r);
        const e = r.england;
        write(`England: ${e.councils} councils\n`);
        write(`  with an entry point        ${e.with_entry_point}\n`);
        write(`  with a record              ${e.with_record}\n`);
        write(`  with ${r.min_offers}+ offers             ${e.with_three_offers}\n`);
        write(`  rankable in their group    ${e.rankable}  (${r.group.name}; evidence coverage of at least ${Math.round(100 * r.min_coverage_to_rank)}%)\n`);
        write(`  records ${e.records} (offers ${e.offers}, council facts ${e.facts}); entry points ${e.entry_points}\n`);
        write(`  newest published ${e.newest_published ?? 'none stated yet'}; newest read ${e.newest_retrieved ?? 'none found yet'}\n\n`);
        const none = (c: { records: number }, v: string | null, absent: string) => (c.records === 0 ? 'none found yet' : (v ?? absent));
        printTable(
          r.councils.map((c) => ({
            code: c.code,
            council: c.name,
            entry_points: c.entry_points.total ? `${c.entry_points.total} (${entryPointText(c)})` : '0',
            records: c.records,
            offers: c.offers,
            evidence: evidenceText(c),
            newest_published: none(c, c.newest_published, 'not stated'),
            newest_read: none(c, c.newest_retrieved, 'not known'),
            ranked: c.rankable ? `yes: ${c.rank} of ${c.group_size}` : 'no',
          })),
          ['code', 'council', 'entry_points', 'records', 'offers', 'evidence', 'newest_published', 'newest_read', 'ranked'],
        );
      });
    });
}
