// `_size=max`: a whole listing in one response, streamed page by page through the keyset cursor (JSON or CSV), so a
// list of any size is sent without being held in memory. Its ETag comes from the data version and the URL, set
// before the body, so the response cache leaves it alone and a matching If-None-Match still gets a 304.
import type { Context } from 'hono';
import { dataVersion } from '../store/data-version.js';
import type { ListingQuery } from '../store/listing.js';
import { LISTINGS, type ListingName } from '../store/listings.js';
import { streamListing } from '../store/listing.js';
import type { AppEnv } from './app-env.js';
import { flatRow, toCsv } from './csv.js';
import type { Format } from './format.js';
import { READ_CACHE_CONTROL } from './http-cache.js';

async function streamEtag(version: string, url: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(`${version}\n${url}`)));
  let hex = '';
  for (const b of digest.subarray(0, 12)) hex += b.toString(16).padStart(2, '0');
  return `W/"${hex}"`;
}

/** Streams every row of a listing; `meta` is written after the rows, with their count. */
export async function streamWholeListing(c: Context<AppEnv>, name: ListingName, q: Omit<ListingQuery, 'size' | 'next' | 'facets'>, meta: Record<string, unknown>, format: Format) {
  const store = c.get('store');
  const path = new URL(c.req.url);
  const etag = await streamEtag(await dataVersion(store), path.pathname + path.search);
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': READ_CACHE_CONTROL };
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return c.body(null, 304, headers);
  const rows = streamListing(store.driver, LISTINGS[name], q);
  const encoder = new TextEncoder();
  let count = 0;
  let started = false;
  let columns: string[] | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (format === 'csv') {
          if (next.done) {
            if (!started) controller.enqueue(encoder.encode(toCsv([])));
            return controller.close();
          }
          const flat = next.value.map(flatRow);
          // The header is the first row's columns (toCsv writes it); later pages are written without it.
          const text = toCsv(flat, (columns ??= Object.keys(flat[0]!)));
          controller.enqueue(encoder.encode(started ? text.slice(text.indexOf('\r\n') + 2) : text));
        } else {
          if (next.done) {
            controller.enqueue(encoder.encode(`${started ? '' : '{"ok":true,"data":['}],"meta":${JSON.stringify({ ...meta, count })}}`));
            return controller.close();
          }
          const text = next.value.map((r) => JSON.stringify(r)).join(',');
          controller.enqueue(encoder.encode(started ? `,${text}` : `{"ok":true,"data":[${text}`));
        }
        count += next.value.length;
        started = true;
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  if (format === 'csv') {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    headers['Content-Disposition'] = `inline; filename="${name}.csv"`;
  } else headers['Content-Type'] = 'application/json';
  return c.body(body, 200, headers);
}
