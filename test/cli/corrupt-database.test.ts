// A database with corrupt pages (real SQLite file, real processes): every command says so in one line with the way
// to rebuild it, `db info` reports the integrity check, writes refuse it, the server does not start on it, and
// `db build --fresh` makes it whole again.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { runSbb, spawnSbb } from '../support/sbb-process.js';
import { builtDb } from '../support/temp-db.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const CORRUPT_LINE = /is corrupt \(SQLite integrity check: [^\n]+\)\n {2}rebuild it with: sbb db build --fresh --db /;

describe('a database with corrupt pages', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let path: string;
  beforeAll(async () => {
    db = await builtDb();
    path = join(db.dir, 'corrupt.sqlite');
    copyFileSync(db.path, path);
    // Overwrite a few pages in the middle of the file (the header and schema page stay readable).
    const fd = openSync(path, 'r+');
    for (const page of [20, 40, 60, 200, 400]) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
    closeSync(fd);
  }, 60_000);
  afterAll(() => db?.cleanup());

  it('a read command says it is corrupt in one line with the way to rebuild it', async () => {
    const r = await runSbb(['councils', '--db', path]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(CORRUPT_LINE);
    expect(r.output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('db info reports the integrity check instead of a stack trace', async () => {
    const r = await runSbb(['db', 'info', '--db', path]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/integrity: CORRUPT \(.+\); rebuild it with: sbb db build --fresh/);
    expect(r.output).not.toMatch(/\n\s+at /);
    const json = JSON.parse((await runSbb(['db', 'info', '--json', '--db', path])).output) as { integrity: string; integrity_findings: string[] };
    expect(json.integrity).toBe('corrupt');
    expect(json.integrity_findings.length).toBeGreaterThan(0);
    expect(JSON.parse((await runSbb(['db', 'info', '--json', '--db', db.path])).output)).toMatchObject({ integrity: 'ok', integrity_findings: [] });
  }, 60_000);

  it('an import refuses it and leaves the file as it was', async () => {
    const before = sha(path);
    const r = await runSbb(['import', join(PROJECT_ROOT, 'data/curated/E06000001-hartlepool.json'), '--db', path]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(CORRUPT_LINE);
    expect(sha(path)).toBe(before);
  }, 60_000);

  it('the server does not start on it (instead of answering 500s)', async () => {
    const r = await spawnSbb(['serve', '--port', '0', '--db', path]).exited;
    expect(r.code).toBe(1);
    expect(r.output).toMatch(CORRUPT_LINE);
    expect(r.output).not.toMatch(/listening on/);
  }, 60_000);

  it('db build --fresh makes it whole again', async () => {
    const r = await runSbb(['db', 'build', '--fresh', '--db', path]);
    expect(r.code, r.output).toBe(0);
    expect((await runSbb(['db', 'info', '--db', path])).output).toMatch(/integrity: ok/);
    expect((await runSbb(['councils', '--db', path])).code).toBe(0);
  }, 120_000);
});
