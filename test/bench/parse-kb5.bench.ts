// Benchmark: parsing the synthetic kb5 service pages (~32 KB each, portal chrome included) with the kb5 adapter, pages per second.
import { kb5Adapter } from '../../scrapers/adapters/kb5.js';
import type { PageInput } from '../../scrapers/adapters/adapter.js';
import { DETAIL_FILES, SERVICES, kb5Page, servicePath } from '../fixtures/sites/kb5/site.js';

/** Parses the five detail pages round-robin, `parses` times in all, single-threaded; a short warm-up first. */
export async function benchParseKb5(parses = 2000): Promise<{ pages: number; seconds: number; pages_per_s: number; bytes_per_page: number }> {
  const pages: PageInput[] = Object.values(SERVICES).map((id, i) => ({ ...kb5Page(DETAIL_FILES[i]!, servicePath(id)), label: 'detail' }));
  const bytesPerPage = Math.round(pages.reduce((n, p) => n + p.bytes.length, 0) / pages.length);
  let records = 0;
  for (let i = 0; i < 200; i++) await kb5Adapter.parse(pages[i % pages.length]!);
  const t0 = performance.now();
  for (let i = 0; i < parses; i++) records += (await kb5Adapter.parse(pages[i % pages.length]!)).records.length;
  const seconds = (performance.now() - t0) / 1000;
  if (records !== parses) throw new Error(`expected one record per service page, got ${records} from ${parses} parses`);
  return { pages: parses, seconds: Number(seconds.toFixed(3)), pages_per_s: Math.round(parses / seconds), bytes_per_page: bytesPerPage };
}
