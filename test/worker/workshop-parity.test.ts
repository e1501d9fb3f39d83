// Workshop mode's JSON interface on the Worker over D1 (the tables from the shared migrations) and on the Node
// server (its own workshop file) agree: create, join, score, results as JSON and CSV; XLSX is a clear 501 on Workers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';
import { builtDb, runCli, tempDir } from '../support/temp-db.js';
import { bundleWorker, d1Of, executeSqlFile } from '../support/worker-on-d1.js';

const TOKEN = 'parity-token';

describe('workshops on the Worker (D1) and on Node', () => {
  const t = tempDir('sbb-worker-workshop-');
  let db: Awaited<ReturnType<typeof builtDb>>;
  let mf: Miniflare;
  let node: RunningServer;
  let nodeStore: Store;

  beforeAll(async () => {
    db = await builtDb();
    const file = join(t.dir, 'sbb.sql');
    const exported = await runCli('db', 'export-sql', '--db', db.path, '--out', file);
    expect(exported.code, exported.stderr).toBe(0);
    const script = bundleWorker(t.dir);
    // Workshop mode reads the pack's options without its renderers: the Worker does not carry vega.
    expect(script).not.toMatch(/vega/);
    mf = new Miniflare({ modules: true, script, compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'], d1Databases: { DB: 'test' }, bindings: { SBB_WRITE_TOKEN: TOKEN } });
    const d1 = await d1Of(mf);
    await migrate(createD1Driver(d1), loadMigrations());
    await executeSqlFile(d1, readFileSync(file, 'utf8'));
    nodeStore = createStore(createBetterSqliteDriver(db.path, { readonly: true }));
    node = await startServer(nodeStore, 0, '127.0.0.1', { writeToken: TOKEN, workshopDb: join(t.dir, 'node.workshops.sqlite') });
  }, 180_000);

  afterAll(async () => {
    await node?.close();
    await nodeStore?.driver.close();
    await mf?.dispose();
    db?.cleanup();
    t.cleanup();
  });

  type Answer = { status: number; type: string; text: string };
  const on = {
    worker: async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
      const res = await mf.dispatchFetch(`http://worker.test${path}`, { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    },
    node: async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
      const res = await fetch(node.url + path, { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    },
  };

  /** What differs by nature between two workshops (codes, keys, times, ids) replaced by placeholders. */
  const normal = (text: string, code: string) =>
    JSON.parse(
      text
        .replaceAll(code, 'CODE')
        .replaceAll(`${code.slice(0, 4)}-${code.slice(4)}`, 'CODE')
        .replace(/"(wf|wp)_[\w-]+"/g, '"KEY"')
        .replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"TIME"')
        .replace(/"id":"[0-9a-f]{24}"/g, '"id":"ID"')
        .replace(/"version":"CODE-\d+"/g, '"version":"V"'),
    );

  it('agree on create, join, score and results', async () => {
    const seen: Record<'worker' | 'node', unknown[]> = { worker: [], node: [] };
    for (const side of ['worker', 'node'] as const) {
      const call = on[side];
      const unauthorised = await call('POST', '/api/workshops', { council: 'E10000017', title: 'Parity' });
      const created = await call('POST', '/api/workshops', { council: 'E10000017', title: 'Parity', theme: 'holidays' }, { Authorization: `Bearer ${TOKEN}` });
      expect(created.status, created.text).toBe(201);
      const w = JSON.parse(created.text).data as { code: string; facilitator_key: string; options: Array<{ id: string }>; factors: Array<{ id: string }> };
      const fk = { 'X-Facilitator-Key': w.facilitator_key };
      const steps: Answer[] = [unauthorised, created, await call('GET', `/api/workshops/${w.code.toLowerCase()}`)];
      const keys: string[] = [];
      for (const role of ['parent_carer', 'young_person', 'provider', 'mayor']) {
        const joined = await call('POST', `/api/workshops/${w.code}/participants`, { role });
        steps.push(joined);
        if (joined.status === 201) keys.push(JSON.parse(joined.text).data.participant_key);
      }
      for (const [i, key] of keys.entries()) {
        const scores = w.options.slice(0, 3).flatMap((o, oi) => w.factors.map((f, fi) => ({ option: o.id, factor: f.id, score: (i + oi + fi) % 6 })));
        steps.push(await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores, comments: [{ option: w.options[0]!.id, text: `comment ${i}` }] }));
      }
      steps.push(await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: keys[0], scores: [{ option: w.options[0]!.id, factor: 'choice', score: 2.5 }] }));
      steps.push(await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: 'wp_nobody', scores: [] }));
      const comments = JSON.parse((await call('GET', `/api/workshops/${w.code}/comments`, undefined, fk)).text).data as Array<{ id: string; text: string }>;
      await call('POST', `/api/workshops/${w.code}/comments/${comments.find((c) => c.text === 'comment 1')!.id}`, { status: 'approved' }, fk);
      steps.push(await call('PUT', `/api/workshops/${w.code}/options/${w.options[1]!.id}/decision`, { decision: 'needs_more_work', reason: 'Costs unclear' }, fk));
      steps.push(await call('GET', `/api/workshops/${w.code}/results`));
      steps.push(await call('GET', `/api/workshops/${w.code}/results`, undefined, fk));
      steps.push(await call('GET', `/api/workshops/${w.code}/results.csv`, undefined, fk));
      steps.push(await call('POST', `/api/workshops/${w.code}/close`, undefined, fk));
      steps.push(await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: keys[1], scores: [] }));
      seen[side] = steps.map((s) => ({ status: s.status, type: s.type.split(';')[0], body: s.type.startsWith('application/json') ? normal(s.text, w.code) : s.text.replaceAll(w.code, 'CODE') }));
      if (side === 'worker') {
        const xlsx = await call('GET', `/api/workshops/${w.code}/results.xlsx`, undefined, fk);
        expect(xlsx.status).toBe(501);
        expect(JSON.parse(xlsx.text).error).toMatch(/XLSX.*Node/);
      }
      const del = await call('DELETE', `/api/workshops/${w.code}`, undefined, fk);
      expect(del.status).toBe(200);
    }
    expect(seen.worker).toEqual(seen.node);
    expect((seen.node as Array<{ status: number }>).map((s) => s.status)).toEqual([401, 201, 200, 201, 201, 201, 400, 200, 200, 200, 400, 403, 200, 403, 200, 200, 200, 409]);
  }, 120_000);
});
