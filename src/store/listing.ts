// Datasette-style listings over one SQL source: filters, a keyset cursor, sorting and facets, every value bound.
// Column and expression names come only from the listing definitions, never from a request.
import { fromJson } from './json-column.js';
import type { SqlDriver, SqlValue } from './sql-driver.js';
import { invalid } from '../domain/errors.js';

type Row = Record<string, unknown>;

export interface FilterSql {
  sql: string;
  params: SqlValue[];
}

export interface ListingDef {
  name: string;
  /** FROM and JOINs. */
  from: string;
  /** Always applied (e.g. current offers only). */
  base?: string;
  select: string;
  /** The unique key the cursor breaks ties on. */
  key: string;
  /** Sortable names mapped to SQL expressions that are never NULL. */
  sorts: Record<string, string>;
  defaultSort: string;
  defaultDesc?: boolean;
  /** Filter names mapped to SQL builders. */
  filters: Record<string, (value: string) => FilterSql>;
  /** Facet names: a plain column expression, or a JSON array column whose items are counted. */
  facets: Record<string, { expr: string; json?: boolean }>;
  /** Columns stored as JSON text, parsed in the output. */
  jsonColumns: readonly string[];
}

export interface ListingQuery {
  filters: Record<string, string>;
  size: number;
  sort?: string;
  desc?: boolean;
  next?: string;
  facets: string[];
}

export interface FacetValue {
  value: string | number | null;
  count: number;
}

export interface ListingPage {
  rows: Row[];
  /** Rows matching the filters, over every page. */
  total: number;
  next: string | null;
  sort: string;
  desc: boolean;
  facets: Record<string, FacetValue[]>;
}


// base64url over UTF-8 with btoa/atob, which both Node and Workers have.
function encodeCursor(v: unknown[]): string {
  let bin = '';
  for (const b of new TextEncoder().encode(JSON.stringify(v))) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function cursorText(s: string): string {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(s)) throw invalid('_next', '_next is not a cursor this API gave out');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}

function decodeCursor(s: string): [string | number, string] {
  try {
    const v = JSON.parse(cursorText(s)) as unknown;
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw invalid('_next', '_next is not a cursor this API gave out');
}

/** Whether `s` is a cursor this API gave out: the HTTP layer checks `_next` with the other query parameters. */
export function isCursor(s: string): boolean {
  try {
    decodeCursor(s);
    return true;
  } catch {
    return false;
  }
}

function whereOf(def: ListingDef, filters: Record<string, string>): FilterSql {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (def.base) parts.push(def.base);
  for (const [name, value] of Object.entries(filters)) {
    const build = def.filters[name];
    if (!build) continue;
    const f = build(value);
    parts.push(f.sql);
    params.push(...f.params);
  }
  return { sql: parts.length ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : '', params };
}

const FACET_LIMIT = 50;

export async function runListing(db: SqlDriver, def: ListingDef, q: ListingQuery): Promise<ListingPage> {
  const sortName = q.sort ?? def.defaultSort;
  const sortExpr = def.sorts[sortName];
  if (!sortExpr) throw new Error(`listing ${def.name}: no sort "${sortName}"`);
  const desc = q.sort ? Boolean(q.desc) : (def.defaultDesc ?? false);
  const where = whereOf(def, q.filters);
  const pageParts = [where.sql];
  const pageParams = [...where.params];
  if (q.next) {
    const [value, key] = decodeCursor(q.next);
    const op = desc ? '<' : '>';
    pageParts.push(`${where.sql ? 'AND' : 'WHERE'} (${sortExpr} ${op} ? OR (${sortExpr} = ? AND ${def.key} ${op} ?))`);
    pageParams.push(value, value, key);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const rows = await db.all<Row>(
    `SELECT ${def.select}, ${sortExpr} AS _sort_value, ${def.key} AS _key FROM ${def.from} ${pageParts.join(' ')} ORDER BY ${sortExpr} ${dir}, ${def.key} ${dir} LIMIT ?`,
    [...pageParams, q.size + 1],
  );
  const more = rows.length > q.size;
  const page = rows.slice(0, q.size);
  const last = page[page.length - 1];
  const totalRow = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${def.from} ${where.sql}`, where.params);
  const facets: Record<string, FacetValue[]> = {};
  for (const name of q.facets) {
    const f = def.facets[name]!;
    const sql = f.json
      ? `SELECT j.value AS value, COUNT(*) AS n FROM ${def.from} JOIN json_each(${f.expr}) j ${where.sql} GROUP BY j.value ORDER BY n DESC, value LIMIT ${FACET_LIMIT}`
      : `SELECT ${f.expr} AS value, COUNT(*) AS n FROM ${def.from} ${where.sql} GROUP BY ${f.expr} ORDER BY n DESC, value LIMIT ${FACET_LIMIT}`;
    facets[name] = (await db.all<{ value: string | number | null; n: number }>(sql, where.params)).map((r) => ({ value: r.value ?? null, count: Number(r.n) }));
  }
  return {
    rows: page.map((r) => {
      const { _sort_value: _s, _key: _k, ...rest } = r;
      for (const c of def.jsonColumns) if (c in rest) rest[c] = fromJson(rest[c] as string | null, null);
      return rest;
    }),
    total: Number(totalRow?.n ?? 0),
    next: more && last ? encodeCursor([last._sort_value as string | number, String(last._key)]) : null,
    sort: sortName,
    desc,
    facets,
  };
}
