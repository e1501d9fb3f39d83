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
  /** Columns a `name__op=value` filter may name (Datasette's column filters); only these, never a request's text. */
  columns?: Record<string, ColumnDef>;
  /** The FTS5 index `_search` matches, and the expression of the row's rowid in `from`. */
  search?: { table: string; rowid: string };
  /** Reshapes each row after its JSON columns are parsed (e.g. working out a change from two versions). */
  shape?: (row: Row) => Row;
}

/** A filterable column: text (exact, not, contains, startswith), number (exact, not, gt, gte, lt, lte), or an age range. */
export type ColumnDef = { kind: 'text' | 'number'; expr: string } | { kind: 'range'; min: string; max: string; top: number };

export const TEXT_OPS = ['exact', 'not', 'contains', 'startswith'] as const;
export const NUMBER_OPS = ['exact', 'not', 'gt', 'gte', 'lt', 'lte'] as const;
export const RANGE_OPS = ['gt', 'gte', 'lt', 'lte'] as const;
export type ColumnOp = (typeof TEXT_OPS)[number] | (typeof NUMBER_OPS)[number];

export function opsOf(c: ColumnDef): readonly ColumnOp[] {
  return c.kind === 'text' ? TEXT_OPS : c.kind === 'number' ? NUMBER_OPS : RANGE_OPS;
}

export interface ColumnFilter {
  column: string;
  op: ColumnOp;
  value: string;
}

const COMPARE: Record<'gt' | 'gte' | 'lt' | 'lte', string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** One column filter as SQL: the expression from the definition, the value always bound. */
export function columnFilterSql(c: ColumnDef, op: ColumnOp, value: string): FilterSql {
  if (c.kind === 'range') {
    // An age range matches when it states at least one end: gte/gt look at its top, lte/lt at its bottom.
    const known = `(${c.min} IS NOT NULL OR ${c.max} IS NOT NULL)`;
    const end = op === 'gt' || op === 'gte' ? `COALESCE(${c.max}, ${c.top})` : `COALESCE(${c.min}, 0)`;
    return { sql: `${known} AND ${end} ${COMPARE[op as keyof typeof COMPARE]} ?`, params: [Number(value)] };
  }
  const v: SqlValue = c.kind === 'number' ? Number(value) : value;
  switch (op) {
    case 'exact':
      return { sql: `${c.expr} = ?`, params: [v] };
    case 'not':
      return { sql: `(${c.expr} IS NULL OR ${c.expr} != ?)`, params: [v] };
    case 'contains':
      return { sql: `instr(lower(${c.expr}), lower(?)) > 0`, params: [value] };
    case 'startswith':
      return { sql: `substr(lower(${c.expr}), 1, length(?)) = lower(?)`, params: [value, value] };
    default:
      return { sql: `${c.expr} ${COMPARE[op]} ?`, params: [v] };
  }
}

/**
 * A full-text query FTS5 reads safely from what a person typed: each word quoted (so no operator or column syntax
 * gets through) and matched as a prefix, all of them required. Undefined when nothing searchable is left.
 */
export function ftsQuery(text: string): string | undefined {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return undefined;
  return words.slice(0, 20).map((w) => `"${w}"*`).join(' ');
}

export interface ListingQuery {
  filters: Record<string, string>;
  /** `name__op=value` filters on the definition's columns. */
  columns?: ColumnFilter[];
  /** Full text, matched against the definition's FTS5 index. */
  search?: string;
  size: number;
  sort?: string;
  desc?: boolean;
  next?: string;
  facets: string[];
  /** Count the rows over every page (default true; a stream counts once, on its first page). */
  count?: boolean;
}

export interface FacetValue {
  value: string | number | null;
  count: number;
}

export interface ListingPage {
  rows: Row[];
  /** Rows matching the filters, over every page (null when not counted). */
  total: number | null;
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

function whereOf(def: ListingDef, q: Pick<ListingQuery, 'filters' | 'columns' | 'search'>): FilterSql {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (def.base) parts.push(def.base);
  const add = (f: FilterSql) => {
    parts.push(f.sql);
    params.push(...f.params);
  };
  for (const [name, value] of Object.entries(q.filters)) {
    const build = def.filters[name];
    if (build) add(build(value));
  }
  for (const f of q.columns ?? []) {
    const col = def.columns?.[f.column];
    if (!col || !opsOf(col).includes(f.op)) throw invalid(`${f.column}__${f.op}`, `${def.name} cannot be filtered by ${f.column}__${f.op}`);
    add(columnFilterSql(col, f.op, f.value));
  }
  if (q.search !== undefined) {
    if (!def.search) throw invalid('_search', `${def.name} cannot be searched`);
    const match = ftsQuery(q.search);
    if (match === undefined) throw invalid('_search', '_search needs at least one word or number');
    add({ sql: `${def.search.rowid} IN (SELECT rowid FROM ${def.search.table} WHERE ${def.search.table} MATCH ?)`, params: [match] });
  }
  return { sql: parts.length ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : '', params };
}

const FACET_LIMIT = 50;

/** A row as a listing gives it out: without the cursor's columns, JSON columns parsed, then shaped. */
function outputRow(def: ListingDef, r: Row): Row {
  const { _sort_value: _s, _key: _k, ...rest } = r;
  for (const c of def.jsonColumns) if (c in rest) rest[c] = fromJson(rest[c] as string | null, null);
  return def.shape ? def.shape(rest) : rest;
}

export async function runListing(db: SqlDriver, def: ListingDef, q: ListingQuery): Promise<ListingPage> {
  const sortName = q.sort ?? def.defaultSort;
  const sortExpr = def.sorts[sortName];
  if (!sortExpr) throw new Error(`listing ${def.name}: no sort "${sortName}"`);
  const desc = q.sort ? Boolean(q.desc) : (def.defaultDesc ?? false);
  const where = whereOf(def, q);
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
  const totalRow = q.count === false ? undefined : await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${def.from} ${where.sql}`, where.params);
  const facets: Record<string, FacetValue[]> = {};
  for (const name of q.facets) {
    const f = def.facets[name]!;
    const sql = f.json
      ? `SELECT j.value AS value, COUNT(*) AS n FROM ${def.from} JOIN json_each(${f.expr}) j ${where.sql} GROUP BY j.value ORDER BY n DESC, value LIMIT ${FACET_LIMIT}`
      : `SELECT ${f.expr} AS value, COUNT(*) AS n FROM ${def.from} ${where.sql} GROUP BY ${f.expr} ORDER BY n DESC, value LIMIT ${FACET_LIMIT}`;
    facets[name] = (await db.all<{ value: string | number | null; n: number }>(sql, where.params)).map((r) => ({ value: r.value ?? null, count: Number(r.n) }));
  }
  return {
    rows: page.map((r) => outputRow(def, r)),
    total: q.count === false ? null : Number(totalRow?.n ?? 0),
    next: more && last ? encodeCursor([last._sort_value as string | number, String(last._key)]) : null,
    sort: sortName,
    desc,
    facets,
  };
}

/** Every row of a listing, page by page through the keyset cursor, so a list of any size is never held at once. */
export async function* streamListing(db: SqlDriver, def: ListingDef, q: Omit<ListingQuery, 'size' | 'next' | 'facets'>, pageSize = 500): AsyncGenerator<Row[]> {
  let next: string | undefined;
  do {
    const page = await runListing(db, def, { ...q, size: pageSize, next, facets: [], count: false });
    if (page.rows.length) yield page.rows;
    next = page.next ?? undefined;
  } while (next);
}
