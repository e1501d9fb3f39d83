// `sbb sources add|list`: the entry points the scraper starts from, per council.
import type { Command } from 'commander';
import { detectFromUrl } from '../../scrapers/adapters/detect-platform.js';
import { Platform, SourceKind } from '../domain/index.js';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { databaseOf, usage } from './options.js';
import { printJson, printTable } from './output.js';

export function registerSourcesCommands(program: Command, config: Config): void {
  const sources = program.command('sources').description('the sources (entry points) the scraper starts from');

  sources
    .command('add')
    .description('add a source for a council by URL')
    .argument('<code>', 'council GSS code, LA number or name')
    .argument('<url>', 'http(s) URL of the page, feed or PDF')
    .option('--kind <kind>', `what the source is (${SourceKind.options.join(', ')}; detected from the URL when left out)`)
    .option('--platform <platform>', `the platform, which picks the adapter (${Platform.options.join(', ')}; detected from the URL when left out)`)
    .option('--title <title>', 'a title for people')
    .option('--db <path>', 'database file')
    .action(async (code: string, url: string, opts: { kind?: string; platform?: string; title?: string; db?: string }) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw usage(`"${url}" is not a URL`);
      }
      if (!/^https?:$/.test(parsed.protocol)) throw usage(`"${url}" is not an http(s) URL`);
      if (opts.kind && !SourceKind.safeParse(opts.kind).success) throw usage(`--kind: "${opts.kind}" is not one of ${SourceKind.options.join(', ')}`);
      if (opts.platform && !Platform.safeParse(opts.platform).success) throw usage(`--platform: "${opts.platform}" is not one of ${Platform.options.join(', ')}`);
      await withDatabase(databaseOf(config, opts), {}, async (store) => {
        const council = await store.requireCouncil(code);
        const detected = detectFromUrl(parsed.href);
        const platform = opts.platform ? Platform.parse(opts.platform) : (detected?.platform ?? null);
        const kind = opts.kind ? SourceKind.parse(opts.kind) : (detected?.kind ?? 'other');
        const s = await store.crawl.addSource({ url: parsed.href, council_code: council.code, kind, platform, title: opts.title });
        const how = !opts.platform && detected ? `; platform detected: ${detected.cue}` : !platform ? '; platform not known from the URL: it will be detected from the page when scraped' : '';
        process.stdout.write(`source ${s.id} for ${council.name}: ${s.url} (${s.kind}, adapter ${s.adapter}${how})\n`);
      });
    });

  sources
    .command('list')
    .description('list sources, for one council or all')
    .argument('[code]', 'council GSS code, LA number or name')
    .option('--json', 'print JSON')
    .option('--db <path>', 'database file')
    .action((code: string | undefined, opts: { json?: boolean; db?: string }) =>
      withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const list = await store.crawl.sourcesFor(code ? [(await store.requireCouncil(code)).code] : 'all');
        if (opts.json) printJson(list);
        else printTable(list, ['council_code', 'kind', 'adapter', 'url']);
      }),
    );
}
