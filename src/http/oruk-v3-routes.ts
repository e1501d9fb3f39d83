// The national offer as an Open Referral UK 3.0 feed under /openreferral/v3: the root, services (paged, with the
// standard's query parameters) and one service, taxonomies and taxonomy terms. Bodies are the standard's own shapes,
// not the API envelope; errors (a bad parameter 400 naming it, an unknown id 404) answer in the API's error envelope.
import { z } from 'zod';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, ORUK_ROOT, serviceById, servicesPage, taxonomiesPage, taxonomyById, termById, termsPage } from '../services/oruk-v3-feed.js';
import { intParam, noQuery } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const orukV3Routes = createApiRoutes();

export const ORUK_BASE = '/openreferral/v3';
/** Where the standard's OpenAPI document finds the schemas of its responses. */
const SCHEMA = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidParam = (what: string) => z.string().regex(UUID, `a UUID of ${what}`);
const page = {
  page: intParam(1, 1_000_000).optional(),
  per_page: intParam(1, MAX_PER_PAGE).optional().describe(`results per page, 1-${MAX_PER_PAGE} (default ${DEFAULT_PER_PAGE})`),
};
const age = z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'an age in years, such as 5').transform(Number);
/** A date (2026-01-31) or a date-time with its zone (2026-01-31T09:00:00Z). */
const dateOrTime = z
  .string()
  .refine((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v) || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))), 'a date (YYYY-MM-DD) or a date-time with its zone (2026-01-31T09:00:00Z)');

/** The standard's start_time, end_time and day: refused with the reason, since offers hold time slots, not opening hours. */
const unsupported = z
  .string()
  .refine(() => false, 'not supported by this feed: offers hold time slots as taxonomy terms (taxonomy_term_id), not opening times')
  .optional()
  .describe('not supported: a 400 saying so (use taxonomy_term_id with a time slot term)');

const servicesQuery = z
  .object({
    search: z.string().trim().min(1, 'words to search for').max(200, 'at most 200 characters').optional(),
    ...page,
    taxonomy_term_id: uuidParam('a taxonomy term (/openreferral/v3/taxonomy_terms)').optional(),
    taxonomy_id: uuidParam('a taxonomy (/openreferral/v3/taxonomies)').optional(),
    minimum_age: age.optional().describe('services whose minimum age is at least this'),
    maximum_age: age.optional().describe('services whose maximum age is at most this'),
    modified_after: dateOrTime.optional().describe('services whose information changed on or after this date or date-time'),
    start_time: unsupported,
    end_time: unsupported,
    day: unsupported,
  })
  .strict();
const pageQuery = z.object(page).strict();
const termsQuery = z.object({ ...page, taxonomy_id: uuidParam('a taxonomy (/openreferral/v3/taxonomies)').optional() }).strict();

const paged = (item: string) => ({
  type: 'object',
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: {
    total_items: { type: 'integer' }, total_pages: { type: 'integer' }, page_number: { type: 'integer' }, size: { type: 'integer' },
    first_page: { type: 'boolean' }, last_page: { type: 'boolean' }, empty: { type: 'boolean' },
    contents: { type: 'array', items: { $ref: `${SCHEMA}/${item}` } },
  },
});
const ID = { id: { description: 'the UUID the feed gives it', example: '' } };

for (const path of [`${ORUK_BASE}/`, ORUK_BASE])
  orukV3Routes.get(
    {
      path, summary: `Open Referral UK 3.0: the feed's version, profile and OpenAPI document${path === ORUK_BASE ? ` (as ${ORUK_BASE}/)` : ''}`, tag: 'openreferral', query: noQuery, formats: ['json'], example: path,
      response: { type: 'object', required: ['version', 'profile', 'openapi_url'], properties: { version: { type: 'string' }, profile: { type: 'string', format: 'uri' }, openapi_url: { type: 'string', format: 'uri' } } },
    },
    (c) => c.json(ORUK_ROOT),
  );

orukV3Routes.get(
  { path: `${ORUK_BASE}/services`, summary: 'Open Referral UK 3.0: every current offer as a service (one-to-one fields), paged, with the standard\'s filters', tag: 'openreferral', query: servicesQuery, formats: ['json'], example: `${ORUK_BASE}/services`, response: paged('compiled/service_list.json') },
  async (c, q) => c.json(await servicesPage(c.get('store'), q)),
);

orukV3Routes.get(
  { path: `${ORUK_BASE}/services/{id}`, summary: 'Open Referral UK 3.0: one fully nested service (organisation, area, costs, schedule, taxonomy terms)', tag: 'openreferral', query: noQuery, params: ID, formats: ['json'], example: '', response: { $ref: `${SCHEMA}/compiled/service.json` } },
  async (c) => c.json(await serviceById(c.get('store'), c.req.param('id')!)),
);

orukV3Routes.get(
  { path: `${ORUK_BASE}/taxonomies`, summary: 'Open Referral UK 3.0: the taxonomies offers are classified by (types, statutory range, time slots, access tiers, gates)', tag: 'openreferral', query: pageQuery, formats: ['json'], example: `${ORUK_BASE}/taxonomies`, response: paged('taxonomy.json') },
  (c, q) => c.json(taxonomiesPage(q)),
);

orukV3Routes.get(
  { path: `${ORUK_BASE}/taxonomies/{id}`, summary: 'Open Referral UK 3.0: one taxonomy with its terms', tag: 'openreferral', query: noQuery, params: ID, formats: ['json'], example: '', response: { $ref: `${SCHEMA}/taxonomy.json` } },
  (c) => c.json(taxonomyById(c.req.param('id')!)),
);

orukV3Routes.get(
  { path: `${ORUK_BASE}/taxonomy_terms`, summary: 'Open Referral UK 3.0: taxonomy terms, all or one taxonomy\'s (taxonomy_id)', tag: 'openreferral', query: termsQuery, formats: ['json'], example: `${ORUK_BASE}/taxonomy_terms`, response: paged('taxonomy_term.json') },
  (c, q) => c.json(termsPage(q)),
);

orukV3Routes.get(
  { path: `${ORUK_BASE}/taxonomy_terms/{id}`, summary: 'Open Referral UK 3.0: one taxonomy term', tag: 'openreferral', query: noQuery, params: ID, formats: ['json'], example: '', response: { $ref: `${SCHEMA}/taxonomy_term.json` } },
  (c) => c.json(termById(c.req.param('id')!)),
);
