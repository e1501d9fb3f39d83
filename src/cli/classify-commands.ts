// `sbb classify` re-runs classification over stored offers; `sbb diff [CODE]` lists what appeared, disappeared or
// changed: the entries of the change feed (/api/changes).
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { databaseOf, inFlagTerms, usage } from './options.js';
import { printJson, printTable } from './output.js';
import { CHANGE_KINDS, TAXONOMY, type ChangeKind } from '../domain/index.js';
import { changeEntries } from '../services/council-history.js';


export function registerClassifyCommands(program: Command, config: Config): void {
  program
    .command('classify')
    .description('re-run classification (rules in data/taxonomy/classifier-rules.json, corrections in data/curation/) over stored offers')
    .option('--council <code...>', 'only these councils')
    .option('--all', 'every council (the default)')
    .option('--db <path>', 'database file')
    .action((opts: { council?: string[]; db?: string }) =>
      withDatabase(databaseOf(config, opts), {}, async (store) => {
        const [{ nodeFiles }, { reclassify }] = await Promise.all([import('../node/node-files.js'), import('../services/classify.js')]);
        const r = await inFlagTerms({ councils: '--council' }, () => reclassify(store, opts.council ?? [], nodeFiles(config)));
        process.stdout.write(
          `classified ${r.offers} offers with rules ${r.rules_version}: fields decided by record ${r.by.record ?? 0}, rules ${r.by.rules ?? 0}, curation ${r.by.curation ?? 0}, unknown ${r.by.unknown ?? 0}; ` +
            `${r.duplicates} duplicates linked; ${r.appeared} offers appeared and ${r.changed} changed since the last version\n`,
        );
      }),
    );

  program
    .command('diff')
    .description("what appeared, disappeared or changed (hours, charges, gates, ages, type, tier) in a council's offers, or in every council's: the change feed of /api/changes")
    .argument('[code]', 'council GSS code, LA number or name (every council when left out)')
    .option('--since <date>', 'only changes read on or after this date (YYYY-MM-DD)')
    .option('--type <kinds>', `only these kinds of change, separated by commas (${CHANGE_KINDS.join(', ')})`)
    .option('--offer-type <type>', 'only offers of this type (a taxonomy type code)')
    .option('--json', 'print JSON')
    .option('--db <path>', 'database file')
    .action(async (code: string | undefined, opts: { since?: string; type?: string; offerType?: string; json?: boolean; db?: string }) => {
      if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw usage(`--since: "${opts.since}" is not a date (YYYY-MM-DD)`);
      const kinds = opts.type?.split(',').map((k) => k.trim());
      const bad = kinds?.find((k) => !(CHANGE_KINDS as readonly string[]).includes(k));
      if (bad !== undefined) throw usage(`--type: "${bad}" is not a kind of change (use ${CHANGE_KINDS.join(', ')})`);
      if (opts.offerType && !TAXONOMY.codes('types').includes(opts.offerType)) throw usage(`--offer-type: "${opts.offerType}" is not a type in the taxonomy`);
      await withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const council = code === undefined ? undefined : await store.requireCouncil(code);
        const entries = await changeEntries(store, { council: council?.code, since: opts.since, type: kinds as ChangeKind[] | undefined, offer_type: opts.offerType });
        // Dated by when the source was read and when it says it was published, never by when the database was built.
        const rows = entries.map((e) => ({ date: e.read, read: e.read, published: e.published, recorded_at: e.recorded_at, change: e.change, offer: e.offer, id: e.offer_id, what: e.what, council: e.council_name, council_code: e.council_code, version: e.version, offer_type: e.offer_type, changes: e.changes, source_url: e.source_url }));
        if (opts.json) return void printJson(rows);
        process.stdout.write(`${council?.name ?? 'Every council'}: ${rows.length} change${rows.length === 1 ? '' : 's'}${opts.since ? ` read since ${opts.since}` : ''}\n`);
        process.stdout.write('"read" is when the source was read; "published" is the date the source itself gives (- where it gives none)\n\n');
        printTable(rows, council ? ['read', 'published', 'change', 'offer', 'what'] : ['read', 'published', 'change', 'council', 'offer', 'what']);
      });
    });
}
