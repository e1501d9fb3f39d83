// `npm start` on a fresh checkout: builds the missing database (SBB_DB here), then serves the councils.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { tempDir } from '../support/temp-db.js';

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
  // npm runs the server as its own child: signal the whole process group, or the server outlives the test.
  const stop = (c: ChildProcess | undefined) => {
    if (c?.pid && c.exitCode === null) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  afterAll(() => {
    stop(child);
    t.cleanup();
  });

  it('builds the database when it is missing and serves /api/councils', async () => {
    const db = join(t.dir, 'fresh.sqlite');
    child = spawn('npm', ['start', '--silent', '--', '--port', '0'], { cwd: PROJECT_ROOT, env: { ...process.env, SBB_DB: db }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const m = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(existsSync(db)).toBe(true);
    const res = await fetch(`${m[1]}/api/councils`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(153);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    stop(child);
    await exited;
  });
});
