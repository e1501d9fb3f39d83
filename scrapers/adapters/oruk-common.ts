// Reading Open Referral UK feeds (v1, 3.0, Outpost): lenient JSON, paging envelopes, page links, empty-means-absent values.
import { CONTROL_CHARS, collapseSpace, repairMojibake } from '../../src/text/clean-text.js';
import { isoDateOf } from '../../src/text/dates.js';
import { unique } from '../../src/text/lists.js';
import type { Adapter, PageInput, PageOutput } from './adapter.js';
import { buildOffers, type OfferDraft } from './offer-builder.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/* ---------- lenient JSON ---------- */

const STRING_ESCAPES: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/** Escapes raw tabs and line breaks inside strings and drops other raw control characters (which JSON.parse rejects). */
export function escapeControlChars(body: string): { text: string; fixed: number } {
  let out = '';
  let last = 0;
  let fixed = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x22) inString = !inString;
    else if (c === 0x5c && inString) i++;
    else if (inString ? c < 0x20 : (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) {
      out += body.slice(last, i) + (inString ? (STRING_ESCAPES[c] ?? '') : '');
      last = i + 1;
      fixed++;
    }
  }
  return { text: fixed ? out + body.slice(last) : body, fixed };
}

type Attempt = { value: Json; error?: undefined } | { value?: undefined; error: Error };

const attempt = (text: string): Attempt => {
  try {
    return { value: JSON.parse(text) as Json };
  } catch (e) {
    return { error: e as Error };
  }
};

const parseError = (text: string): Error | undefined => attempt(text).error;

/** Where JSON.parse gave up: from its message, else the shortest prefix that is wrong rather than merely cut short. */
export function errorPosition(text: string, err: Error): number {
  const stated = /at position (\d+)/.exec(err.message);
  if (stated) return Number(stated[1]);
  if (/end of JSON input/.test(err.message)) return text.length;
  const wrong = (k: number) => {
    const e = parseError(text.slice(0, k));
    if (!e || /end of JSON input/.test(e.message)) return false;
    const at = /at position (\d+)/.exec(e.message);
    return !at || Number(at[1]) < k;
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wrong(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
}

export type ParsedFeed = { ok: true; value: Json; note?: string } | { ok: false; problem: string };

/** JSON.parse that survives a BOM and raw control characters; what is still not JSON is reported with its position. */
export function parseFeedJson(body: string): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '');
  const first = attempt(text);
  if (!first.error) return { ok: true, value: first.value };
  const repaired = escapeControlChars(text);
  const second = repaired.fixed ? attempt(repaired.text) : first;
  if (!second.error) {
    const note = `${repaired.fixed} raw control character(s) that make the body invalid JSON were escaped or removed`;
    return { ok: true, value: second.value, note };
  }
  const pos = errorPosition(repaired.text, second.error);
  const near = JSON.stringify(repaired.text.slice(Math.max(0, pos - 20), pos + 20));
  return { ok: false, problem: `body is not JSON at position ${pos} (${lineColumn(repaired.text, pos)}, near ${near}): ${second.error.message}` };
}

/** The page body as text (decoding the bytes when the fetcher did not). */
export const bodyOf = (page: PageInput): string => page.text ?? new TextDecoder('utf-8').decode(page.bytes);

/* ---------- values: an empty string means absent ---------- */

/** A trimmed non-empty string (numbers as text); '' and whitespace are absent. */
export function str(v: Json | undefined): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t ? t : undefined;
}

/** Clean one-line-or-more text: control characters gone, mojibake repaired, spaces collapsed. */
export function text(v: Json | undefined): string | undefined {
  const s = str(v);
  return s ? collapseSpace(repairMojibake(s.replace(CONTROL_CHARS, ''))) || undefined : undefined;
}

