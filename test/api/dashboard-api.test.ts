// An API a dashboard can trust (issue 16, item 4), on a real server over the database built from data/: whole lists
// with _size=max (JSON and CSV, streamed), flat CSV cells, a 404 for an unknown council on every council-scoped
// route, full-text _search and Datasette column filters on offers and councils, councils sorted by offer count.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/http/route-catalog.js';
import { RESPONSE_DATA } from '../../src/http/response-schemas.js';
import { servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb({ readonly: true });
const get = (path: string, init?: RequestInit) => fetch(served.url + path, init);
type Body = { ok: boolean; data: Array<Record<string, any>>; meta: Record<string, any>; errors?: Array<{ field?: string; message: string }> };
const json = async (path: string) => {
  const res = await get(path);
  return { res, body: (await res.json()) as Body };
};
const csvRows = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

describe('_size=max', () => {
  it('gives every offer in one response, JSON or CSV, the same rows the pages give', async () => {
    const total = (await json('/api/offers?_size=1')).body.meta.total as number;
    expect(total).toBeGreaterThan(400);
    const whole = await json('/api/offers?_size=max');
    expect(whole.res.status).toBe(200);
    expect(whole.body.ok).toBe(true);
    expect(whole.body.data).toHaveLength(total);
    expect(whole.body.meta).toMatchObject({ count: total, total, size: 'max', next: null });
    expect(new Set(whole.body.data.map((o) => o.id)).size).toBe(total);
    const csv = await get('/api/offers.csv?_size=max');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('link')).toBeNull();
    const rows = csvRows(await csv.text());
    expect(rows.map((r) => r.id)).toEqual(whole.body.data.map((o) => o.id));
  });

  it('keeps filters, sort and facets, and answers a matching If-None-Match with 304', async () => {
    const { res, body } = await json('/api/offers?_size=max&council=Lancashire&_sort_desc=name&_facet=type');
    expect(body.data.length).toBe(body.meta.total);
    expect(body.data.every((o) => o.council_code === 'E10000017')).toBe(true);
    expect(body.data.map((o) => o.name)).toEqual([...body.data.map((o) => o.name)].sort().reverse());
    expect(body.meta.facets.type.length).toBeGreaterThan(0);
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get('/api/offers?_size=max&council=Lancashire&_sort_desc=name&_facet=type', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await json('/api/councils?_size=max')).body.data).toHaveLength(153);
  });
});

