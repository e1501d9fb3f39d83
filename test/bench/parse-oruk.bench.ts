// Benchmark: parsing ORUK v1 service detail pages (the synthetic Placecube details) single-threaded, services per second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageInput, PageOutput } from '../../scrapers/adapters/adapter.js';
import { orukV1Adapter } from '../../scrapers/adapters/oruk-v1.js';
import { PROJECT_ROOT } from '../../src/node/paths.js';

const DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'oruk', 'synthetic-placecube');
const DETAILS = ['service-40101.json', 'service-40102.json', 'service-40103.json'];

function detailPages(): PageInput[] {
  return DETAILS.map((file) => {
    const bytes = readFileSync(join(DIR, file));
    const url = `https://exampleshire.example/o/ServiceDirectoryService/v2/services/${file.replace(/\D/g, '')}`;
    return {
      url, finalUrl: url, status: 200, contentType: 'application/json', text: bytes.toString('utf8'), bytes, label: 'detail',
      source: { id: 'src_bench', url, council_code: 'E10000017', kind: 'oruk_feed', platform: 'placecube', adapter: 'oruk_v1', title: null, notes: null },
      retrieved: '2026-11-22',
    };
  });
}

/** Parses `n` detail pages (each one service, HTML description, mojibake, a raw control character) and counts the records. */
export async function benchParseOruk(n = 5_000): Promise<{ services: number; seconds: number; services_per_s: number }> {
  const pages = detailPages();
  for (let i = 0; i < 1_000; i++) orukV1Adapter.parse(pages[i % pages.length]!); // warm-up (JIT)
  let services = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) services += ((await orukV1Adapter.parse(pages[i % pages.length]!)) as PageOutput).records.length;
  const seconds = (performance.now() - t0) / 1000;
  if (services !== n) throw new Error(`expected ${n} services, parsed ${services}`);
  return { services, seconds: Math.round(seconds * 1000) / 1000, services_per_s: Math.round(services / seconds) };
}
