// GET /api/changes.atom: the change feed as an Atom 1.0 feed (RFC 4287) for feed readers, with the filters and paging
// of /api/changes. Each entry is dated by when its page was read (`updated`) and when the page says it was published
// (`published`, a full date only); scraped text is escaped and stripped of characters XML cannot carry.
import { z } from 'zod';
import { esc } from '../pack/html.js';
import { safeHref } from '../domain/urls.js';
import { isCursor } from '../store/listing.js';
import { LISTING_FILTERS } from './listing-query.js';
import { intParam } from './query.js';
import { createApiRoutes } from './route-registry.js';

export const changesAtomRoutes = createApiRoutes();

const PAGE = 100;

/** The change listing's filters and cursor, newest first; a feed reader pages with rel="next", so `_size` is never max. */
const AtomQuery = z
  .object({
    ...Object.fromEntries(Object.entries(LISTING_FILTERS.changes).map(([k, s]) => [k, s.optional()])),
    _size: intParam(1, 1000).optional(),
    _next: z.string().min(1).max(2000).refine(isCursor, 'not a cursor this API gave out').optional(),
  })
  .strict();

/** Text as XML character data: escaped, without the control characters XML 1.0 forbids. */
// eslint-disable-next-line no-control-regex
const xml = (s: unknown) => esc(String(s ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
const dayTime = (d: unknown) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : typeof d === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(d) ? d : null);

const VERB: Record<string, string> = { appeared: 'appeared', changed: 'changed', disappeared: 'disappeared' };

function entry(r: Record<string, unknown>, origin: string): string {
  const updated = dayTime(r.read) ?? dayTime(r.recorded_at)!;
  const published = dayTime(r.published);
  const href = safeHref(r.source_url as string | null);
  const what = String(r.what ?? '');
  const summary = r.change === 'changed' ? (what ? `Changed: ${what}` : 'Changed') : r.change === 'appeared' ? 'Appeared in what the council publishes.' : 'No longer in what the council publishes.';
  return `<entry>
<id>${xml(`${origin}/api/changes#${r.id}`)}</id>
<title>${xml(`${r.council_name}: ${r.offer} ${VERB[String(r.change)] ?? r.change}`)}</title>
<updated>${updated}</updated>${published ? `\n<published>${published}</published>` : ''}
<link rel="related" href="${xml(`${origin}/councils/${r.council_code}`)}"/>${href ? `\n<link rel="alternate" href="${xml(href)}"/>` : ''}
<category term="${xml(r.change)}" label="${xml(VERB[String(r.change)] ?? r.change)}"/>${r.offer_type ? `\n<category term="${xml(r.offer_type)}" scheme="urn:short-breaks-benchmark:taxonomy:types"/>` : ''}
<summary>${xml(`${summary} Read ${r.read ?? 'on a date not recorded'}${r.published ? `; the page says it was published ${r.published}` : ''}.`)}</summary>
</entry>`;
}

changesAtomRoutes.get(
  {
    path: '/api/changes.atom',
    summary: 'The change feed as Atom 1.0: the filters and paging of /api/changes, each entry dated by when its page was read',
    tag: 'offers',
    query: AtomQuery,
    formats: ['atom'],
    example: '/api/changes.atom',
  },
  async (c, query) => {
    const q = query as Record<string, unknown>;
    const store = c.get('store');
    const filters: Record<string, string> = {};
    for (const key of Object.keys(LISTING_FILTERS.changes)) if (q[key] !== undefined) filters[key] = String(q[key]);
    if (filters.council !== undefined) filters.council = (await store.requireCouncil(filters.council, 'council')).code;
    const page = await store.list('changes', { filters, columns: [], size: (q._size as number | undefined) ?? PAGE, next: q._next as string | undefined, facets: [], sort: 'read', desc: true });
    const url = new URL(c.req.url);
    const origin = url.origin;
    const self = url.pathname + url.search;
    const nextUrl = page.next ? (() => { const n = new URL(url); n.searchParams.set('_next', page.next!); return n.pathname + n.search; })() : null;
    const newest = page.rows.map((r) => dayTime(r.read) ?? '').sort().pop();
    const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${xml(`${origin}/api/changes.atom`)}</id>
<title>Short breaks offers: what appeared, changed or disappeared</title>
<subtitle>Dated by when each council's page was read and when it says it was published. JSON and CSV: /api/changes.</subtitle>
<updated>${newest || '1970-01-01T00:00:00Z'}</updated>
<author><name>short-breaks-benchmark</name></author>
<link rel="self" href="${xml(origin + self)}"/>${nextUrl ? `\n<link rel="next" href="${xml(origin + nextUrl)}"/>` : ''}
${page.rows.map((r) => entry(r, origin)).join('\n')}
</feed>
`;
    return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  },
);
