// `sbb councils` and `sbb council CODE`: look up councils, their comparators and what is stored for them.
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { councilDetail } from '../services/council-detail.js';
import { databaseOf } from './options.js';
import { printJson, printTable } from './output.js';

const write = (s: string) => process.stdout.write(s);

export function registerCouncilCommands(program: Command, config: Config): void {
  program
    .command('councils')
    .description('list the 153 councils with what is stored for each')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action((opts: { db?: string; json?: boolean }) =>
      withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const councils = await store.listCouncils();
        if (opts.json) printJson(councils);
        else printTable(councils, ['code', 'la_number', 'name', 'type', 'region_name', 'offer_count', 'fact_count']);
      }),
    );

  program
    .command('council')
    .description('show one council: statistical neighbours, inspections, offers and facts with their sources')
    .argument('<code>', 'GSS code (E10000017), previous GSS code, DfE LA number (888) or name (Lancashire)')
    .option('--db <path>', 'database file')
    .option('--json', 'print the full record as JSON (as GET /api/councils/:code)')
    .action((code: string, opts: { db?: string; json?: boolean }) =>
      withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const d = await councilDetail(store, code);
        if (opts.json) return void printJson(d);
        const c = d.council;
        write(`${c.name} (${c.code}, LA ${c.la_number}), ${c.region_name}\n\nStatistical neighbours (DfE 2025 model)\n`);
        printTable(d.statistical_neighbours['2025'], ['rank', 'name', 'code', 'closeness']);
        const insp = d.area_send_inspections[0];
        write(`\nLatest area SEND inspection: ${insp ? `${insp.inspection_start ?? '?'} to ${insp.inspection_end ?? '?'}: ${insp.outcome_label ?? 'outcome not recorded'}` : 'none in the shipped data (older framework or not yet inspected)'}\n`);
        if (d.area_send_findings.length) {
          write(`What the report says about short breaks (${d.area_send_findings.length})\n`);
          printTable(d.area_send_findings.map((f) => ({ page: f.page, reads_as: f.polarity, sentence: f.sentence.length > 110 ? `${f.sentence.slice(0, 107)}...` : f.sentence })), ['page', 'reads_as', 'sentence']);
        }
        const providers = Object.entries(d.short_break_providers.by_rating).map(([r, n]) => `${n} ${r}`).join(', ');
        write(`Ofsted-registered short-break providers in the area: ${d.short_break_providers.total}${providers ? ` (${providers})` : ''}\n`);
        write(`\nOffers (${d.offers.length})\n`);
        printTable(
          d.offers.map((o) => ({ name: o.name, type: o.type, tier: o.access_tier, ages: o.age_min !== undefined || o.age_max !== undefined ? `${o.age_min ?? '?'}-${o.age_max ?? '?'}` : null, source: o.source.url })),
          ['name', 'type', 'tier', 'ages', 'source'],
        );
        write(`\nCouncil facts (${d.facts.length})\n`);
        printTable(d.facts.map((f) => ({ topic: f.topic, statement: f.statement.length > 90 ? f.statement.slice(0, 87) + '...' : f.statement })), ['topic', 'statement']);
      }),
    );
}
