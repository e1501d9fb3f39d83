// `sbb reparse`: run the adapters again over stored snapshots, without fetching, and store what they yield.
import type { Command } from 'commander';
import { shippedAdapters } from '../../scrapers/adapters/all.js';
import { adapterNamed } from '../../scrapers/adapters/registry.js';
import { createSnapshotFiles } from '../../scrapers/snapshots/snapshot-files.js';
import { decodeText, isTextual } from '../../scrapers/fetch/decode-text.js';
import type { CuratedRecord } from '../domain/index.js';
import { UserError } from '../domain/errors.js';
import { classifyCouncils } from '../node/classify-offers.js';
import { openDatabase } from '../node/open-database.js';
import { dbPath } from '../node/paths.js';
import { snapshotsDirFor } from './scrape-command.js';

export function registerReparseCommand(program: Command): void {
  program
    .command('reparse')
    .description('parse stored snapshots again (after an adapter changed) without fetching anything')
    .option('--run <id>', 'only the snapshots of this run')
    .option('--council <code>', 'only this council\'s sources')
    .option('--snapshots <dir>', 'where snapshot bodies are kept (default: snapshots/ beside the database)')
    .option('--db <path>', 'database file')
    .action(async (opts: { run?: string; council?: string; snapshots?: string; db?: string }) => {
      const path = dbPath(opts.db);
      const store = await openDatabase(path);
      try {
        const council = opts.council ? await store.findCouncil(opts.council) : undefined;
        if (opts.council && !council) throw new UserError(`no council with code "${opts.council}"`);
        const files = createSnapshotFiles(snapshotsDirFor(path, opts.snapshots));
        const adapters = shippedAdapters();
        const sources = new Map((await store.crawl.sourcesFor('all')).map((s) => [s.id, s]));
        const snaps = await store.crawl.latestSnapshots({ runId: opts.run, council: council?.code });
        const records: CuratedRecord[] = [];
        let parsed = 0;
        let missing = 0;
        for (const s of snaps) {
          const source = s.sourceId ? sources.get(s.sourceId) : undefined;
          const bytes = files.get(s.sha256);
          if (!source || !bytes) {
            missing++;
            continue;
          }
          const text = isTextual(s.contentType) ? decodeText(bytes, s.contentType).text : undefined;
          const out = await adapterNamed(adapters, source.adapter).parse({
            url: s.url, finalUrl: s.finalUrl, status: s.status, contentType: s.contentType, text, bytes, label: s.label, source, retrieved: s.fetchedAt.slice(0, 10),
          });
          records.push(...out.records);
          parsed++;
        }
        const stored = records.length ? await store.importRecords(records, { reparse: true, run: opts.run ?? null, council: council?.code ?? null }) : undefined;
        if (stored) await classifyCouncils(store, [...new Set(records.map((r) => r.council_code))], { runId: stored.run_id });
        process.stdout.write(`reparsed ${parsed} snapshot${parsed === 1 ? '' : 's'}${missing ? ` (${missing} without a stored body or source, skipped)` : ''}: ${records.length} record${records.length === 1 ? '' : 's'}${stored ? ` stored (run ${stored.run_id})` : ''}\n`);
      } finally {
        await store.driver.close();
      }
    });
}
