// `npm run bench`: runs every benchmark and prints its figures (and writes them to test/out/bench.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { benchImportOffers } from './import-offers.bench.js';

const results: Record<string, unknown> = { node: process.version, at: new Date().toISOString() };

const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);

console.log('import: 100,000 synthetic offers into SQLite (validate with zod + taxonomy, then one atomic batch)');
const imp = await benchImportOffers(100_000);
results.import_offers = { ...imp, peak_rss_mb: peak() };
console.log(
  `  validate ${imp.validate_s.toFixed(2)} s, write ${imp.write_s.toFixed(2)} s: ` +
    `${imp.records_per_s_write.toLocaleString('en-GB')} records/s written, ` +
    `${imp.records_per_s_validate_and_write.toLocaleString('en-GB')} records/s validated and written; peak RSS ${peak()} MB`,
);

const out = join(PROJECT_ROOT, 'test', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`figures written to ${join('test', 'out', 'bench.json')}`);