describe('CSV cells are flat values', () => {
  it('joins lists with "; ", puts charges and allowances in columns of their own, and never holds JSON', async () => {
    const rows = csvRows(await (await get('/api/offers.csv?_size=max')).text());
    const columns = Object.keys(rows[0]!);
    expect(columns).toEqual(expect.arrayContaining(['charge_gbp', 'charge_per', 'charge_note', 'allowance_min', 'allowance_max', 'allowance_unit', 'allowance_per', 'allowance_note']));
    expect(columns).not.toContain('charges');
    for (const row of rows) for (const [k, v] of Object.entries(row)) expect(v, `${row.id} ${k}`).not.toMatch(/^[[{]|^"?\{/);
    const lancashire = rows.find((r) => r.id === 'lancashire-break-time')!;
    expect(lancashire).toMatchObject({ charge_gbp: '2', charge_per: 'hour', allowance_min: '10', allowance_max: '50', allowance_unit: 'hours', allowance_per: 'year' });
    const several = rows.find((r) => r.statutory_categories?.includes(';'))!;
    expect(several.statutory_categories).toMatch(/^[a-z_]+(; [a-z_]+)+$/);
    const runs = csvRows(await (await get('/api/runs.csv')).text());
    for (const row of runs) for (const v of Object.values(row)) expect(v).not.toMatch(/^[[{]/);
  });
});

describe('an unknown council', () => {
  const scoped = ROUTES.filter((r) => r.method === 'GET' && (r.params?.code || (r.query && 'shape' in r.query && 'council' in (r.query as { shape: object }).shape)));

  it.each(scoped.map((r) => [r.path, r]))('is a 404 naming it on %s', async (_p, r) => {
    const path = r.params?.code ? r.path.replace('{code}', 'E99999999') : `${r.path}?council=E99999999`;
    const url = path.includes('{') ? path.replace(/\{code\}\.\{format\}/, 'E99999999.zip') : path;
    const res = await get(url);
    expect(res.status, url).toBe(404);
    const body = (await res.json()) as { ok: boolean; error: string };
    expect(body).toMatchObject({ ok: false, status: 404 });
    expect(body.error).toMatch(/E99999999/);
  });

  it('covers the listings and the council, compare and gaps routes', () => {
    expect(scoped.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/offers', '/api/sources', '/api/inspections', '/api/findings', '/api/councils/{code}', '/api/compare/{code}', '/api/gaps/{code}']));
  });
});

describe('_search and column filters', () => {
  it('finds offers by words in their name, description or provider, and councils by name', async () => {
    const { body } = await json('/api/offers?_search=overnight&_size=max');
    expect(body.data.length).toBeGreaterThan(5);
    for (const o of body.data) {
      // The list leaves descriptions out; the council's record has them.
      const detail = (await (await get(`/api/councils/${o.council_code}`)).json()) as { data: { offers: Array<{ id: string; description?: string }> } };
      const description = detail.data.offers.find((x) => x.id === o.id)?.description ?? '';
      expect(`${o.name} ${description} ${o.provider ?? ''}`.toLowerCase(), o.id).toMatch(/overnight/);
    }
    const both = await json('/api/offers?_search=overnight%20residential&_size=max');
    expect(both.body.data.length).toBeLessThanOrEqual(body.data.length);
    const councils = await json('/api/councils?_search=yorkshire');
    expect(councils.body.data.map((c) => c.name)).toEqual(expect.arrayContaining(['North Yorkshire', 'East Riding of Yorkshire']));
    expect((await json('/api/offers?_search=%22%20OR%20name%3A*%20NEAR(')).res.status).toBe(200); // typed syntax is only words
    expect((await json('/api/offers?_search=%3F%3F%3F')).res.status).toBe(400);
    expect((await json('/api/sources?_search=x')).res.status).toBe(400);
  });

  it('filters by columns from an allow-list, every value bound', async () => {
    const adults = await json('/api/offers?age__gte=19&_size=max');
    expect(adults.body.data.length).toBeGreaterThan(0);
    for (const o of adults.body.data) expect(o.age_max ?? 25).toBeGreaterThanOrEqual(19);
    const clubs = await json('/api/offers?name__contains=CLUB&_size=max');
    expect(clubs.body.data.length).toBeGreaterThan(0);
    for (const o of clubs.body.data) expect(o.name.toLowerCase()).toContain('club');
    expect(clubs.body.meta.filters).toMatchObject({ name__contains: 'CLUB' });
    const hostile = await json(`/api/offers?name__contains=${encodeURIComponent("'; DROP TABLE offers; --")}`);
    expect(hostile.res.status).toBe(200);
    expect(hostile.body.data).toEqual([]);
    const busy = await json('/api/councils?offer_count__gte=10&_sort_desc=offer_count');
    expect(busy.body.data.length).toBeGreaterThan(0);
    for (const c of busy.body.data) expect(c.offer_count).toBeGreaterThanOrEqual(10);
    for (const [path, field] of [
      ['/api/offers?colour__contains=red', 'colour__contains'],
      ['/api/offers?age__contains=5', 'age__contains'],
      ['/api/offers?age__gte=old', 'age__gte'],
      ['/api/offers?confidence__gt=high', 'confidence__gt'],
    ] as const) {
      const { res, body } = await json(path);
      expect(res.status, path).toBe(400);
      expect(body.errors!.map((e) => e.field).join(','), path).toContain(field);
    }
  });

  it('sorts councils by their offer count, either way, through the cursor', async () => {
    const desc = await json('/api/councils?_sort_desc=offer_count&_size=max');
    const counts = desc.body.data.map((c) => c.offer_count as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    let next: string | null = '/api/councils?_sort=offer_count&_size=40';
    const seen: number[] = [];
    while (next) {
      const page: { body: Body } = await json(next);
      seen.push(...page.body.data.map((c) => c.offer_count as number));
      next = page.body.meta.next_url;
    }
    expect(seen).toEqual([...counts].reverse());
  });
});

describe('the OpenAPI document', () => {
  it('has a response schema per route, and every route answers what its schema says', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: any }> }> }>> };
    for (const r of ROUTES) {
      const schema = doc.paths[r.path]![r.method.toLowerCase()]!.responses[r.created ? '201' : '200']!.content?.['application/json']?.schema;
      if (!r.formats.includes('json')) continue;
      expect(schema, r.path).toBeDefined();
      if (r.path === '/api/openapi.json') continue;
      expect(schema.properties.data, r.path).not.toEqual({});
      expect(RESPONSE_DATA[r.path], r.path).toBeDefined();
      // Routes with no example on the shipped data (a run's id is looked up; workshops are made by their own tests, which parse these schemas).
      if (r.method !== 'GET' || (!r.example && r.path !== '/api/runs/{id}')) continue;
      const example = r.example || `/api/runs/${((await (await get('/api/runs?_size=1')).json()) as Body).data[0]!.id}`;
      const body = (await (await get(example)).json()) as { data: unknown };
      const parsed = RESPONSE_DATA[r.path]!.safeParse(body.data);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), example).toEqual([]);
    }
    const offers = doc.paths['/api/offers']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(offers.properties.data.items.properties).toHaveProperty('charges');
    const compare = doc.paths['/api/compare/{code}']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(compare.properties.data.properties.members.items.properties).toHaveProperty('ranked');
  });

  it('lists the .csv paths, and each is served as CSV', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    for (const path of ['/api/offers.csv', '/api/councils.csv', '/api/compare/{code}.csv', '/api/scores.csv', '/api/coverage.csv']) {
      expect(doc.paths[path]?.get?.responses['200']?.content, path).toHaveProperty('text/csv');
      const res = await get(path.replace('{code}', 'E10000017'));
      expect(res.headers.get('content-type'), path).toMatch(/^text\/csv/);
      await res.arrayBuffer();
    }
  });
});
