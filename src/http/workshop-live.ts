// Keeping the facilitator's totals live: GET /w/CODE/facilitate/live is the totals as an HTML fragment with the
// workshop's version as its ETag (a poll while nothing changed is a 304), and GET /w/CODE/facilitate/events is a
// stream of server-sent events, one `version` event whenever the version changes (Node; the Worker is polled).
import { streamSSE } from 'hono/streaming';
import { AppError } from '../domain/errors.js';
import { workshopResults, workshopVersion } from '../services/workshops.js';
import { LiveTotals } from './workshop-live-page.js';
import { canStream, workshopsOf, type Ctx, type WorkshopPageGroup } from './workshop-route-group.js';

type KeyCheck = (c: Ctx) => Promise<{ code: string; key: string } | Response>;

/** How often the stream looks at the version, and how long one stream lasts before the browser reconnects. */
const CHECK_MS = 1000;
const STREAM_MS = 2 * 60_000;

/** The streams open now, so a server that stops can end them at once instead of waiting for them to run out. */
const open = new Set<{ close(): Promise<void> }>();

/** Ends every open event stream (the browsers reconnect to whichever server answers next). */
export async function closeLiveStreams(): Promise<void> {
  await Promise.all([...open].map((s) => s.close().catch(() => undefined)));
  open.clear();
}

const etagMatches = (header: string | undefined, etag: string) => Boolean(header && header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

export function registerLiveRoutes(r: WorkshopPageGroup, auth: KeyCheck) {
  r.get({ path: '/w/{code}/facilitate/live', summary: 'The live totals as an HTML fragment; ETag is the workshop version, If-None-Match answers 304 (facilitator key)' }, async (c) => {
    const a = await auth(c);
    if (a instanceof Response) return a;
    const ws = workshopsOf(c);
    const version = await workshopVersion(ws, a.code);
    const etag = `"${version}"`;
    c.header('Cache-Control', 'private, no-cache');
    c.header('ETag', etag);
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    const results = await workshopResults(ws, a.code, a.key);
    c.header('ETag', `"${results.version}"`);
    return c.html(String(LiveTotals({ r: results })));
  });

  r.get({ path: '/w/{code}/facilitate/events', summary: 'Server-sent events: `version` whenever the workshop changes (facilitator key; Node only, the Worker is polled)' }, async (c) => {
    const a = await auth(c);
    if (a instanceof Response) return a;
    if (!canStream(c)) throw new AppError('unsupported', 'This server does not stream events: the page asks for the totals every few seconds instead.');
    const ws = workshopsOf(c);
    await workshopResults(ws, a.code, a.key);
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      const end = Date.now() + STREAM_MS;
      let last = '';
      open.add(stream);
      stream.onAbort(() => {
        open.delete(stream);
      });
      while (!stream.aborted && !stream.closed && Date.now() < end) {
        let version: string;
        try {
          version = await workshopVersion(ws, a.code);
        } catch {
          break; // deleted: the stream ends
        }
        if (version !== last) {
          await stream.writeSSE({ event: 'version', data: version, retry: 3000 });
          last = version;
        }
        await stream.sleep(CHECK_MS);
      }
      open.delete(stream);
    });
  });
}
