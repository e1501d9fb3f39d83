// `sbb import FILE...`: validate curated files and load them into the database, all or nothing.
import type { Command } from 'commander';
import { loadTaxonomy } from '../node/data-files.js';
import { importCuratedFiles } from '../node/import-files.js';
import { openDatabase } from '../node/open-database.js';
import { dbPath } from '../node/paths.js';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import curated offers and council facts from JSON or CSV files (see data/curated/README.md)')
    .argument('<files...>', 'files to import')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .option('--dry-run', 'validate only; write nothing')
    .action(async (files: string[], opts: { db?: string; dryRun?: boolean }) => {
      const store = await openDatabase(dbPath(opts.db));
      try {
        const r = await importCuratedFiles(store, files, loadTaxonomy(), { dryRun: opts.dryRun });
        const what = `${r.offers} offers, ${r.facts} council facts, ${r.sources} sources from ${files.length} file${files.length === 1 ? '' : 's'}`;
        process.stdout.write(r.dry_run ? `valid: ${what} (dry run, nothing written)\n` : `imported ${what} (run ${r.run_id})\n`);
      } finally {
        await store.driver.close();
      }
    });
}
