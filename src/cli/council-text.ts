// `sbb council CODE` as text: every fact shown with where it comes from (the reference dataset, the inspection
// report, the Ofsted data, or the page an offer or council fact was read from, with its dates).
import type { councilDetail } from '../services/council-detail.js';
import { printTable } from './output.js';

type Detail = Awaited<ReturnType<typeof councilDetail>>;

const write = (s: string) => process.stdout.write(s);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);
/** "read 2026-11-22, published 2024": the dates a record's source gives. */
const dated = (r: { retrieved?: string | null; published?: string | null }) => [r.retrieved ? `read ${r.retrieved}` : null, r.published ? `published ${r.published}` : 'no publication date'].filter(Boolean).join(', ');

/** A dataset by its id, as the reference data names it (title and the date of the data). */
export type DatasetTitles = ReadonlyMap<string, { title: string; data_date: string }>;

export function printCouncil(d: Detail, datasets: DatasetTitles): void {
  const c = d.council;
  const source = (id: string) => {
    const ds = datasets.get(id);
    return ds ? `${ds.title} (${ds.data_date})` : id;
  };
  write(`${c.name} (${c.code}, LA ${c.la_number}), ${c.region_name}\n`);
  write(`Source: ${source('dfe_la_list')}\n`);
  write(`\nStatistical neighbours (DfE 2025 model)\nSource: ${source('dfe_sn_2025')}\n`);
  printTable(d.statistical_neighbours['2025'], ['rank', 'name', 'code', 'closeness']);
  // The latest period of each figure (`--json` gives every period), each with its dataset.
  const latest = new Map<string, Detail['figures'][number]>();
  for (const f of d.figures) if (!latest.has(f.measure) || f.period > latest.get(f.measure)!.period) latest.set(f.measure, f);
  if (latest.size) {
    write('\nReference figures beside the region and England (latest period; --json gives every period)\n');
    printTable(
      [...latest.values()].map((f) => ({ figure: clip(f.label, 60), period: f.period, value: f.value, region: f.region_value, england: f.england_value, source: source(f.dataset_id) })),
      ['figure', 'period', 'value', 'region', 'england', 'source'],
    );
  }
  const insp = d.latest_area_send;
  write(`\nLatest area SEND inspection: ${insp ? `${insp.inspection_start ?? '?'} to ${insp.inspection_end ?? '?'}: ${insp.outcome_label ?? 'outcome not recorded'}` : 'none in the shipped data (older framework or not yet inspected)'}\n`);
  if (insp) write(`Source: ${insp.report_url ?? insp.source}${insp.publication_date ? ` (published ${insp.publication_date})` : ''}\n`);
  if (d.area_send_findings.length) {
    write(`What the report says about short breaks (${d.area_send_findings.length})\n`);
    printTable(d.area_send_findings.map((f) => ({ reads_as: f.polarity, sentence: clip(f.sentence, 100), source: f.citation })), ['reads_as', 'sentence', 'source']);
  }
  const providers = Object.entries(d.short_break_providers.by_rating).map(([r, n]) => `${n} ${r}`).join(', ');
  write(`\nOfsted-registered short-break providers in the area: ${d.short_break_providers.total}${providers ? ` (${providers})` : ''}\n`);
  if (d.short_break_providers.total) write(`Source: ${source('ofsted_providers_2023')}\n`);
  write(`\nOffers (${d.offers.length})\n`);
  printTable(
    d.offers.map((o) => ({ name: clip(o.name, 60), type: o.type, tier: o.access_tier, ages: o.age_min !== undefined || o.age_max !== undefined ? `${o.age_min ?? '?'}-${o.age_max ?? '?'}` : null, source: o.source.url, dates: dated(o) })),
    ['name', 'type', 'tier', 'ages', 'source', 'dates'],
  );
  write(`\nCouncil facts (${d.facts.length})\n`);
  printTable(d.facts.map((f) => ({ topic: f.topic, statement: clip(f.statement, 80), source: f.source.url, dates: dated(f) })), ['topic', 'statement', 'source', 'dates']);
}
