// Validates Open Referral UK 3.0 responses against the official schemas copied into data/oruk-v3/ (ajv 8 with
// ajv-formats; strict off, since the schemas carry datapackage keywords), plus the compliance rules the schemas cannot
// say: optional fields left out (never null, "" or []), list items with one-to-one fields only, every envelope field.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const DIR = new URL('../../data/oruk-v3/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, any>;
// ajv-formats is CommonJS: its function is the default export's default under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(new URL('schemata/', DIR)).filter((f) => f.endsWith('.json'))) ajv.addSchema(read(`schemata/${file}`), file);
/** The paging envelope as the UK profile's OpenAPI document defines it (components.schemas.Page), every field required. */
const page = read('uk-profile/openapi.json').components.schemas.Page;
const PAGE_FIELDS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'];
ajv.addSchema({ ...page, required: PAGE_FIELDS }, 'page');
/** The root (`/`) as the ORUK 3.0 OpenAPI document defines it, every field required. */
const rootSchema = read('openapi_uk_3.0.json').paths['/'].get.responses['200'].content['application/json'].schema;
ajv.addSchema({ ...rootSchema, required: ['version', 'profile', 'openapi_url'] }, 'root');

export type SchemaName = 'service.json' | 'taxonomy.json' | 'taxonomy_term.json' | 'page' | 'root';

const show = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

/** Where a value holds null, "" or [] (the compliance rules say leave an optional field out instead). */
export function emptiesIn(value: unknown, at = ''): string[] {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [at || '/'];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptiesIn(v, `${at}/${i}`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => emptiesIn(v, `${at}/${k}`));
  return [];
}

/** Everything wrong with one response body against a schema, the compliance rules included; [] when it is valid. */
export function problemsOf(name: SchemaName, body: unknown): string[] {
  const validate = ajv.getSchema(name)!;
  const problems = validate(body) ? [] : show(validate.errors);
  return [...problems, ...emptiesIn(body).map((p) => `${p} is null or empty (leave it out)`)];
}

/** Everything wrong with a list page: its envelope, and each item against the item's schema. */
export function pageProblems(item: SchemaName, body: any, oneToOne = false): string[] {
  // An empty page is `contents: []`: the envelope always has its list.
  const { contents, ...envelope } = body ?? {};
  const problems = [...problemsOf('page', envelope)];
  if (!Array.isArray(contents)) return [...problems, '/contents is not an array'];
  for (const f of Object.keys(body)) if (![...PAGE_FIELDS, 'contents'].includes(f)) problems.push(`/${f} is not a field of the envelope`);
  body.contents.forEach((x: unknown, i: number) => {
    problems.push(...problemsOf(item, x).map((p) => `/contents/${i}${p}`));
    if (oneToOne) for (const [k, v] of Object.entries(x as object)) if (typeof v === 'object') problems.push(`/contents/${i}/${k} is not a one-to-one field`);
  });
  if (body.size !== body.contents.length) problems.push(`size ${body.size} is not the number of items on the page (${body.contents.length})`);
  return problems;
}
