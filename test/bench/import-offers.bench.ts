// Benchmark: importing 100,000 synthetic offers into SQLite (validation, then one atomic batch), records per second.
import { join } from 'node:path';
import type { Offer } from '../../src/domain/index.js';
import { buildDatabase } from '../../src/node/build-database.js';
import { loadTaxonomy } from '../../src/node/data-files.js';
import { openDatabase } from '../../src/node/open-database.js';
import { validateRecords } from '../../src/curated/validate-records.js';
import { tempDir } from '../support/temp-db.js';

const TYPES = ['holiday_play_scheme', 'weekend_club', 'after_school_club', 'youth_club', 'buddy_befriending', 'direct_payment'];

/** Invented offers spread over the real council codes (the offers themselves are synthetic). */
export function syntheticOffers(n: number, councils: string[]): Offer[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'offer' as const,
    id: `bench-offer-${i}`,
    council_code: councils[i % councils.length]!,
    name: `Synthetic club ${i}`,
    description: `A synthetic short break offer number ${i}, used only to measure import speed.`,
    type: TYPES[i % TYPES.length]!,
    statutory_categories: ['educational_leisure'],
    time_slots: ['weekend'],
    access_tier: i % 3 === 0 ? 'universal' : 'targeted',
    gates: i % 2 ? ['registration_card'] : [],
    age_min: 5,
    age_max: 17,
    cost: { status: 'charged' as const, charges: [{ amount_gbp: 2, per: 'hour' as const }] },
    allowances: [{ max: 40, unit: 'hours' as const, per: 'year' as const }],
    districts: [],
    source_terms: [],
    origin: 'scraped' as const,
    source: { url: `https://directory.example/${i % 5000}`, kind: 'directory' as const },
    evidence_quote: `Synthetic club ${i}: £2 per hour`,
    published: null,
    retrieved: '2026-11-22',
    confidence: 0.8,
  }));
}

export async function benchImportOffers(n = 100_000) {
  const t = tempDir('sbb-bench-');
  try {
    const path = join(t.dir, 'bench.sqlite');
    await buildDatabase(path, { curated: [] });
    const store = await openDatabase(path);
    const councils = [...(await store.knownCouncilCodes())];
    const raw = syntheticOffers(n, councils).map((value, i) => ({ line: i + 1, value: JSON.parse(JSON.stringify(value)) as unknown }));

    const v0 = performance.now();
    const { records, problems } = validateRecords(raw, { taxonomy: loadTaxonomy(), councilCodes: new Set(councils) });
    const validateMs = performance.now() - v0;
    if (problems.length || records.length !== n) throw new Error(`synthetic offers did not validate: ${JSON.stringify(problems[0])}`);

    const w0 = performance.now();
    await store.importRecords(records, { bench: true });
    const writeMs = performance.now() - w0;
    const stored = (await store.counts()).offers;
    await store.driver.close();
    if (stored !== n) throw new Error(`expected ${n} offers stored, found ${stored}`);
    return {
      offers: n,
      validate_s: validateMs / 1000,
      write_s: writeMs / 1000,
      records_per_s_write: Math.round(n / (writeMs / 1000)),
      records_per_s_validate_and_write: Math.round(n / ((validateMs + writeMs) / 1000)),
    };
  } finally {
    t.cleanup();
  }
}
