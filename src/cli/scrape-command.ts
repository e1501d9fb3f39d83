// `sbb scrape`: crawl councils' sources politely into snapshots and records; `--resume` carries on a killed run.
import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { runScrape, type ScrapeSettings } from '../../scrapers/crawl/scrape-run.js';
import { userAgent } from '../../scrapers/fetch/user-agent.js';
import { UserError } from '../domain/errors.js';
import { classifyCouncils } from '../node/classify-offers.js';
import { openDatabase } from '../node/open-database.js';
import { dbPath } from '../node/paths.js';
import { collect, intOption } from './options.js';
import { createProgress, printSourceSummary } from './scrape-progress.js';

interface ScrapeFlags {
  council?: string[];
  all?: boolean;
  url?: string[];
  adapter?: string;
  resume?: boolean;
  allowHost?: string[];
  concurrency?: number;
  delayMs?: number;
  maxPages?: number;
  timeoutMs?: number;
  contactUrl?: string;
  snapshots?: string;
  db?: string;
}

/** Where snapshot bodies go: beside the database unless told otherwise. */
export const snapshotsDirFor = (db: string, explicit?: string) => explicit ?? join(dirname(db), 'snapshots');

export function registerScrapeCommand(program: Command): void {
  program
    .command('scrape')
    .description('fetch councils\' sources politely (robots.txt, one request at a time per host), keeping every page as a snapshot')
    .option('--council <code...>', 'councils to scrape (GSS code or LA number)')
    .option('--all', 'every council with known sources')
    .option('--url <url...>', 'scrape these URLs as ad-hoc sources of the one --council given')
    .option('--adapter <name>', 'with --url: the adapter to parse them with (default: keep snapshots only)')
    .option('--resume', 'carry on the newest scrape run that did not finish')
    .option('--allow-host <host>', 'allow a host that resolves to a private or loopback address (repeatable; "*.example" for a domain)', collect)
    .option('--concurrency <n>', 'requests in flight across all hosts (default 8)', intOption('--concurrency', 1, 256))
    .option('--delay-ms <n>', 'minimum delay between requests to one host (default 1000; robots.txt Crawl-delay can raise it)', intOption('--delay-ms', 0, 600_000))
    .option('--max-pages <n>', 'pages per source at most (default 500)', intOption('--max-pages', 1, 1_000_000))
    .option('--timeout-ms <n>', 'deadline for one fetch, redirects included (default 60000)', intOption('--timeout-ms', 100, 600_000))
    .option('--contact-url <url>', 'contact URL in the User-Agent (default: $SBB_CONTACT_URL or the project page)')
    .option('--snapshots <dir>', 'where snapshot bodies are kept (default: snapshots/ beside the database)')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .action(async (f: ScrapeFlags) => {
      if (!f.resume && !f.all && !f.council?.length) throw new UserError('say what to scrape: --council CODE, --all, --url URL --council CODE, or --resume', 2);
      if (f.url?.length && f.council?.length !== 1) throw new UserError('--url needs exactly one --council: the council the pages belong to', 2);
      const path = dbPath(f.db);
      const store = await openDatabase(path);
      const settings: Partial<ScrapeSettings> = {};
      if (f.allowHost) settings.allowHosts = f.allowHost;
      if (f.concurrency !== undefined) settings.concurrency = f.concurrency;
      if (f.delayMs !== undefined) settings.delayMs = f.delayMs;
      if (f.maxPages !== undefined) settings.maxPagesPerSource = f.maxPages;
      if (f.timeoutMs !== undefined) settings.fetch = { totalTimeoutMs: f.timeoutMs };
      if (f.contactUrl) settings.userAgent = userAgent(f.contactUrl);
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const progress = createProgress();
      try {
        const result = await runScrape(store, {
          councils: f.url?.length ? [] : f.council,
          all: f.all,
          urls: f.url?.map((url) => ({ url, councilCode: f.council![0]!, adapter: f.adapter })),
          resume: f.resume,
          settings,
          snapshotsDir: snapshotsDirFor(path, f.snapshots),
          signal: abort.signal,
          onStart: (info) => {
            process.stdout.write(`${info.resumed ? 'resuming' : 'started'} run ${info.runId}: ${info.sources.length} source${info.sources.length === 1 ? '' : 's'}, ${info.pending} page${info.pending === 1 ? '' : 's'} to fetch\n`);
            progress.start(info.pending);
          },
          onPage: (e) => progress.page(e),
        });
        progress.stop();
        const gone = await store.classification.markDisappeared(result.runId, new Date());
        const councils = [...new Set(result.sources.map((s) => s.councilCode).filter((c): c is string => !!c))];
        const cls = await classifyCouncils(store, councils, { runId: result.runId });
        process.stdout.write(`classified ${cls.offers} offers; ${cls.appeared} appeared, ${cls.changed} changed, ${gone.length} disappeared (see \`sbb diff CODE\`)\n`);
        process.stdout.write(`\nrun ${result.runId} ${result.status}: ${result.pages} page${result.pages === 1 ? '' : 's'} this session\n`);
        printSourceSummary(result.sources);
        if (result.status === 'interrupted') process.stdout.write(`interrupted: carry on with \`sbb scrape --resume${f.db ? ` --db ${f.db}` : ''}\`\n`);
      } finally {
        progress.stop();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.driver.close();
      }
    });
}
