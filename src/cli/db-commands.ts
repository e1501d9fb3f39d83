// `sbb db build|migrate|info|export-sql`: create, upgrade, describe and export the SQLite database.
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { dataFingerprint, loadMigrations } from '../node/data-files.js';
import { readBuildState, unfinishedBuildNote } from '../node/database-health.js';
import { withDatabase } from '../node/open-database.js';
import { writeLockHolder } from '../node/write-lock.js';
import { databaseOf } from './options.js';
import { printJson, printTable, writeOutFile } from './output.js';

export function registerDbCommands(program: Command, config: Config): void {
  const db = program.command('db').description('create, upgrade and describe the database');

  db.command('build')
    .description('build the database from data/ (reference data, taxonomy, curated facts); refreshes an existing one in place')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .option('--fresh', 'rebuild from scratch instead of refreshing (drops scraped data)')
    .option('--force', 'same as --fresh')
    .action(async (opts: { db?: string; fresh?: boolean; force?: boolean }) => {
      const { buildDatabase } = await import('../node/build-database.js');
      const r = await buildDatabase(databaseOf(config, opts), { fresh: Boolean(opts.fresh || opts.force), curationDir: config.curationDir });
      if (r.removed_leftovers.length) process.stdout.write(`removed files left by interrupted builds: ${r.removed_leftovers.join(', ')}\n`);
      process.stdout.write(`${r.created ? 'built' : 'refreshed'} ${r.path} in ${r.seconds.toFixed(1)} s\n`);
      printTable(Object.entries(r.counts).map(([table, rows]) => ({ table, rows })), ['table', 'rows']);
    });

  db.command('migrate')
    .description('apply pending schema migrations to an existing database')
    .option('--db <path>', 'database file')
    .action(async (opts: { db?: string }) => {
      let applied: string[] = [];
      await withDatabase(databaseOf(config, opts), { migrate: true, onMigrated: (names) => (applied = names) }, () => undefined);
      process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'nothing to apply: the schema is current\n');
    });

  db.command('info')
    .description('show what the database holds, its integrity, whether its last build finished and whether it is older than data/')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const path = databaseOf(config, opts);
      let findings: string[] = [];
      await withDatabase(path, { readonly: true, allowCorrupt: true, onIntegrity: (f) => (findings = f) }, async (store) => {
        // On a corrupt file every read may fail: what cannot be read is shown as unknown, never as a stack trace.
        const safely = <T,>(read: () => Promise<T>) => read().catch(() => null);
        const fingerprint = await safely(() => store.getMeta('data_fingerprint'));
        const build = (await safely(() => readBuildState((k) => store.getMeta(k)))) ?? { state: 'unknown' as const, started_at: null, pid: null };
        const running = writeLockHolder(path);
        const info = {
          path,
          integrity: findings.length ? 'corrupt' : 'ok',
          integrity_findings: findings,
          build_state: running?.command.startsWith('sbb db build') ? 'building now' : build.state,
          built_at: (await safely(() => store.getMeta('built_at'))) ?? null,
          taxonomy_version: (await safely(() => store.getMeta('taxonomy_version'))) ?? null,
          migrations: loadMigrations().map((m) => m.name),
          up_to_date_with_data: fingerprint === dataFingerprint(),
          counts: await safely(() => store.counts()),
        };
        if (opts.json) return void printJson(info);
        process.stdout.write(`${info.path}\nbuilt ${info.built_at ?? 'unknown'}, taxonomy ${info.taxonomy_version ?? 'unknown'}\n`);
        process.stdout.write(findings.length ? `integrity: CORRUPT (${findings[0]}${findings.length > 1 ? `, and ${findings.length - 1} more` : ''}); rebuild it with: sbb db build --fresh --db ${path}\n` : 'integrity: ok (quick_check)\n');
        if (running) process.stdout.write(`being written now by \`${running.command}\` (pid ${running.pid}, since ${running.since})\n`);
        else if (build.state === 'building') process.stdout.write(`INCOMPLETE: ${unfinishedBuildNote(path, build)}\n`);
        if (!info.up_to_date_with_data) process.stdout.write('data/ has changed since this build: run `sbb db build` to refresh\n');
        if (info.counts) printTable(Object.entries(info.counts).map(([table, rows]) => ({ table, rows })), ['table', 'rows']);
        else process.stdout.write('row counts: cannot be read\n');
      });
    });

  db.command('export-sql')
    .description('write every row as INSERT statements (no schema) for loading into D1 after its migrations')
    .option('--db <path>', 'database file')
    .requiredOption('--out <file>', 'the .sql file to write')
    .option('--clear', 'start with DELETE FROM every table, so loading replaces what the target holds')
    .action((opts: { db?: string; out: string; clear?: boolean }) => {
      const started = performance.now();
      return withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const { exportSql, renderSqlFile } = await import('../store/sql-export.js');
        const exp = await exportSql(store.driver, { clear: Boolean(opts.clear) });
        const text = renderSqlFile(exp);
        writeOutFile(opts.out, text);
        const rows = exp.tables.reduce((n, t) => n + t.rows, 0);
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `wrote ${opts.out}: ${rows} rows from ${exp.tables.length} tables in ${exp.statements.length} statements, ` +
            `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`,
        );
      });
    });
}
