// Benchmark: reading each of the 25 area SEND report PDFs (text, header, sentences, findings), milliseconds per report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAreaMatcher } from '../../scrapers/ofsted/area-match.js';
import { readAreaSendReport } from '../../scrapers/ofsted/read-report.js';
import { loadReferenceBundle } from '../../src/node/data-files.js';
import { REPORTS_DIR } from '../../src/node/paths.js';

export async function benchOfstedReports(): Promise<{ reports: number; mean_ms: number; median_ms: number; max_ms: number; first_ms: number }> {
  const councils = loadReferenceBundle().councils;
  const match = createAreaMatcher(councils);
  const files = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.pdf')).sort();
  const times: number[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(REPORTS_DIR, f)));
    const t0 = performance.now();
    await readAreaSendReport(bytes, f, match);
    times.push(performance.now() - t0);
  }
  const first = times[0]!;
  const warm = times.slice(1).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    reports: files.length,
    mean_ms: round(warm.reduce((a, b) => a + b, 0) / warm.length),
    median_ms: round(warm[Math.floor(warm.length / 2)]!),
    max_ms: round(warm[warm.length - 1]!),
    first_ms: round(first),
  };
}
