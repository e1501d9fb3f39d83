// /-/health says how the served database was left: its last build (complete, building now, or started and never
// finished, from meta) and its integrity as checked when the server opened it; a runtime that cannot know says unknown.
import Database from 'better-sqlite3';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createStore, type Store } from '../../src/store/store.js';
import { builtDb } from '../support/temp-db.js';

interface Health {
  status: string;
  counts: Record<string, number>;
  database: { build_state: string; built_at: string | null; integrity: string; integrity_findings: string[]; integrity_checked_at: string | null; build_started_at?: string | null };
}

describe('/-/health', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  const open: Array<{ server: RunningServer; store: Store }> = [];
  beforeAll(async () => {
    db = await builtDb({ curated: [] });
  }, 120_000);
  afterAll(async () => {
    for (const o of open) {
      await o.server.close();
      await o.store.driver.close();
    }
    db?.cleanup();
  });

  async function health(store: Store, database?: { path: string; readonly: boolean }) {
    const server = await startServer(store, 0, '127.0.0.1', { writeToken: '', responseCache: false, database });
    open.push({ server, store });
    const res = await fetch(`${server.url}/-/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: Health };
    expect(body.ok).toBe(true);
    return body.data;
  }
  const setBuildState = (state: string) => {
    const raw = new Database(db.path);
    raw.prepare("INSERT INTO meta (key, value) VALUES ('build_state', ?), ('build_started_at', '2026-12-04T23:00:00.000Z') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(state);
    raw.close();
  };

  it('a complete build that passed its check on open', async () => {
    const h = await health(await openDatabase(db.path, { readonly: true }), { path: db.path, readonly: true });
    expect(h.status).toBe('ok');
    expect(h.counts.councils).toBe(153);
    expect(h.database).toMatchObject({ build_state: 'complete', integrity: 'ok', integrity_findings: [], built_at: expect.stringMatching(/^\d{4}-/) });
    expect(Date.parse(h.database.integrity_checked_at!)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('a build that started and never finished', async () => {
    setBuildState('building');
    try {
      const h = await health(await openDatabase(db.path, { readonly: true }), { path: db.path, readonly: true });
      expect(h.status).toBe('degraded');
      expect(h.database).toMatchObject({ build_state: 'not finished', build_started_at: '2026-12-04T23:00:00.000Z', integrity: 'ok' });
    } finally {
      setBuildState('complete');
    }
  });

  it('a build writing the file now', async () => {
    setBuildState('building');
    // The write lock held by a live process running `sbb db build` (the test runner's parent stands in for it).
    writeFileSync(`${db.path}.lock`, JSON.stringify({ pid: process.ppid, command: `sbb db build --db ${db.path}`, since: new Date().toISOString() }));
    try {
      const h = await health(await openDatabase(db.path, { readonly: true }), { path: db.path, readonly: true });
      expect(h.database.build_state).toBe('building');
      expect(h.status).toBe('ok');
    } finally {
      rmSync(`${db.path}.lock`, { force: true });
      setBuildState('complete');
    }
  });

  it('a store the runtime did not open and check: integrity unknown, as on a Worker', async () => {
    const h = await health(createStore(createBetterSqliteDriver(db.path, { readonly: true })));
    expect(h.database).toMatchObject({ build_state: 'complete', integrity: 'unknown', integrity_checked_at: null });
  });
});
