// Builds the classifier inputs of the evaluation set (test/eval/records.json): every offer the fixture pages yield
// through their adapters, plus every curated offer, with every taxonomy decision stripped out.
// Run: node bin/run-ts.js test/eval/build-records.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Adapter, PageInput } from '../../scrapers/adapters/adapter.js';
import { jaduAdapter } from '../../scrapers/adapters/jadu.js';
import { kb5Adapter } from '../../scrapers/adapters/kb5.js';
import { localgovDrupalAdapter } from '../../scrapers/adapters/localgov-drupal.js';
import { orukV1Adapter } from '../../scrapers/adapters/oruk-v1.js';
import { orukV3Adapter } from '../../scrapers/adapters/oruk-v3.js';
import { outpostAdapter } from '../../scrapers/adapters/outpost.js';
import { pdfStatementAdapter } from '../../scrapers/adapters/pdf-statement.js';
import { statementAdapter } from '../../scrapers/adapters/statement.js';
import type { CrawlSource } from '../../src/domain/source.js';
import type { Offer } from '../../src/domain/index.js';
import { LISTING, kb5Page, servicePath, SERVICES } from '../fixtures/sites/kb5/site.js';
import type { ClassifierInput } from '../../src/classify/classify.js';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'test/fixtures');
const OUT = join(ROOT, 'test/eval/records.json');
const COUNCIL = 'E10000017';

/** What the classifier reads of an offer (the same shape as its input). */
export type EvalInput = ClassifierInput;
export interface EvalRecord {
  id: string;
  origin: 'fixture' | 'curated';
  council_code: string;
  input: EvalInput;
}

const read = (path: string) => readFileSync(join(FIX, path));
const readText = (path: string) => readFileSync(join(FIX, path), 'utf8');

function page(url: string, body: string | Uint8Array, contentType: string, source: Omit<CrawlSource, 'id' | 'url' | 'title' | 'notes'>, label = 'entry'): PageInput {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    url, finalUrl: url, status: 200, contentType, bytes, label, retrieved: '2026-11-22',
    text: typeof body === 'string' ? body : undefined,
    source: { id: 'src_eval', url, title: null, notes: null, ...source },
  };
}

async function offersOf(adapter: Adapter, input: PageInput): Promise<Offer[]> {
  const out = await adapter.parse(input);
  return out.records.filter((r): r is Offer => r.kind === 'offer');
}

/** Every offer the fixture pages give, page by page. */
async function fixtureOffers(): Promise<Offer[]> {
  const all: Offer[] = [];
  const add = async (adapter: Adapter, input: PageInput) => all.push(...(await offersOf(adapter, input)));

  // kb5: listing pages (both themes, the landing page) and the five service pages.
  for (const [file, path] of [
    ['localoffer.html', LISTING.landing], ['results-bs3-sr0.html', LISTING.sr0], ['results-bs3-sr10.html', LISTING.sr10], ['results-bs5.html', LISTING.newTheme],
  ] as const) await add(kb5Adapter, kb5Page(file, path));
  for (const id of Object.values(SERVICES)) await add(kb5Adapter, kb5Page(`service-${id}.html`, servicePath(id)));

  // LocalGov Drupal and Jadu: every routed page.
  const html = 'text/html; charset=utf-8';
  for (const [dir, origin, adapter, platform] of [
    ['sites/localgov-drupal', 'http://127.0.0.1:8099', localgovDrupalAdapter, 'localgov_drupal'],
    ['sites/jadu', 'http://127.0.0.1:8098', jaduAdapter, 'jadu'],
  ] as const) {
    const routes = JSON.parse(readText(`${dir}/routes.json`)) as Record<string, string>;
    for (const [path, file] of Object.entries(routes)) {
      if (file.endsWith('.txt')) continue;
      await add(adapter, page(origin + path, readText(`${dir}/${file}`), html, { council_code: COUNCIL, kind: 'directory', platform, adapter: adapter.name }));
    }
  }

  // Synthetic Placecube ORUK v1 feed: both list pages and the three detail pages.
  const v1 = 'https://exampleshire.example/o/ServiceDirectoryService/v2';
  const v1Source = { council_code: COUNCIL, kind: 'oruk_feed', platform: 'placecube', adapter: 'oruk_v1' } as const;
  await add(orukV1Adapter, page(`${v1}/services?page=1`, readText('oruk/synthetic-placecube/services-page-1.json'), 'application/json', v1Source));
  await add(orukV1Adapter, page(`${v1}/services?page=2`, readText('oruk/synthetic-placecube/services-page-2.json'), 'application/json', v1Source));
  for (const id of ['40101', '40102', '40103'])
    await add(orukV1Adapter, page(`${v1}/services/${id}`, readText(`oruk/synthetic-placecube/service-${id}.json`), 'application/json', v1Source));

  // Outpost: page 1 of the real-derived Buckinghamshire FIS feed (20 services).
  const outpost = 'https://api.familyinfo.buckinghamshire.gov.uk/api/v1';
  await add(outpostAdapter, page(`${outpost}/services?page=1`, readText('oruk/outpost_bucks_fis/services.json'), 'application/json; charset=utf-8',
    { council_code: 'E06000060', kind: 'oruk_feed', platform: 'outpost', adapter: 'outpost' }));

  // ORUK v3 validator mocks: the service list and full service of each folder.
  const v3 = 'https://feed.example/api/v3';
  const v3Source = { council_code: COUNCIL, kind: 'oruk_feed', platform: 'oruk_v3', adapter: 'oruk_v3' } as const;
  for (const which of ['Default', 'Fail', 'Warn']) {
    const list = readText(`oruk/validator_mocks_v3/${which}/service_list.json`);
    await add(orukV3Adapter, page(`${v3}/services?page=1`, list, 'application/json', v3Source));
    const full = readText(`oruk/validator_mocks_v3/${which}/service_full.json`);
    const id = (JSON.parse(full) as { id?: string }).id ?? 'unknown';
    await add(orukV3Adapter, page(`${v3}/services/${id}`, full, 'application/json', v3Source));
  }

  // Statements: the four Exampleshire pages in order, Sampleton, Otterbridge, Fernleigh, Hollinsby, and the Testford PDF.
  const st = 'https://www.exampleshire.example';
  const stSource = { council_code: COUNCIL, kind: 'other', platform: 'plain_html', adapter: 'statement' } as const;
  let label = 'entry';
  for (const n of [1, 2, 3, 4]) {
    const input = page(`${st}/short-breaks-statement/${n}`, readText(`sites/statement/short-breaks-statement/${n}.html`), html, stSource, label);
    const out = await statementAdapter.parse(input);
    all.push(...out.records.filter((r): r is Offer => r.kind === 'offer'));
    label = out.links.find((l) => l.label.startsWith('statement_page'))?.label ?? label;
  }
  await add(statementAdapter, page(`${st}/sampleton/short-breaks-statement`, readText('sites/statement/sampleton.html'), html, stSource));
  // Three more single-page statements of invented councils, written for the evaluation set (hours and charges).
  for (const name of ['otterbridge', 'fernleigh', 'hollinsby'])
    await add(statementAdapter, page(`${st}/${name}/short-breaks-statement`, readText(`sites/statement/${name}.html`), html, stSource));
  const pdfUrl = 'https://www.testford.example/documents/testford-short-breaks-statement.pdf';
  await add(pdfStatementAdapter, page(pdfUrl, new Uint8Array(read('sites/statement/statement.pdf')), 'application/pdf',
    { council_code: COUNCIL, kind: 'other', platform: null, adapter: 'pdf_statement' }, 'pdf'));
  return all;
}

