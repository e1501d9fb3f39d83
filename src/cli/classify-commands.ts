// `sbb classify` re-runs classification over stored offers; `sbb diff CODE` lists what appeared, disappeared or changed.
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { databaseOf, inFlagTerms, usage } from './options.js';
import { printJson, printTable } from './output.js';

const COMPARED = ['name', 'type', 'access_tier', 'gates', 'age_min', 'age_max', 'cost_status', 'charges', 'allowances'] as const;
const show = (v: unknown) => (v === null || v === undefined ? '-' : Array.isArray(v) && !v.length ? '[]' : typeof v === 'object' ? JSON.stringify(v) : String(v));

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
    .description('what appeared, disappeared or changed (hours, charges, gates, ages, type, tier) in a council\'s offers')
    .argument('<code>', 'council GSS code, LA number or name')
    .option('--since <date>', 'only changes read on or after this date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .option('--db <path>', 'database file')
    .action(async (code: string, opts: { since?: string; json?: boolean; db?: string }) => {
      if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw usage(`--since: "${opts.since}" is not a date (YYYY-MM-DD)`);
      await withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const council = await store.requireCouncil(code);
        const versions = await store.classification.versionsSince(council.code, opts.since ?? null);
        const rows = [];
        for (const v of versions) {
          const before = v.change === 'changed' ? await store.classification.previousVersion(v.offer_id, v.version) : undefined;
          const changes = before ? COMPARED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(v.content[k])).map((k) => `${k}: ${show(before[k])} -> ${show(v.content[k])}`) : [];
          // Dated by when the source was read and when it says it was published, never by when the database was built.
          const read = v.retrieved ?? v.recorded_at.slice(0, 10);
          rows.push({ date: read, read, published: v.published, recorded_at: v.recorded_at, change: v.change, offer: String(v.content.name ?? v.offer_id), id: v.offer_id, what: changes.join('; ') });
        }
        if (opts.json) return void printJson(rows);
        process.stdout.write(`${council.name}: ${rows.length} change${rows.length === 1 ? '' : 's'}${opts.since ? ` read since ${opts.since}` : ''}\n`);
        process.stdout.write('"read" is when the source was read; "published" is the date the source itself gives (- where it gives none)\n\n');
        printTable(rows, ['read', 'published', 'change', 'offer', 'what']);
      });
    });
}