/** A number, or a numeric string; '' and anything else are absent. */
export function num(v: Json | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

export const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
export const objs = (v: Json | undefined): JsonObject[] => arr(v).filter(isObject);
export const obj = (v: Json | undefined): JsonObject | undefined => (isObject(v) ? v : undefined);
/** The first present field among several spellings (eligibilitys / eligibilities). */
export const field = (o: JsonObject, ...names: string[]): Json | undefined => {
  for (const n of names) if (o[n] !== undefined && o[n] !== null && o[n] !== '') return o[n];
  return undefined;
};
/** The YYYY-MM-DD part of a date or timestamp, when there is one. */
export const dateOf = (v: Json | undefined): string | undefined => isoDateOf(str(v));

/* ---------- paging envelopes and links ---------- */

export interface Envelope {
  /** The key the items were under (content, contents, ...), or '' for a bare array. */
  key: string;
  items: Json[];
  page?: number;
  totalPages?: number;
  totalItems?: number;
  first?: boolean;
  last?: boolean;
}

const ITEM_KEYS = ['content', 'contents', 'data', 'items', 'results'];
const bool = (v: Json | undefined) => (typeof v === 'boolean' ? v : undefined);

/** Reads v1 Spring-style (`content`/`contents`, totalPages, number, first, last), 3.0 (`contents`, total_pages, page_number) or Outpost. */
export function readEnvelope(v: Json): Envelope | undefined {
  if (Array.isArray(v)) return { key: '', items: v };
  if (!isObject(v)) return undefined;
  const key = ITEM_KEYS.find((k) => Array.isArray(v[k]));
  if (key === undefined) return undefined;
  return {
    key,
    items: v[key] as Json[],
    page: num(field(v, 'number', 'page_number', 'page')),
    totalPages: num(field(v, 'totalPages', 'total_pages')),
    totalItems: num(field(v, 'totalElements', 'total_items')),
    first: bool(field(v, 'first', 'first_page')),
    last: bool(field(v, 'last', 'last_page')),
  };
}

/** The next list page: the URL's own `page` param plus one (1-based unless the feed counts from 0), other params kept. */
export function nextPageUrl(pageUrl: string, env: Envelope): string | undefined {
  if (!env.items.length || env.last === true) return undefined;
  const url = new URL(pageUrl);
  const fromUrl = num(url.searchParams.get('page') ?? undefined);
  const zeroBased = fromUrl === 0 || (fromUrl === undefined && env.page === 0);
  const current = fromUrl ?? env.page ?? 1;
  const more = env.totalPages !== undefined ? current + (zeroBased ? 1 : 0) < env.totalPages : env.last === false;
  if (!more) return undefined;
  url.searchParams.set('page', String(current + 1));
  url.hash = '';
  return url.href;
}

/** `/services/{id}` beside a `/services` list URL (query dropped). */
export function serviceUrl(listUrl: string, id: string): string {
  const url = new URL(listUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const at = path.lastIndexOf('/services');
  url.pathname = `${at >= 0 ? path.slice(0, at) : path}/services/${encodeURIComponent(id)}`;
  url.search = '';
  url.hash = '';
  return url.href;
}

/** True when the URL names one service (`.../services/{id}`). */
export const isServiceUrl = (url: string): boolean => /\/services\/[^/]+\/?$/.test(new URL(url).pathname);

/* ---------- from services to records ---------- */

/** One service read from a feed: a draft when it can become a record, and what is wrong with it. */
export interface ServiceRead {
  /** "{id} ("{name}")", or the service's place on the page when it has no id: what problems are prefixed with. */
  label: string;
  /** The feed's own id. */
  id?: string;
  draft?: OfferDraft;
  issues: string[];
}

/** A service's label for problems: its id (else its place on the page) and its name. */
export const serviceLabel = (id: string | undefined, index: number, name?: string) =>
  `${id ?? `#${index + 1} on the page (no id)`}${name ? ` ("${name}")` : ''}`;

/** A service's id, name and label, with what is missing said as issues (an id or a name is needed to record it). */
export function serviceIdentity(s: JsonObject, index: number): { id?: string; name?: string; label: string; issues: string[] } {
  const id = str(s.id);
  const name = text(s.name);
  const issues: string[] = [];
  if (!id) issues.push(name ? 'has no id: recorded under its name' : 'has no id');
  if (!name) issues.push('has no name');
  return { id, name, label: serviceLabel(id, index, name), issues };
}

/** Keeps the first service of each id; later ones become problems. */
export function dropDuplicates(reads: ServiceRead[]): ServiceRead[] {
  const seen = new Set<string>();
  return reads.map((r) => {
    const id = r.draft?.external_id;
    if (id === undefined || !seen.has(id)) {
      if (id !== undefined) seen.add(id);
      return r;
    }
    return { label: r.label, id: r.id, issues: [...r.issues, 'the same id appears earlier on this page: not recorded twice'] };
  });
}

/** Records from the drafts; each service's issues as one problem, "service {id} ("{name}"): ...". */
export function outputOf(page: PageInput, adapter: string, reads: ServiceRead[], extra: Partial<PageOutput> = {}): PageOutput {
  const drafts = reads.flatMap((r) => (r.draft ? [r.draft] : []));
  const built = buildOffers(drafts, page, adapter);
  const perService = reads.filter((r) => r.issues.length).map((r) => `service ${r.label}: ${r.issues.join('; ')}`);
  return {
    records: built.records,
    links: extra.links ?? [],
    layout: extra.layout ?? 'ok',
    problems: [...(extra.problems ?? []), ...perService, ...built.problems],
  };
}

/** The output for a body that is not the feed the adapter expects. */
export const changedOutput = (problem: string, notes: string[] = []): PageOutput => ({ records: [], links: [], layout: 'changed', problems: [...notes, problem] });

/** How one platform reads its services. */
export interface ServiceReader {
  adapter: string;
  /** Reads one service object; `fromList` when it came from a list page (a basic view on v1). */
  read(service: JsonObject, index: number, fromList: boolean): ServiceRead;
  /** Whether list pages link to each service's `/services/{id}` page. */
  followDetails: boolean;
  /** Page-level remarks on a list envelope (e.g. a 3.0 list without total_pages). */
  checkEnvelope?(env: Envelope): string[];
}

/** A list page: a record per service, links to details and to the next page. */
export function listOutput(page: PageInput, env: Envelope, reader: ServiceReader, notes: string[]): PageOutput {
  const reads = dropDuplicates(
    env.items.map((item, i): ServiceRead =>
      isObject(item) ? reader.read(item, i, true) : { label: serviceLabel(undefined, i), issues: [`is ${JSON.stringify(item).slice(0, 40)}, not a service object: not recorded`] },
    ),
  );
  const links: PageOutput['links'] = [];
  if (reader.followDetails) for (const id of unique(reads.map((r) => r.id))) links.push({ url: serviceUrl(page.finalUrl, id), label: 'detail' });
  const problems = [...notes, ...(reader.checkEnvelope?.(env) ?? [])];
  const asked = num(new URL(page.finalUrl).searchParams.get('page') ?? undefined);
  const next = nextPageUrl(page.finalUrl, env);
  // A feed that ignores `page` would be paged for ever: stop when it answers another page than the one asked for.
  if (asked !== undefined && env.page !== undefined && asked !== env.page) problems.push(`asked for page ${asked}, the feed answered page ${env.page}: not paging further`);
  else if (next) links.push({ url: next, label: 'list' });
  if (!env.items.length) problems.push(`the services list is empty${env.totalItems ? ` though it counts ${env.totalItems} services` : ''}`);
  return outputOf(page, reader.adapter, reads, { links, problems });
}

/** Parses a feed page: a list envelope, a single service, or (via `other`) something else the platform serves. */
export function parseFeedPage(page: PageInput, reader: ServiceReader, other?: (value: Json, notes: string[]) => PageOutput | undefined): PageOutput {
  const parsed = parseFeedJson(bodyOf(page));
  if (!parsed.ok) return changedOutput(parsed.problem);
  const notes = parsed.note ? [parsed.note] : [];
  const env = readEnvelope(parsed.value);
  if (env) return listOutput(page, env, reader, notes);
  const v = parsed.value;
  if (isObject(v) && (v.id !== undefined || v.name !== undefined || isServiceUrl(page.finalUrl))) return outputOf(page, reader.adapter, [reader.read(v, 0, false)], { problems: notes });
  return other?.(v, notes) ?? changedOutput('neither a services list (content/contents) nor a service object', notes);
}

/** A feed adapter: its reader's name, and pages parsed as lists, single services or (via `other`) the platform's own pages. */
export const feedAdapter = (reader: ServiceReader, other?: (page: PageInput) => (value: Json, notes: string[]) => PageOutput | undefined): Adapter => ({
  name: reader.adapter,
  parse: (page) => parseFeedPage(page, reader, other?.(page)),
});
