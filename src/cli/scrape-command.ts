// `sbb scrape`: crawl councils' sources politely into snapshots and records; `--resume` carries on a killed run.
import type { Command } from 'commander';
import type { ScrapeRequest, ScrapeSettings } from '../../scrapers/crawl/scrape-run.js';
import { AppError, isAppError } from '../domain/errors.js';
import { crawlerSettings, withFlags, type Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { collect, inFlagTerms, intOption, usage } from './options.js';

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
  bodyDeadlineMs?: number;
  hostFailures?: number;
  hostBudgetMs?: number;
  retryAfterCapMs?: number;
  contactUrl?: string;
  snapshots?: string;
  db?: string;
}

/** What to do next, for the core's errors that need a command to fix. */
const HINTS: Record<string, string> = {
  no_sources: ': add one with `sbb sources add CODE URL` or pass --url URL --council CODE',
  nothing_to_resume: ': start one with `sbb scrape --council CODE`',
  snapshot_write: '; free space or fix the folder (or pass --snapshots DIR), then carry on with `sbb scrape --resume`',
};

function settingsOf(f: ScrapeFlags, config: Config): Partial<ScrapeSettings> {
  const settings: Partial<ScrapeSettings> = { ...crawlerSettings(config) };
  if (f.allowHost) settings.allowHosts = f.allowHost;
  if (f.concurrency !== undefined) settings.concurrency = f.concurrency;
  if (f.delayMs !== undefined) settings.delayMs = f.delayMs;
  if (f.maxPages !== undefined) settings.maxPagesPerSource = f.maxPages;
  if (f.timeoutMs !== undefined || f.bodyDeadlineMs !== undefined)
    settings.fetch = { ...(f.timeoutMs !== undefined ? { totalTimeoutMs: f.timeoutMs } : {}), ...(f.bodyDeadlineMs !== undefined ? { bodyDeadlineMs: f.bodyDeadlineMs } : {}) };
  if (f.hostFailures !== undefined) settings.hostFailures = f.hostFailures;
  if (f.hostBudgetMs !== undefined) settings.hostBudgetMs = f.hostBudgetMs;
  if (f.retryAfterCapMs !== undefined) settings.retryAfterCapMs = f.retryAfterCapMs;
  return settings;
}

export function registerScrapeCommand(program: Command, base: Config): void {
  program
    .command('scrape')
    .description('fetch councils\' sources politely (robots.txt, one request at a time per host), keeping every page as a snapshot')
    .option('--council <code...>', 'councils to scrape (GSS code, LA number or name)')
    .option('--all', 'every council with known sources')
    .option('--url <url...>', 'scrape these URLs as ad-hoc sources of the one --council given')
    .option('--adapter <name>', 'with --url: the adapter to parse them with (default: keep snapshots only)')
    .option('--resume', 'carry on the newest scrape run that did not finish')
    .option('--allow-host <host>', 'allow a host that resolves to a private or loopback address (repeatable; "*.example" for a domain)', collect)
    .option('--concurrency <n>', 'requests in flight across all hosts (default 8)', intOption('--concurrency', 1, 256))
    .option('--delay-ms <n>', 'minimum delay between requests to one host (default 1000; robots.txt Crawl-delay can raise it)', intOption('--delay-ms', 0, 600_000))
    .option('--max-pages <n>', 'pages per source at most (default 500)', intOption('--max-pages', 1, 1_000_000))
    .option('--timeout-ms <n>', 'deadline for one fetch, redirects included (default 60000)', intOption('--timeout-ms', 100, 600_000))
    .option('--body-deadline-ms <n>', 'deadline for a whole response body, so a server that drips bytes is cut off (default 30000)', intOption('--body-deadline-ms', 100, 600_000))
    .option('--host-failures <n>', 'failed requests in a row after which a host is given up for the run, its pages skipped for --resume; 0: never (default 5)', intOption('--host-failures', 0, 1000))
    .option('--host-budget-ms <n>', 'time one host may cost in a run (its requests and the waits it asks for) before it is given up (default 1800000)', intOption('--host-budget-ms', 1000, 86_400_000))
    .option('--retry-after-cap-ms <n>', 'longest a page may be held by Retry-After waits in all; beyond it the host is given up for the run (default 120000)', intOption('--retry-after-cap-ms', 0, 3_600_000))
    .option('--contact-url <url>', 'contact URL in the User-Agent (default: $SBB_CONTACT_URL or the project page)')
    .option('--snapshots <dir>', 'where snapshot bodies are kept (default: snapshots/ beside the database)')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .action(async (f: ScrapeFlags) => {
      if (!f.resume && !f.all && !f.council?.length) throw usage('say what to scrape: --council CODE, --all, --url URL --council CODE, or --resume');
      if (f.url?.length && f.council?.length !== 1) throw usage('--url needs exactly one --council: the council the pages belong to');
      const config = withFlags(base, f);
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // The crawler (undici, cheerio, the adapters) loads when a scrape starts, not with every command.
      const [{ runScrape }, { nodeFiles }, { scrape }, { createProgress, printSourceSummary }] = await Promise.all([
        import('../../scrapers/crawl/scrape-run.js'),
        import('../node/node-files.js'),
        import('../services/scrape.js'),
        import('./scrape-progress.js'),
      ]);
      const progress = createProgress();
      try {
        await withDatabase(config.database, {}, async (store) => {
          const request: ScrapeRequest = {
            councils: f.url?.length ? [] : f.council,
            all: f.all,
            urls: f.url?.map((url) => ({ url, councilCode: f.council![0]!, adapter: f.adapter })),
            resume: f.resume,
            settings: settingsOf(f, config),
            snapshotsDir: config.snapshots,
            signal: abort.signal,
            onStart: (info) => {
              process.stdout.write(`${info.resumed ? 'resuming' : 'started'} run ${info.runId}: ${info.sources.length} source${info.sources.length === 1 ? '' : 's'}, ${info.pending} page${info.pending === 1 ? '' : 's'} to fetch\n`);
              progress.start(info.pending);
            },
            onPage: progress.page,
          };
          const { run, classified: cls, disappeared } = await inFlagTerms({ councils: '--council' }, () => scrape(store, request, { run: runScrape, files: nodeFiles(config) }, () => progress.stop())).catch((e: unknown) => {
            const hint = isAppError(e) && e.code ? HINTS[e.code] : undefined;
            throw hint && isAppError(e) ? new AppError(e.kind, e.message + hint, { field: e.field, problems: e.problems, cause: e, code: e.code }) : e;
          });
          process.stdout.write(`classified ${cls.offers} offers; ${cls.appeared} appeared, ${cls.changed} changed, ${disappeared} disappeared (see \`sbb diff CODE\`)\n`);
          process.stdout.write(`\nrun ${run.runId} ${run.status}: ${run.pages} page${run.pages === 1 ? '' : 's'} this session\n`);
          printSourceSummary(run.sources);
          if (run.skipped)
            process.stdout.write(`${run.skipped} page${run.skipped === 1 ? '' : 's'} skipped on hosts given up for this run (host_unavailable): fetch them later with \`sbb scrape --resume${f.db ? ` --db ${f.db}` : ''}\`\n`);
          if (run.status === 'interrupted') process.stdout.write(`interrupted: carry on with \`sbb scrape --resume${f.db ? ` --db ${f.db}` : ''}\`\n`);
        });
      } finally {
        progress.stop();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
