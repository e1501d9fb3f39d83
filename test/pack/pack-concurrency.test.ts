// A burst of PDF pack requests at the real server on 127.0.0.1 (real Chromium): builds are bounded (one here), the
// overflow is answered 503 with Retry-After instead of a browser page each, and a pack asked again is served from
// the kept copy without building.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import type { Store } from '../../src/store/store.js';
import { builtDb } from '../support/temp-db.js';

describe('concurrent pack requests', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  let server: RunningServer;

  beforeAll(async () => {
    db = await builtDb();
    store = await openDatabase(db.path, { readonly: true });
    server = await startServer(store, 0, '127.0.0.1', { packLimits: { concurrency: 1, queue: 2, retryAfterSeconds: 4 } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store?.driver.close();
    db?.cleanup();
  });

  it('builds one at a time, queues two, answers the rest 503 with Retry-After, and keeps what it built', async () => {
    const paths = ['all', 'holidays', 'overnight', 'access'].flatMap((theme) => [`/api/packs/E10000017.pdf?theme=${theme}`, `/api/packs/E10000017.pdf?theme=${theme}&contact=Team`]);
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, server.packStats().running)), 5);
    const responses = await Promise.all(paths.map((p) => fetch(server.url + p).then(async (res) => ({ p, res, body: new Uint8Array(await res.arrayBuffer()) }))));
    clearInterval(watch);

    const ok = responses.filter((r) => r.res.status === 200);
    const busy = responses.filter((r) => r.res.status === 503);
    expect(ok.length + busy.length).toBe(paths.length);
    expect(ok).toHaveLength(3);
    expect(peak).toBe(1);
    for (const r of ok) expect(Buffer.from(r.body.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    for (const r of busy) {
      expect(r.res.headers.get('retry-after')).toBe('4');
      expect(JSON.parse(Buffer.from(r.body).toString('utf8')).error).toMatch(/building as many packs as it can .*try again in 4 s/);
    }

    const builds = server.packStats().builds;
    const again = await fetch(server.url + ok[0]!.p);
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(ok[0]!.body);
    expect(server.packStats()).toMatchObject({ builds, hits: 1 });
  }, 120_000);
});
