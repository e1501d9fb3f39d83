// `sbb serve`: serve the web page and JSON API over a SQLite database.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { withFlags, type Config } from '../node/config.js';
import { dataFingerprint } from '../node/data-files.js';
import { readBuildState, unfinishedBuildNote } from '../node/database-health.js';
import { openDatabase } from '../node/open-database.js';
import { defaultWorkshopPath } from '../node/workshop-database.js';
import { usage } from './options.js';

const parsePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw usage(`--port: "${v}" is not a port number (0-65535)`);
  return n;
};

export function registerServeCommand(program: Command, base: Config): void {
  program
    .command('serve')
    .description('serve the home page and the JSON API (http://127.0.0.1:8787 by default)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8787)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .option('--build-if-missing', 'build the database from data/ first when the file does not exist')
    .action(async (opts: { port: number; host: string; db?: string; buildIfMissing?: boolean }) => {
      const config = withFlags(base, opts);
      const path = config.database;
      if (!existsSync(path) && opts.buildIfMissing) {
        process.stdout.write(`no database at ${path}: building it from data/ ...\n`);
        const { buildDatabase } = await import('../node/build-database.js');
        const built = await buildDatabase(path, { curationDir: config.curationDir });
        process.stdout.write(`built in ${built.seconds.toFixed(1)} s: ${built.counts.councils} councils, ${built.counts.offers} offers, ${built.counts.council_facts} council facts\n`);
      }
      // Read-only unless the API's writes are on: a database on a read-only mount can still be served.
      const readonly = !config.writeToken;
      const store = await openDatabase(path, { readonly });
      const unfinished = unfinishedBuildNote(path, await readBuildState((k) => store.getMeta(k)));
      if (unfinished) process.stdout.write(`note: ${unfinished}\n`);
      if ((await store.getMeta('data_fingerprint')) !== dataFingerprint())
        process.stdout.write('note: data/ has changed since this database was built; run `sbb db build` to refresh it\n');
      // The server (Hono, the pages, the pack builder) is loaded when it is needed, not when `sbb` starts.
      const { startServer } = await import('../node/serve.js');
      const server = await startServer(store, opts.port, opts.host, {
        writeToken: config.writeToken,
        snapshotsDir: config.snapshots,
        responseCache: config.responseCache,
        chromium: config.chromium,
        curationDir: config.curationDir,
        contactUrl: config.contactUrl,
        database: { path, readonly },
        workshopDb: config.workshopDb,
      });
      process.stdout.write(`serving ${path}\nworkshops kept in ${config.workshopDb ?? defaultWorkshopPath(path)}\nlistening on ${server.url}\n${config.writeToken ? 'writes (POST /api/import, /api/scrape) are on: SBB_WRITE_TOKEN is set\n' : ''}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.driver.close();
    });
}
