// What is wrong with a database file, in words a user can act on: a permission problem (naming the path that is
// not readable or writable), a corrupt file (from SQLite's quick_check, once per open), or a build left unfinished.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../domain/errors.js';
import type { SqlDriver } from '../store/sql-driver.js';
import type { BuildState } from '../store/build-state.js';

export { readBuildState, type BuildState } from '../store/build-state.js';

/** The first path among the file and its folder that this process cannot use as asked, with the reason. */
export function permissionProblem(path: string, write: boolean): { path: string; reason: string } | undefined {
  const checks: Array<[string, number]> = [
    [dirname(path), constants.R_OK | constants.X_OK | (write ? constants.W_OK : 0)],
    [path, constants.R_OK | (write ? constants.W_OK : 0)],
  ];
  for (const [p, mode] of checks) {
    try {
      accessSync(p, mode);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EROFS') return { path: p, reason: 'the file system is read-only' };
      if (code === 'EACCES' || code === 'EPERM') return { path: p, reason: write ? 'it is not writable by this user' : 'it is not readable by this user' };
    }
  }
  return undefined;
}

export function permissionError(dbPath: string, p: { path: string; reason: string }, write: boolean, cause?: unknown): AppError {
  return new AppError(
    'unavailable',
    `permission problem: cannot ${write ? 'write' : 'read'} ${dbPath}: ${p.path}: ${p.reason}` +
      (write ? '\n  writing needs the file and its folder writable; read-only commands still work' : ''),
    { code: 'permission', cause },
  );
}

/** Whether the folder cannot take the `-shm` file SQLite needs beside a WAL database (a read-only mount, a locked folder). */
export function folderNotWritable(path: string): boolean {
  if (existsSync(`${path}-shm`)) return false;
  try {
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** True when the WAL beside the file holds frames not yet copied into it (a read-only snapshot would miss them). */
export function hasPendingWal(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * SQLite's quick_check (about 12 ms on the shipped 4 MB database; it reads every page, so it grows with the file):
 * [] when sound, else its first few findings. A file SQLite cannot read at all throws, as on open.
 */
export async function quickCheck(driver: SqlDriver): Promise<string[]> {
  try {
    const rows = await driver.all<{ quick_check: string }>('PRAGMA quick_check(5)');
    const found = rows
      .flatMap((r) => String(Object.values(r)[0]).split('\n'))
      .map((l) => l.trim())
      .filter((l) => l && !/^\*\*\* in database/.test(l));
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } catch (e) {
    if (isCorruptionError(e)) return [(e as Error).message];
    throw e;
  }
}

export function corruptError(path: string, findings: readonly string[], cause?: unknown): AppError {
  const first = (findings[0] ?? 'unknown').replace(/\s+/g, ' ').slice(0, 160);
  return new AppError('unavailable', `${path} is corrupt (SQLite integrity check: ${first}${findings.length > 1 ? `, and ${findings.length - 1} more` : ''})\n  rebuild it with: sbb db build --fresh --db ${path}`, {
    code: 'database_corrupt',
    cause,
  });
}

/** SQLite's own word for a damaged file (a file that is no database at all, SQLITE_NOTADB, is told apart on open). */
export const isCorruptionError = (e: unknown) => /SQLITE_CORRUPT/.test(String((e as { code?: string }).code ?? ''));


/** One line about a build that started and did not finish, or undefined. */
export function unfinishedBuildNote(path: string, b: BuildState): string | undefined {
  if (b.state !== 'building') return undefined;
  return `the build of ${path} started ${b.started_at ?? 'at an unknown time'}${b.pid ? ` (pid ${b.pid})` : ''} did not finish: the data is the previous build's; run \`sbb db build --db ${path}\` to finish it`;
}

/** A write that failed for want of space or on an I/O error, said plainly (SQLite rolled it back); else undefined. */
export function storageError(path: string, e: unknown): AppError | undefined {
  const code = String((e as { code?: string }).code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new AppError('unavailable', `the disk holding ${path} is full: nothing was written (the change was rolled back); free some space and run it again`, { code: 'disk_full', cause: e });
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return new AppError('unavailable', `cannot write ${path}: the disk reported an I/O error (${code}); nothing was written`, { code: 'io_error', cause: e });
  return undefined;
}
