// `sbb discover`: find a council's short breaks pages from its web domain, politely through the crawler, and print
// the candidates best first (or keep the best as entry points with --write). The crawler loads when it runs.
import type { Command } from 'commander';
import type { DiscoverResult } from '../../scrapers/discover/run.js';
import { AppError } from '../domain/errors.js';
import { crawlerSettings, withFlags, type Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { collect, inFlagTerms, intOption, usage } from './options.js';
import { withFlagHint } from './flag-hints.js';

interface DiscoverFlags {
  all?: boolean;
  site?: string;
  allowHost?: string[];
  json?: boolean;
  write?: boolean;
  delayMs?: number;
  maxPages?: number;
  contactUrl?: string;
  db?: string;
}

/** Candidates printed per council as text (--json prints them all). */
const SHOWN = 10;

function siteOf(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw usage(`--site: "${value}" is not a URL (give a base URL such as https://www.example.gov.uk/)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw usage(`--site: "${value}" is not an http(s) URL`);
  return u.href;
}

/** One council's candidates as `{"candidates": [{url, score, platform, reason}]}`: exactly those keys. */
const candidatesJson = (r: DiscoverResult) => ({ candidates: r.candidates.map(({ url, score, platform, reason }) => ({ url, score, platform, reason })) });

function printText(r: DiscoverResult, out = process.stdout): void {
  out.write(`${r.councilName} (${r.councilCode}): ${r.site}: ${r.pages} page${r.pages === 1 ? '' : 's'} read, ${r.candidates.length} candidate${r.candidates.length === 1 ? '' : 's'}\n`);
  for (const p of r.problems) out.write(`  problem: ${p}\n`);
  r.candidates.slice(0, SHOWN).forEach((c, i) => {
    out.write(`  ${String(i + 1).padStart(2)}. ${String(c.score).padStart(4)}  ${(c.platform ?? '-').padEnd(16)} ${c.kind.padEnd(16)} ${c.url}\n`);
    out.write(`        ${c.reason}\n`);
  });
  if (r.candidates.length > SHOWN) out.write(`  ... and ${r.candidates.length - SHOWN} more (--json lists them all)\n`);
}

export function registerDiscoverCommand(program: Command, base: Config): void {
  program
    .command('discover')
    .description("find councils' short breaks pages from their web domain (robots.txt and sitemaps, the home page's Local Offer, SEND and children's links, the site's own search), politely through the crawler, and print the candidates best first")
    .argument('[codes...]', 'councils (GSS code, LA number or name)')
    .option('--all', 'every council with a web domain')
    .option('--site <url>', "start from this base URL instead of the council's web domain (one council only)")
    .option('--allow-host <host>', 'allow a host that resolves to a private or loopback address (repeatable; "*.example" for a domain)', collect)
    .option('--json', 'print JSON: {"candidates": [...]} for one council; {"councils": [{code, name, site, pages, problems, candidates}]} for several or --all')
    .option('--write', 'keep the best candidates (the best of each kind, unflagged, scoring 60 or more) as entry points for `sbb scrape`')
    .option('--delay-ms <n>', 'minimum delay between requests to one host (default 1000; robots.txt Crawl-delay can raise it)', intOption('--delay-ms', 0, 600_000))
    .option('--max-pages <n>', 'pages read per council at most (default 40)', intOption('--max-pages', 1, 1000))
    .option('--contact-url <url>', 'contact URL in the User-Agent (default: $SBB_CONTACT_URL or the project page)')
    .option('--db <path>', 'database file (default: $SBB_DB or data/sbb.sqlite)')
    .action(async (codes: string[], f: DiscoverFlags) => {
      if (!f.all && !codes.length) throw usage('say which councils: sbb discover CODE... or sbb discover --all');
      if (f.all && codes.length) throw usage('give council codes or --all, not both');
      if (f.site !== undefined && (f.all || codes.length !== 1)) throw usage('--site needs exactly one council');
      const site = f.site === undefined ? undefined : siteOf(f.site);
      const several = Boolean(f.all) || codes.length > 1;
      const config = withFlags(base, f);
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // The crawler (undici, cheerio) loads when discovery starts, not with every command.
      const [{ runDiscovery }, { keepEntryPoints, planDiscovery }] = await Promise.all([import('../../scrapers/discover/run.js'), import('../services/discover.js')]);
      try {
        await withDatabase(config.database, { readonly: !f.write }, async (store) => {
          const plan = await inFlagTerms({ site: '--site' }, () => planDiscovery(store, { councils: codes, all: f.all, site }));
          for (const s of plan.skipped) process.stderr.write(`sbb: ${s.name} (${s.code}) skipped: ${s.reason}\n`);
          // On a terminal, a line that counts pages as they come (a run over every council takes minutes).
          const tty = process.stderr.isTTY === true;
          const results = await runDiscovery(plan.targets, {
            allowHosts: f.allowHost ?? [], delayMs: f.delayMs ?? 1000, limits: f.maxPages ? { maxPages: f.maxPages } : {},
            userAgent: crawlerSettings(config).userAgent, signal: abort.signal,
            onPage: tty ? (e) => process.stderr.write(`\rdiscover: ${e.done} page${e.done === 1 ? '' : 's'} asked for, ${plan.targets.length} council${plan.targets.length === 1 ? '' : 's'}\x1b[K`) : undefined,
          });
          if (tty) process.stderr.write('\r\x1b[K');
          if (f.json) {
            const json = several
              ? { councils: results.map((r) => ({ code: r.councilCode, name: r.councilName, site: r.site, pages: r.pages, problems: r.problems, ...candidatesJson(r) })) }
              : candidatesJson(results[0]!);
            process.stdout.write(JSON.stringify(json, null, 2) + '\n');
          } else results.forEach((r, i) => (i && process.stdout.write('\n'), printText(r)));
          if (f.write) {
            const say = (line: string) => (f.json ? process.stderr : process.stdout).write(line);
            for (const r of results) {
              const kept = await keepEntryPoints(store, r);
              for (const s of kept) say(`kept for ${r.councilName}: ${s.url} (${s.kind}, adapter ${s.adapter})\n`);
              if (!kept.length && r.pages) say(`nothing kept for ${r.councilName}: no candidate scored 60 or more without a decoy flag\n`);
            }
          }
          if (results.length && results.every((r) => r.pages === 0))
            throw new AppError('unavailable', `no page could be read: ${results.flatMap((r) => r.problems).slice(0, 3).map((p) => withFlagHint(p)).join('; ') || 'every request failed'}`);
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
