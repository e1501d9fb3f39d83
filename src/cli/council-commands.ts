// `sbb councils` and `sbb council CODE`: look up councils, their comparators and what is stored for them.
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { councilDetail } from '../services/council-detail.js';
import { databaseOf } from './options.js';
import { printJson, printTable } from './output.js';
import { printCouncil } from './council-text.js';

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
        printCouncil(d, new Map((await store.datasets()).map((x) => [x.id, x])));
      }),
    );
}