function curatedOffers(): Offer[] {
  const dir = join(ROOT, 'data/curated');
  const offers: Offer[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const body = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const records = (Array.isArray(body) ? body : (body as { records: unknown[] }).records) as Array<{ kind: string }>;
    offers.push(...(records.filter((r) => r.kind === 'offer') as Offer[]));
  }
  return offers;
}

const clean = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** The classifier's input: text only, no taxonomy decision (type, tier, categories, slots, gates, ages, charges, allowances). */
function inputOf(o: Offer): EvalInput {
  const input: EvalInput = { name: o.name, source_terms: [] };
  const fields: Array<[keyof EvalInput, string | undefined]> = [
    ['description', o.description], ['eligibility', o.eligibility], ['cost_note', o.cost?.note], ['schedule', o.schedule],
    ['age_note', o.age_note], ['tier_label', o.tier_label], ['evidence_quote', o.evidence_quote],
  ];
  for (const [key, value] of fields) {
    const v = clean(value);
    if (v !== undefined) (input as unknown as Record<string, string>)[key] = v;
  }
  // source_terms last, after the text fields
  delete (input as Partial<EvalInput>).source_terms;
  input.source_terms = [...(o.source_terms ?? [])];
  return input;
}

/** How much text a record carries: the duplicate with the most wins. */
const richness = (r: EvalRecord) =>
  Object.values(r.input).reduce((n: number, v) => n + (Array.isArray(v) ? v.join(' ').length : String(v).length), 0) + Object.keys(r.input).length * 1000;

async function main() {
  const byId = new Map<string, EvalRecord>();
  const put = (r: EvalRecord) => {
    const seen = byId.get(r.id);
    if (seen && seen.origin !== r.origin) throw new Error(`id ${r.id} is both fixture and curated`);
    if (!seen || richness(r) > richness(seen)) byId.set(r.id, r);
  };
  for (const o of await fixtureOffers()) put({ id: o.id, origin: 'fixture', council_code: o.council_code, input: inputOf(o) });
  for (const o of curatedOffers()) put({ id: o.id, origin: 'curated', council_code: o.council_code, input: inputOf(o) });

  const records = [...byId.values()].sort((a, b) => (a.origin === b.origin ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.origin < b.origin ? -1 : 1));
  writeFileSync(OUT, JSON.stringify(records, null, 2) + '\n');
  const counts = records.reduce<Record<string, number>>((m, r) => ({ ...m, [r.origin]: (m[r.origin] ?? 0) + 1 }), {});
  console.log(`wrote ${records.length} records to ${OUT}`, counts);
}

await main();
