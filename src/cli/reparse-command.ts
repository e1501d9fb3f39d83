// `sbb reparse`: run the adapters again over stored snapshots, without fetching, and store what they yield.
import type { Command } from 'commander';
import { withFlags, type Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { inFlagTerms } from './options.js';

export function registerReparseCommand(program: Command, config: Config): void {
  program
    .command('reparse')
    .description('parse stored snapshots again (after an adapter changed) without fetching anything')
    .option('--run <id>', 'only the snapshots of this run')
    .option('--council <code>', 'only this council\'s sources')
    .option('--snapshots <dir>', 'where snapshot bodies are kept (default: snapshots/ beside the database)')
    .option('--db <path>', 'database file')
    .action(async (opts: { run?: string; council?: string; snapshots?: string; db?: string }) => {
      const { database, snapshots } = withFlags(config, opts);
      const [{ shippedAdapters }, { createSnapshotFiles }, { nodeFiles }, { reparse }] = await Promise.all([
        import('../../scrapers/adapters/all.js'),
        import('../../scrapers/snapshots/snapshot-files.js'),
        import('../node/node-files.js'),
        import('../services/reparse.js'),
      ]);
      const bodies = createSnapshotFiles(snapshots);
      return withDatabase(database, {}, async (store) => {
        const r = await inFlagTerms({ council: '--council' }, () => reparse(store, { run: opts.run, council: opts.council }, { body: (sha) => bodies.get(sha), adapters: shippedAdapters(), files: nodeFiles(config) }));
        process.stdout.write(
          `reparsed ${r.parsed} snapshot${r.parsed === 1 ? '' : 's'}${r.missing ? ` (${r.missing} without a stored body or source, skipped)` : ''}: ` +
            `${r.records} record${r.records === 1 ? '' : 's'}${r.stored ? ` stored (run ${r.stored.run_id})` : ''}\n`,
        );
      });
    });
}
