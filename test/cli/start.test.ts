// `npm start` on a fresh checkout: builds the missing database (SBB_DB here), then serves the councils.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { tempDir } from '../helpers/temp-db.js';

function waitForLine(child: ChildProcess, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms; output:\n${seen}`)), ms);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}; output:\n${seen}`)));
  });
}

describe('npm start', () => {
  const t = tempDir();
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
    t.cleanup();
  });

  it('builds the database when it is missing and serves /api/councils', async () => {
    const db = join(t.dir, 'fresh.sqlite');
    child = spawn('npm', ['start', '--silent', '--', '--port', '0'], { cwd: PROJECT_ROOT, env: { ...process.env, SBB_DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
    const m = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(existsSync(db)).toBe(true);
    const res = await fetch(`${m[1]}/api/councils`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(153);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
});
