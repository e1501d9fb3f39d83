// `sbb import FILE...`: validate curated files and load them into the database, all or nothing.
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { databaseOf } from './options.js';

export function registerImportCommand(program: Command, config: Config): void {
  program
    .command('import')
    .description('import curated offers and council facts from JSON or CSV files (see data/curated/README.md)')
    .argument('<files...>', 'files to import')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .option('--dry-run', 'validate only; write nothing')
    .action((files: string[], opts: { db?: string; dryRun?: boolean }) =>
      withDatabase(databaseOf(config, opts), {}, async (store) => {
        const [{ readCuratedBatches }, { nodeFiles }, { importRecords }] = await Promise.all([import('../node/import-files.js'), import('../node/node-files.js'), import('../services/import-records.js')]);
        const { result: r } = await importRecords(store, readCuratedBatches(files), nodeFiles(config), { args: { files: [...files] }, dryRun: opts.dryRun });
        const what = `${r.offers} offers, ${r.facts} council facts, ${r.sources} sources from ${files.length} file${files.length === 1 ? '' : 's'}`;
        process.stdout.write(opts.dryRun ? `valid: ${what} (dry run, nothing written)\n` : `imported ${what} (run ${r.run_id})\n`);
      }),
    );
}
