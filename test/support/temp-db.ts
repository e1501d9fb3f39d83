// Test helpers: build a real database in a temporary directory, dump it to compare before and after, run the CLI.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import type { Store } from '../../src/store/store.js';
import { main } from '../../src/cli/main.js';
import { buildDatabase } from '../../src/node/build-database.js';

export function tempDir(prefix = 'sbb-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Builds the real database from data/ into a temporary file (without the report PDFs unless asked: they take seconds). */
export async function builtDb(options: { curated?: string[]; reports?: string[] } = {}) {
  const t = tempDir();
  const path = join(t.dir, 'sbb.sqlite');
  await buildDatabase(path, { reports: [], ...options });
  return { path, dir: t.dir, cleanup: t.cleanup };
}

/** Every row of every table (not the full-text indexes, which are derived from them), in a stable order: equal dumps mean nothing changed. */
export function dumpDb(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).filter((t) => !/_fts(_|$)/.test(t.name));
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

/** Runs `sbb ARGS` in this process, capturing what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'sbb', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * A real server on 127.0.0.1 over a database built from data/, for one test file: call at the top of a file or
 * describe block; the returned object is filled in before the tests run and closed after them.
 */
export function servedBuiltDb(options: { readonly?: boolean } = {}) {
  const ctx = {} as { db: Awaited<ReturnType<typeof builtDb>>; store: Store; server: RunningServer; url: string };
  beforeAll(async () => {
    ctx.db = await builtDb();
    ctx.store = await openDatabase(ctx.db.path, { readonly: options.readonly ?? false });
    ctx.server = await startServer(ctx.store, 0, '127.0.0.1', { writeToken: '' });
    ctx.url = ctx.server.url;
  }, 60_000);
  afterAll(async () => {
    await ctx.server?.close();
    await ctx.store?.driver.close();
    ctx.db?.cleanup();
  });
  return ctx;
}
