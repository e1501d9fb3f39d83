// `sbb serve`: serve the web page and JSON API over a SQLite database.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { UserError } from '../domain/errors.js';
import { buildDatabase } from '../node/build-database.js';
import { dataFingerprint } from '../node/data-files.js';
import { openDatabase } from '../node/open-database.js';
import { dbPath } from '../node/paths.js';
import { snapshotsDirFor } from './scrape-command.js';
import { startServer } from '../node/serve.js';

const parsePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port: "${v}" is not a port number (0-65535)`, 2);
  return n;
};

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the home page and the JSON API (http://127.0.0.1:8787 by default)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8787)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .option('--build-if-missing', 'build the database from data/ first when the file does not exist')
    .action(async (opts: { port: number; host: string; db?: string; buildIfMissing?: boolean }) => {
      const path = dbPath(opts.db);
      if (!existsSync(path) && opts.buildIfMissing) {
        process.stdout.write(`no database at ${path}: building it from data/ ...\n`);
        const built = await buildDatabase(path);
        process.stdout.write(`built in ${built.seconds.toFixed(1)} s: ${built.counts.councils} councils, ${built.counts.offers} offers, ${built.counts.council_facts} council facts\n`);
      }
      const store = await openDatabase(path);
      if ((await store.getMeta('data_fingerprint')) !== dataFingerprint())
        process.stdout.write('note: data/ has changed since this database was built; run `sbb db build` to refresh it\n');
      const server = await startServer(store, opts.port, opts.host, { snapshotsDir: snapshotsDirFor(path) });
      process.stdout.write(`serving ${path}\nlistening on ${server.url}\n${process.env.SBB_WRITE_TOKEN ? 'writes (POST /api/import, /api/scrape) are on: SBB_WRITE_TOKEN is set\n' : ''}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.driver.close();
    });
}
