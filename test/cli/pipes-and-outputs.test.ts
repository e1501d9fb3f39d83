// The real `sbb` process at a shell's edges: output into a pipe that closes early ends quietly, and --out paths
// get their missing folders.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { builtDb } from '../support/temp-db.js';

/** Runs bin/sbb.js and closes its stdout after the first chunk, as `sbb ... | head -1` does. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'sbb.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'sbb.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sbb at the edges of a shell', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb();
  }, 60_000);
  afterAll(() => db?.cleanup());

  it.each([
    [['score', '--all']],
    [['councils']],
    [['councils', '--json']],
    [['diff', 'E10000017']],
  ])('%j into a pipe closed after the first line ends quietly, without a stack trace', async (args) => {
    const r = await runIntoClosedPipe([...args, '--db', db.path]);
    expect(r.stderr).not.toMatch(/EPIPE|node:events|at .*\(node:/);
    expect(r.code).toBe(0);
  });

  it('creates the missing folders of an --out path', async () => {
    const out = join(db.dir, 'a', 'b', 'sbb.sql');
    const r = await run(['db', 'export-sql', '--db', db.path, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
