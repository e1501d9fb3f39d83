// Shows a scrape as it runs: a progress bar on a terminal, one plain line per page otherwise; then a summary table.
import { SingleBar, Presets } from 'cli-progress';
import type { SourceSummary } from '../domain/index.js';
import type { PageEvent } from '../../scrapers/crawl/crawler.js';
import { withFlagHint } from './flag-hints.js';
import { printTable } from './output.js';

export interface Progress {
  start(total: number): void;
  page(e: PageEvent): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({ format: 'scraping [{bar}] {value}/{total} pages | {last}', hideCursor: true, stream }, Presets.shades_classic);
    return {
      start: (total) => bar.start(total, 0, { last: '' }),
      page: (e) => {
        bar.setTotal(Math.max(e.queued, 1));
        bar.update(e.done, { last: `${e.outcome} ${e.item.url.slice(0, 60)}` });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start: (total) => stream.write(`scraping: ${total} page${total === 1 ? '' : 's'} queued\n`),
    page: (e) => stream.write(`[${e.done}/${e.queued}] ${e.outcome}${e.status ? ` ${e.status}` : ''} ${e.item.url}${e.reason ? ` (${withFlagHint(e.reason, e.item.url)})` : ''}\n`),
    stop: () => undefined,
  };
}

export function printSourceSummary(sources: readonly SourceSummary[], out = process.stdout): void {
  printTable(
    sources.map((s) => ({
      council: s.councilCode ?? '-',
      status: s.status,
      pages: s.pages,
      failed: s.pagesFailed,
      records: s.records,
      source: s.url.length > 70 ? `${s.url.slice(0, 67)}...` : s.url,
      reason: s.reason ? withFlagHint(shorten(s.reason), s.url) : '',
    })),
    ['council', 'status', 'pages', 'failed', 'records', 'source', 'reason'],
    out,
  );
}

const shorten = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}...` : s);
