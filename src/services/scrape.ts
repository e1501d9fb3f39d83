// A scrape run and the steps after it: offers no longer found are marked disappeared, and the councils scraped are
// classified. The crawler itself (Node: fetch, robots, snapshot files) is handed in.
import type { ScrapeRequest, ScrapeResult } from '../../scrapers/crawl/scrape-run.js';
import { conflict } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { classifyTouched, type ClassifyResult } from './classify.js';
import type { ClassifierFiles } from './ports.js';

export type ScrapeRunner = (store: Store, request: ScrapeRequest) => Promise<ScrapeResult>;

export interface ScrapeOutcome {
  run: ScrapeResult;
  classified: ClassifyResult;
  /** Offers whose pages no longer yield them. */
  disappeared: number;
}

/** After a run: mark what disappeared, then classify the councils whose sources were scraped. */
export async function afterScrape(store: Store, run: ScrapeResult, files: ClassifierFiles, now = new Date()): Promise<Omit<ScrapeOutcome, 'run'>> {
  const gone = await store.classification.markDisappeared(run.runId, now);
  const classified = await classifyTouched(store, run.sources.map((s) => s.councilCode), files, run.runId);
  return { classified, disappeared: gone.length };
}

/** Starts or resumes a run (`run` crawls), then the steps after it. `onScraped` hears of the run before they start. */
export async function scrape(
  store: Store,
  request: ScrapeRequest,
  deps: { run: ScrapeRunner; files: ClassifierFiles },
  onScraped?: (run: ScrapeResult) => void,
): Promise<ScrapeOutcome> {
  const run = await deps.run(store, request);
  onScraped?.(run);
  return { run, ...(await afterScrape(store, run, deps.files)) };
}

/**
 * Scrapes started through the API: one at a time per server, answered with the run's id as soon as it has one;
 * the run and the steps after it go on in the background. A failure before the run starts is thrown to the caller.
 */
export function backgroundScrapes(deps: { run: ScrapeRunner; files: ClassifierFiles; log?: (message: string) => void }) {
  let running: Promise<unknown> | undefined;
  return {
    start(store: Store, request: ScrapeRequest): Promise<{ run_id: string }> {
      if (running) return Promise.reject(conflict('a scrape is already running on this server; see /api/runs', { field: 'scrape', problems: [{ field: 'scrape', message: 'already running' }] }));
      return new Promise((resolve, reject) => {
        let started = false;
        running = scrape(store, { ...request, onStart: (info) => ((started = true), resolve({ run_id: info.runId })) }, deps)
          .catch((e: unknown) => (started ? (deps.log ?? console.error)(`scrape failed: ${(e as Error).message}`) : reject(e)))
          .finally(() => (running = undefined));
      });
    },
  };
}
