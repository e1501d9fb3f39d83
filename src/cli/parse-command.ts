// `sbb parse --adapter NAME FILE`: runs one adapter on a local file and prints the records it yields as JSON.
import type { Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADAPTER_FOR_PLATFORM } from '../domain/index.js';
import { AppError } from '../domain/errors.js';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import type { Store } from '../store/store.js';
import { databaseOf, inFlagTerms, usage } from './options.js';
import { printJson } from './output.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.htm': 'text/html', '.json': 'application/json', '.pdf': 'application/pdf', '.txt': 'text/plain', '.xml': 'application/xml' };

/** The council a URL's host belongs to, by the web domains in the reference data. */
async function councilForHost(store: Store, url: string): Promise<string | undefined> {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const match = (await store.listCouncils()).find((c) => c.web_domain && (host === c.web_domain || host.endsWith(`.${c.web_domain}`)));
  return match?.code;
}

export function registerParseCommand(program: Command, config: Config): void {
  program
    .command('parse')
    .description('run one adapter on a local file (a saved page, feed or PDF) and print the records it yields as JSON')
    .argument('<file>', 'the file to parse')
    .requiredOption('--adapter <name>', 'the adapter: one of the shipped adapters, or "detect" to pick one from the content')
    .option('--url <url>', 'the URL the file was fetched from (links and record sources use it)')
    .option('--council <code>', 'the council the records belong to: code, LA number or name (default: from the URL\'s web domain)')
    .option('--full', 'print { records, links, problems, layout } instead of the records alone')
    .option('--db <path>', 'database file (for council lookups)')
    .action(async (file: string, opts: { adapter: string; url?: string; council?: string; full?: boolean; db?: string }) => {
      if (!existsSync(file) || statSync(file).isDirectory()) throw new AppError('invalid', `${file}: no such file`, { field: 'file' });
      // The adapters (cheerio, unpdf) load when a page is parsed, not when sbb starts.
      const [{ shippedAdapters }, { detectFromPage }, { decodeText, isTextual }] = await Promise.all([
        import('../../scrapers/adapters/all.js'),
        import('../../scrapers/adapters/detect-platform.js'),
        import('../../scrapers/fetch/decode-text.js'),
      ]);
      const registry = shippedAdapters();
      const bytes = new Uint8Array(readFileSync(file));
      const url = opts.url ?? pathToFileURL(resolve(file)).href;
      const contentType = TYPES[extname(file).toLowerCase()] ?? null;
      const text = isTextual(contentType) && !(bytes[0] === 0x25 && bytes[1] === 0x50) ? decodeText(bytes, contentType).text : undefined;
      const detected = detectFromPage({ url, contentType, text, bytes });
      const name = opts.adapter === 'detect' ? detected.platform : opts.adapter;
      const adapterName = opts.adapter === 'detect' ? (ADAPTER_FOR_PLATFORM[name] ?? 'snapshot') : name;
      const adapter = registry.get(adapterName);
      if (!adapter) throw usage(`--adapter: no adapter "${opts.adapter}" (shipped: ${[...registry.keys()].join(', ')}, or detect)`);

      const council = await withDatabase(databaseOf(config, opts), { readonly: true }, (store) =>
        opts.council ? inFlagTerms({ council: '--council' }, async () => (await store.requireCouncil(opts.council!, 'council')).code) : councilForHost(store, url),
      );
      if (!council) throw usage(`say which council the records belong to with --council CODE (the URL ${opts.url ? 'is not on a known council web domain' : 'was not given'})`);

      const out = await adapter.parse({
        url, finalUrl: url, status: 200, contentType, text, bytes, label: 'entry', retrieved: new Date().toISOString().slice(0, 10),
        source: { id: 'file', url, council_code: council, kind: detected.kind, platform: detected.platform, adapter: adapter.name, title: null, notes: null },
      });
      printJson(opts.full ? out : out.records);
      process.stderr.write(
        `${basename(file)}: ${adapter.name} adapter: ${out.records.length} record${out.records.length === 1 ? '' : 's'}, ${out.links.length} link${out.links.length === 1 ? '' : 's'} to follow, layout ${out.layout}` +
          `${out.problems.length ? `\n  problems:\n${out.problems.map((p) => `  - ${p}`).join('\n')}` : ''}\n`,
      );
    });
}
