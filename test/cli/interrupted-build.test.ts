// `db build` killed with kill -9 (real processes): an in-place refresh leaves the previous build whole and says it
// did not finish (db info, serve); a fresh build's temporary files are removed by the next build.
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSbb, spawnSbb, waitForFile } from '../support/sbb-process.js';
import { builtDb, dumpDb } from '../support/temp-db.js';

const withoutMeta = (dump: Record<string, unknown[]>) => Object.fromEntries(Object.entries(dump).filter(([table]) => table !== 'meta'));

function buildState(path: string): string | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'build_state'").get() as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}

describe('a build killed with kill -9', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb();
  }, 60_000);
  afterAll(() => db?.cleanup());

  it('in place: the previous build is kept whole, and db info and serve say the build did not finish', async () => {
    const before = withoutMeta(dumpDb(db.path));
    const build = spawnSbb(['db', 'build', '--db', db.path]);
    const end = Date.now() + 60_000;
    while (buildState(db.path) !== 'building' && Date.now() < end && build.child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(buildState(db.path)).toBe('building');
    await new Promise((r) => setTimeout(r, 700));
    await build.kill('SIGKILL');
    expect(build.child.signalCode).toBe('SIGKILL');

    // No half of a build: every table is as it was (no duplicate inspections, no second import run).
    expect(withoutMeta(dumpDb(db.path))).toEqual(before);
    const info = await runSbb(['db', 'info', '--db', db.path]);
    expect(info.code).toBe(0);
    expect(info.output).toMatch(/INCOMPLETE: the build of .* started .* \(pid \d+\) did not finish: the data is the previous build's/);
    const json = JSON.parse((await runSbb(['db', 'info', '--json', '--db', db.path])).output) as { build_state: string };
    expect(json.build_state).toBe('building');
    const serve = spawnSbb(['serve', '--port', '0', '--db', db.path]);
    await serve.waitFor(/listening on/);
    expect(serve.output()).toMatch(/note: the build of .* did not finish/);
    await serve.kill();

    const again = await runSbb(['db', 'build', '--db', db.path]);
    expect(again.code, again.output).toBe(0);
    expect(buildState(db.path)).toBe('complete');
    expect((await runSbb(['db', 'info', '--db', db.path])).output).not.toMatch(/INCOMPLETE/);
  }, 180_000);

  it('fresh: the next build removes the files the killed one left, and the database is whole', async () => {
    const build = spawnSbb(['db', 'build', '--fresh', '--db', db.path]);
    const leftover = `${db.path}.building-${build.child.pid}`;
    await waitForFile(leftover);
    await new Promise((r) => setTimeout(r, 500));
    await build.kill('SIGKILL');
    expect(existsSync(leftover)).toBe(true);

    const next = await runSbb(['db', 'build', '--db', db.path]);
    expect(next.code, next.output).toBe(0);
    expect(next.output).toMatch(/removed files left by interrupted builds: sbb\.sqlite\.building-\d+/);
    expect(readdirSync(db.dir).filter((f) => f.includes('.building-'))).toEqual([]);
    expect(readdirSync(db.dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
    expect((await runSbb(['db', 'info', '--db', db.path])).output).toMatch(/integrity: ok/);
  }, 180_000);
});
