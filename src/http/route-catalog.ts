// Every route the API serves, with its query schema and formats: the source of the OpenAPI document and of the
// tests that walk every route (envelopes, validation, fuzzing).
import { z } from 'zod';
import { LISTINGS, type ListingName } from '../store/listings.js';
import { listingQuerySchema } from './listing-routes.js';
import { PackQuerySchema } from './pack-routes.js';
import { CompareQuery, GapsQuery, ScoresQuery } from './scoring-routes.js';

export interface RouteInfo {
  method: 'GET' | 'POST';
  /** OpenAPI path template. */
  path: string;
  summary: string;
  tag: 'system' | 'councils' | 'offers' | 'sources' | 'inspections' | 'scoring' | 'packs' | 'writes';
  query?: z.ZodTypeAny;
  /** Path parameters and an example value for each (used by tests and the document). */
  params?: Record<string, { description: string; example: string }>;
  formats: Array<'json' | 'csv' | 'zip' | 'pdf' | 'html'>;
  /** An example request path (with path parameters filled in) that succeeds on the shipped data. */
  example: string;
  /** Needs the bearer token; off when no token is set. */
  auth?: boolean;
}

const code = { code: { description: 'GSS code (E10000017), previous GSS code or DfE LA number (888)', example: 'E10000017' } };
const none = z.object({}).strict();

const LISTING_SUMMARY: Record<ListingName, string> = {
  councils: 'The 153 councils with what is stored for each',
  offers: 'Current short-break offers, one per offer, with filters and facets',
  sources: 'Sources (entry points and documents) with the status of their latest scrape',
  runs: 'Imports, builds and scrapes, newest first',
  inspections: 'Area SEND inspections with their outcomes',
  findings: 'Sentences of area SEND reports about short breaks, with page and polarity',
};
const LISTING_TAG: Record<ListingName, RouteInfo['tag']> = { councils: 'councils', offers: 'offers', sources: 'sources', runs: 'sources', inspections: 'inspections', findings: 'inspections' };

export const ROUTES: RouteInfo[] = [
  { method: 'GET', path: '/-/health', summary: 'Status and row counts', tag: 'system', query: none, formats: ['json'], example: '/-/health' },
  { method: 'GET', path: '/-/version', summary: 'App, method and taxonomy versions, when the data was built', tag: 'system', query: none, formats: ['json'], example: '/-/version' },
  { method: 'GET', path: '/api/openapi.json', summary: 'This document', tag: 'system', query: none, formats: ['json'], example: '/api/openapi.json' },
  ...(Object.keys(LISTINGS) as ListingName[]).map(
    (name): RouteInfo => ({ method: 'GET', path: `/api/${name}`, summary: LISTING_SUMMARY[name], tag: LISTING_TAG[name], query: listingQuerySchema(name), formats: ['json', 'csv'], example: `/api/${name}` }),
  ),
  { method: 'GET', path: '/api/councils/{code}', summary: 'One council: neighbours, figures beside region and England, inspections, findings, providers, offers and facts with sources', tag: 'councils', query: none, params: code, formats: ['json', 'csv'], example: '/api/councils/E10000017' },
  { method: 'GET', path: '/api/runs/{id}', summary: 'One run with the status of each of its sources', tag: 'sources', query: none, params: { id: { description: 'run id from /api/runs', example: '' } }, formats: ['json', 'csv'], example: '' },
  { method: 'GET', path: '/api/compare/{code}', summary: 'A council against its comparator group: scores, rank, sensitivity, context and explanations', tag: 'scoring', query: CompareQuery, params: code, formats: ['json', 'csv'], example: '/api/compare/E10000017' },
  { method: 'GET', path: '/api/gaps/{code}', summary: 'What comparators offer that the council does not, with exemplar offers and sources', tag: 'scoring', query: GapsQuery, params: code, formats: ['json', 'csv'], example: '/api/gaps/E10000017' },
  { method: 'GET', path: '/api/scores', summary: 'Every council scored within its own comparator group', tag: 'scoring', query: ScoresQuery, formats: ['json', 'csv'], example: '/api/scores' },
  {
    method: 'GET',
    path: '/api/packs/{code}.{format}',
    summary: 'A workshop option pack: a ZIP of everything, the PDF, or the self-contained HTML',
    tag: 'packs',
    query: PackQuerySchema,
    params: { ...code, format: { description: 'zip, pdf or html', example: 'html' } },
    formats: ['zip', 'pdf', 'html'],
    example: '/api/packs/E10000017.html',
  },
];
