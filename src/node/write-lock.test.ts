// The write lock file on its own: taken and released, joined within one process, a live holder named in the
// conflict, a holder that is gone (or a lock file left empty) taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statusOf } from '../http/errors.js';
import { AppError } from '../domain/errors.js';
import { acquireWriteLock, lockPathOf, waitForWriteLock, writeLockHolder } from './write-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'sbb-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('the write lock', () => {
  it('is a file naming this process while held, gone when released; nested holds in one process share it', () => {
    const db = join(dir, 'a.sqlite');
    const outer = acquireWriteLock(db, 'sbb import a.json');
    expect(JSON.parse(readFileSync(lockPathOf(db), 'utf8'))).toMatchObject({ pid: process.pid, command: 'sbb import a.json' });
    const inner = acquireWriteLock(db, 'sbb serve (POST /api/import)');
    inner();
    expect(existsSync(lockPathOf(db))).toBe(true);
    outer();
    outer();
    expect(existsSync(lockPathOf(db))).toBe(false);
  });

  it('held by another live process, is a 409 conflict naming it (after waiting, when asked to wait)', async () => {
    const db = join(dir, 'b.sqlite');
    // The parent of this process is alive and is not this process.
    writeFileSync(lockPathOf(db), JSON.stringify({ pid: process.ppid, command: 'sbb db build --fresh', since: '2026-12-04T10:00:00.000Z' }));
    expect(writeLockHolder(db)).toMatchObject({ pid: process.ppid, command: 'sbb db build --fresh' });
    let err: unknown;
    try {
      acquireWriteLock(db);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect(statusOf(err as AppError)).toBe(409);
    expect((err as AppError).retryAfterSeconds).toBe(5);
    expect((err as AppError).message).toBe(`${db} is being written by another process: \`sbb db build --fresh\` (pid ${process.ppid}, since 2026-12-04T10:00:00.000Z); try again when it finishes`);
    await expect(waitForWriteLock(db, 'sbb import', 300)).rejects.toThrow(/being written by another process/);
  });

  it('left by a process that is gone, by one whose pid now belongs to another process, or left empty, is taken over', () => {
    const reused = JSON.stringify({ pid: process.ppid, command: 'sbb import', since: '', start: 1 });
    for (const content of [JSON.stringify({ pid: deadPid(), command: 'sbb import', since: '' }), reused, '']) {
      const db = join(dir, `c${content.length}-${content.slice(0, 20).replace(/\W/g, '')}.sqlite`);
      writeFileSync(lockPathOf(db), content);
      expect(writeLockHolder(db)).toBeUndefined();
      const release = acquireWriteLock(db, 'sbb classify --all');
      expect(JSON.parse(readFileSync(lockPathOf(db), 'utf8'))).toMatchObject({ pid: process.pid, command: 'sbb classify --all' });
      release();
    }
  });
});
