// Small invented scoring inputs (Exampleshire, Sampletown, Mockborough, Nowhereshire): every council, figure and
// offer here is synthetic, built in memory so each metric can be checked against a hand computation.
import { OfferSchema, type CouncilFact, type Offer } from '../../src/domain/index.js';
import type { Figure, ScoringData, ScoringFinding } from '../../src/scoring/scoring-data.js';

export const EX = 'E10999901';
export const SAMPLE = 'E06999902';
export const MOCK = 'E09999903';
export const NOWHERE = 'E08999904';
export const REGION = 'E12999999';

let n = 0;
export function offer(council: string, fields: Partial<Offer> & { name?: string }): Offer {
  n += 1;
  const id = fields.id ?? `synthetic-${council.toLowerCase()}-${n}`;
  return OfferSchema.parse({
    kind: 'offer',
    id,
    council_code: council,
    name: fields.name ?? `Synthetic offer ${n}`,
    source: { url: `https://${council.toLowerCase()}.example/${id}`, kind: 'local_offer_page' },
    evidence_quote: 'synthetic',
    retrieved: '2026-11-22',
    confidence: 0.9,
    ...fields,
  });
}

export function fact(council: string, published: string | null): CouncilFact {
  n += 1;
  return { kind: 'council_fact', id: `fact-${n}`, council_code: council, topic: 'statement', statement: 'synthetic statement', source: { url: `https://${council.toLowerCase()}.example/statement`, kind: 'statement' }, evidence_quote: 'synthetic', published, retrieved: '2026-11-22', confidence: 0.9 };
}

const fig = (value: number, period = '2025', dataset_id = 'synthetic'): Figure => ({ value, period, dataset_id });

export interface Build {
  offers?: Record<string, Offer[]>;
  facts?: Record<string, CouncilFact[]>;
  figures?: Record<string, Record<string, number>>;
  outcomes?: Record<string, number | null>;
  findings?: Record<string, Array<Pick<ScoringFinding, 'topic' | 'polarity'>>>;
  providers?: Record<string, Record<string, number>>;
  neighbours?: Record<string, string[]>;
}

export function scoringData(b: Build = {}): ScoringData {
  const councils = [
    { code: EX, name: 'Exampleshire', type: 'county', region_code: REGION, region_name: 'Example Region (synthetic)', la_number: '991' },
    { code: SAMPLE, name: 'Sampletown', type: 'unitary', region_code: REGION, region_name: 'Example Region (synthetic)', la_number: '992' },
    { code: MOCK, name: 'Mockborough', type: 'london_borough', region_code: REGION, region_name: 'Example Region (synthetic)', la_number: '993' },
    { code: NOWHERE, name: 'Nowhereshire', type: 'county', region_code: 'E12999998', region_name: 'Other Region (synthetic)', la_number: '994' },
  ];
  return {
    councils,
    offers: new Map(Object.entries(b.offers ?? {})),
    facts: new Map(Object.entries(b.facts ?? {})),
    inspections: new Map(
      Object.entries(b.outcomes ?? {}).map(([code, o]) => [code, { framework: 'area SEND 2023', outcome_code: o, outcome_label: o === 1 ? 'typically positive' : o === 2 ? 'inconsistent' : o === 3 ? 'widespread failings' : null, inspection_start: '2024-01-08', publication_date: '2024-03-01', report_url: `https://reports.example/${code}.pdf` }]),
    ),
    findings: new Map(Object.entries(b.findings ?? {}).map(([code, fs]) => [code, fs.map((f, i) => ({ ...f, sentence: `synthetic sentence ${i}`, page: i + 1, report_url: null, citation: `report p. ${i + 1}` }))])),
    providers: new Map(Object.entries(b.providers ?? {})),
    figures: new Map(Object.entries(b.figures ?? {}).map(([area, m]) => [area, new Map(Object.entries(m).map(([k, v]) => [k, fig(v)]))])),
    england_code: 'E92000001',
    neighbours: { '2025': new Map(Object.entries(b.neighbours ?? { [EX]: [SAMPLE, MOCK, NOWHERE] })), '2021': new Map() },
    datasets: new Map([['dfe_sn_2025', { title: 'synthetic', data_date: '2025-05' }]]),
    taxonomy_version: 'synthetic',
    data_fingerprint: 'synthetic',
    built_at: '2026-11-22T12:00:00.000Z',
  };
}
