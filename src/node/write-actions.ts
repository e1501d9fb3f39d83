// The Node implementations of the API's writes: import validated records (then classify), and start a scrape run
// in the background (one at a time), reporting its id as soon as it has one.
import { validateRecords } from '../curated/validate-records.js';
import { AppError, conflict, invalid } from '../domain/errors.js';
import type { WriteActions } from '../http/write-routes.js';
import type { Store } from '../store/store.js';
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import { classifyCouncils } from './classify-offers.js';
import { loadTaxonomy } from './data-files.js';

export function nodeWriteActions(options: { snapshotsDir: string }): WriteActions {
  let scraping: Promise<unknown> | undefined;
  return {
    async importRecords(store: Store, raws: unknown[]) {
      const taxonomy = loadTaxonomy();
      const { records, problems } = validateRecords(
        raws.map((value, i) => ({ line: i + 1, value })),
        { taxonomy, councilCodes: await store.knownCouncilCodes() },
      );
      const ids = new Set<string>();
      records.forEach((r, i) => {
        if (ids.has(r.id)) problems.push({ record: i + 1, id: r.id, field: 'id', message: `id "${r.id}" is used twice` });
        ids.add(r.id);
      });
      if (problems.length)
        throw invalid('records', `import rejected: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`, {
          problems: problems.slice(0, 100).map((p) => ({ field: `records[${p.record - 1}]${p.field === '(record)' ? '' : `.${p.field}`}`, message: p.id ? `${p.id}: ${p.message}` : p.message })),
        });
      const result = await store.importRecords(records, { via: 'api', taxonomy_version: taxonomy.version });
      const classified = await classifyCouncils(store, [...new Set(records.map((r) => r.council_code))], { runId: result.run_id });
      return { ...result, classified: classified.offers };
    },

    async startScrape(store: Store, request: { councils?: string[]; all?: boolean }) {
      if (scraping) throw conflict('a scrape is already running on this server; see /api/runs', { problems: [{ field: 'scrape', message: 'already running' }] });
      return new Promise<{ run_id: string }>((resolve, reject) => {
        let started = false;
        const run = runScrape(store, {
          councils: request.councils,
          all: request.all,
          snapshotsDir: options.snapshotsDir,
          onStart: (info) => {
            started = true;
            resolve({ run_id: info.runId });
          },
        })
          .then(async (result) => {
            await store.classification.markDisappeared(result.runId, new Date());
            const councils = [...new Set(result.sources.map((s) => s.councilCode).filter((c): c is string => !!c))];
            await classifyCouncils(store, councils, { runId: result.runId });
          })
          .catch((e: unknown) => {
            // Wrong input found before the run starts (no such council, no sources) is said of the request's councils.
            const wrongInput = e instanceof AppError && (e.kind === 'invalid' || e.kind === 'usage' || e.kind === 'not_found');
            if (!started) reject(wrongInput ? invalid('councils', e.message, { cause: e }) : e);
            else console.error(`scrape failed: ${(e as Error).message}`);
          })
          .finally(() => {
            scraping = undefined;
          });
        scraping = run;
      });
    },
  };
}
