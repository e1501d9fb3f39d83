// `sbb workshop create|list|results|close|delete`: workshop mode from the command line, on the workshop file beside
// the database (or $SBB_WORKSHOP_DB) that `sbb serve` uses; the facilitator's commands take the facilitator key.
import type { Command } from 'commander';
import { displayCode, joinPath } from '../domain/workshop.js';
import { withFlags, type Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { defaultWorkshopPath, openWorkshopDatabase } from '../node/workshop-database.js';
import * as svc from '../services/workshops.js';
import { resultsCsvColumns, resultsCsvRows } from '../services/workshops-results.js';
import type { WorkshopStore } from '../store/workshop-store.js';
import { toCsv } from '../text/csv.js';
import { inFlagTerms, usage } from './options.js';
import { printJson, printTable } from './output.js';

/** The workshop file of a command: $SBB_WORKSHOP_DB, else beside the database (as `sbb serve` finds it). */
const workshopPathOf = (config: Config, flags: { db?: string }) => {
  const c = withFlags(config, flags);
  return c.workshopDb ?? defaultWorkshopPath(c.database);
};

async function withWorkshops<T>(config: Config, flags: { db?: string }, fn: (ws: WorkshopStore) => Promise<T>): Promise<T> {
  const ws = await openWorkshopDatabase(workshopPathOf(config, flags));
  try {
    return await fn(ws);
  } finally {
    await ws.driver.close();
  }
}

const KEY_FLAGS = { facilitator_key: '--key', code: 'CODE' };

export function registerWorkshopCommands(program: Command, config: Config): void {
  const cmd = program.command('workshop').description('run a live scoring workshop: create one, list them, read results, close or delete one');

  cmd
    .command('create <council>')
    .description("create a workshop from the council's comparison (options from its pack's long list, scored on the six factors); prints the join code, link and facilitator key")
    .option('--group <g>', 'comparator group (as sbb compare)')
    .option('--theme <t>', 'pack theme: all, holidays, overnight or access')
    .option('--weights <w>', 'weights (as sbb compare)')
    .option('--title <t>', 'the title participants see')
    .option('--base-url <url>', 'where participants open the site (for the join link)', 'http://127.0.0.1:8787')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .option('--json', 'print JSON')
    .action(async (council: string, opts: { group?: string; theme?: string; weights?: string; title?: string; baseUrl: string; db?: string; json?: boolean }) => {
      const created = await inFlagTerms({ council: 'COUNCIL', group: '--group', theme: '--theme', weights: '--weights', title: '--title' }, () =>
        withDatabase(withFlags(config, opts).database, { readonly: true }, (store) =>
          withWorkshops(config, opts, (ws) => svc.createWorkshop(ws, store, { council, group: opts.group, theme: opts.theme, weights: opts.weights, title: opts.title })),
        ),
      );
      const w = created.workshop;
      const link = `${opts.baseUrl.replace(/\/+$/, '')}${joinPath(w.code)}`;
      if (opts.json) return void printJson({ code: w.code, display_code: displayCode(w.code), join_link: link, facilitator_key: created.facilitator_key, title: w.title, options: w.options.length });
      process.stdout.write(
        `created "${w.title}" for ${w.council_name}: ${w.options.length} options, 6 factors\n` +
          `join code:       ${displayCode(w.code)}\njoin link:       ${link}\nfacilitator key: ${created.facilitator_key}\n` +
          `keep the facilitator key: it is shown once and stored only as a hash\n`,
      );
    });

  cmd
    .command('list')
    .description('list the workshops (no keys)')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const list = await withWorkshops(config, opts, (ws) => svc.listWorkshops(ws));
      if (opts.json) return void printJson(list);
      printTable(list.map((w) => ({ ...w, code: displayCode(w.code) })), ['code', 'status', 'council_name', 'title', 'created_at']);
    });

  cmd
    .command('results <code>')
    .description("a workshop's results: per option the responses, mean, by role and by factor")
    .requiredOption('--key <key>', 'the facilitator key')
    .option('--format <f>', 'json or csv', 'json')
    .option('--db <path>', 'database file')
    .action(async (code: string, opts: { key: string; format: string; db?: string }) => {
      if (opts.format !== 'json' && opts.format !== 'csv') throw usage(`--format: "${opts.format}" is not json or csv`);
      await inFlagTerms(KEY_FLAGS, () =>
        withWorkshops(config, opts, async (ws) => {
          const { workshop } = await svc.checkFacilitator(ws, code, opts.key);
          const results = await svc.workshopResults(ws, code, opts.key);
          if (opts.format === 'csv') process.stdout.write(toCsv(resultsCsvRows(results, workshop.factors), resultsCsvColumns(workshop.factors)));
          else printJson(results);
        }),
      );
    });

  for (const [name, what, fn] of [
    ['close', 'close a workshop: no more joining or scoring; results stay', svc.closeWorkshop],
    ['delete', 'delete a workshop and everything in it', svc.deleteWorkshop],
  ] as const)
    cmd
      .command(`${name} <code>`)
      .description(what)
      .requiredOption('--key <key>', 'the facilitator key')
      .option('--db <path>', 'database file')
      .action(async (code: string, opts: { key: string; db?: string }) => {
        await inFlagTerms(KEY_FLAGS, () => withWorkshops(config, opts, (ws) => fn(ws, code, opts.key)));
        process.stdout.write(`${name === 'close' ? 'closed' : 'deleted'} ${code.toUpperCase()}\n`);
      });
}
