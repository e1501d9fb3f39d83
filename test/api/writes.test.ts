// Writes over HTTP exist only behind the bearer token, are off without one, validate like `sbb import`, and
// show at once in the reads. Run on an invented council (Exampleshire) in a fresh database.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';
import { EXAMPLESHIRE, syntheticBundle, taxonomy } from '../support/synthetic-reference.js';
import { dumpDb, tempDir } from '../support/temp-db.js';

const TOKEN = 'test-token-of-the-synthetic-server';
const t = tempDir('sbb-writes-');
const path = join(t.dir, 'writes.sqlite');
let store: Store;
let on: RunningServer;
let off: RunningServer;

const offer = (fields: Record<string, unknown> = {}) => ({
  kind: 'offer',
  id: 'exampleshire-api-club',
  council_code: EXAMPLESHIRE,
  name: 'Saturday Sensory Club (synthetic)',
  type: 'weekend_club',
  access_tier: 'universal',
  source: { url: 'https://exampleshire.example/sensory-club', kind: 'local_offer_page' },
  evidence_quote: 'A synthetic Saturday club for disabled children',
  published: '2026-10',
  retrieved: '2026-11-22',
  confidence: 0.9,
  ...fields,
});

const post = (server: RunningServer, route: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url + route, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const auth = { Authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  store = createStore(createBetterSqliteDriver(path));
  await migrate(store.driver, loadMigrations());
  await store.loadReference(syntheticBundle(), taxonomy);
  on = await startServer(store, 0, '127.0.0.1', { writeToken: TOKEN, snapshotsDir: join(t.dir, 'snapshots') });
  off = await startServer(store, 0, '127.0.0.1', { writeToken: '' });
});
afterAll(async () => {
  await on?.close();
  await off?.close();
  await store?.driver.close();
  t.cleanup();
});

describe('writes', () => {
  it('are off when no token is set', async () => {
    const res = await post(off, '/api/import', [offer()]);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/writes are off.*SBB_WRITE_TOKEN/) });
  });

  it('need the bearer token', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: TOKEN }] as Array<Record<string, string>>) {
      const res = await post(on, '/api/import', [offer()], headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('import valid records, which the reads show at once', async () => {
    const before = await (await fetch(`${on.url}/api/offers?council=${EXAMPLESHIRE}`)).json();
    expect(before).toMatchObject({ meta: { total: 0 } });
    const res = await post(on, '/api/import', { records: [offer()] }, auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { run_id: expect.stringMatching(/^run_import_/), offers: 1, facts: 0 } });
    const after = (await (await fetch(`${on.url}/api/offers?council=${EXAMPLESHIRE}`)).json()) as { data: Array<{ name: string; source_url: string }> };
    expect(after.data).toEqual([expect.objectContaining({ name: 'Saturday Sensory Club (synthetic)', source_url: 'https://exampleshire.example/sensory-club' })]);
  });

  it('reject a bad record naming it and its field, and write nothing', async () => {
    const snapshot = dumpDb(path);
    const res = await post(on, '/api/import', [offer({ id: 'exampleshire-other' }), offer({ id: 'exampleshire-bad', type: 'spa_day' })], auth);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ field: string; message: string }> };
    expect(body.errors).toContainEqual({ field: 'records[1].type', message: expect.stringMatching(/exampleshire-bad: "spa_day" is not a types code/) });
    expect(dumpDb(path)).toEqual(snapshot);
  });

  it('reject a javascript: or data: source URL naming the field, and write nothing', async () => {
    const snapshot = dumpDb(path);
    const bad = [
      offer({ id: 'exampleshire-js', source: { url: 'javascript:alert(1)', kind: 'local_offer_page' } }),
      offer({ id: 'exampleshire-data', source: { url: 'data:text/html,<script>alert(1)</script>', kind: 'local_offer_page' } }),
    ];
    const res = await post(on, '/api/import', bad, auth);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ field: string; message: string }> };
    expect(body.errors).toContainEqual({ field: 'records[0].source.url', message: expect.stringMatching(/exampleshire-js: .*found "javascript:"/) });
    expect(body.errors).toContainEqual({ field: 'records[1].source.url', message: expect.stringMatching(/exampleshire-data: .*found "data:"/) });
    expect(dumpDb(path)).toEqual(snapshot);
  });

  it('reject bodies that are not JSON records', async () => {
    expect((await post(on, '/api/import', '{not json', auth)).status).toBe(400);
    expect((await post(on, '/api/import', { rows: [] }, auth)).status).toBe(400);
    expect((await post(on, '/api/import', [], auth)).status).toBe(400);
    const text = await fetch(`${on.url}/api/import`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
  });

  it('start a scrape only for a council that has sources, and say why not', async () => {
    const none = await post(on, '/api/scrape', { councils: [EXAMPLESHIRE] }, auth);
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: expect.stringMatching(/no sources to scrape/) });
    const bad = await post(on, '/api/scrape', { councils: ['Atlantis'] }, auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('councils.0');
    expect((await post(on, '/api/scrape', { all: true, councils: [EXAMPLESHIRE] }, auth)).status).toBe(400);
  });

  it('are not opened to other origins by CORS', async () => {
    const pre = await fetch(`${on.url}/api/import`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' } });
    expect(pre.headers.get('access-control-allow-methods')).not.toMatch(/POST/);
  });
});
