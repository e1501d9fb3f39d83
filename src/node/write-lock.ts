// One writer at a time per database: a lock file beside it (`X.sqlite.lock`) naming the process, the command and
// when it started. A lock whose process is gone is taken over; one held by a live process is a clear conflict.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../domain/errors.js';

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for the holder. */
  start?: number;
}

/** When a process started (field 22 of /proc/PID/stat), or undefined where there is no /proc. */
export function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process a lock names still runs: alive, and (where known) the same process, not a reuse of its pid. */
function holderAlive(h: LockHolder): boolean {
  if (!processAlive(h.pid)) return false;
  const now = h.start === undefined ? undefined : processStart(h.pid);
  return now === undefined || now === h.start;
}

/** Locks this process holds, by lock path, with how many holders inside it (a server's API writes, nested calls). */
const held = new Map<string, { count: number; holder: LockHolder }>();

export const lockPathOf = (dbPath: string) => `${dbPath}.lock`;

/** Whether a process with this id is running (a signal 0 probe; EPERM still means it exists). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | undefined | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    return { pid: Number(v.pid), command: String(v.command ?? 'sbb'), since: String(v.since ?? ''), ...(typeof v.start === 'number' ? { start: v.start } : {}) };
  } catch {
    // Being written this very moment, or garbage: a holder that cannot be told alive.
    return { pid: 0, command: 'unknown', since: '' };
  }
}

/** The live process (other than this one) that holds the database's write lock, if any. */
export function writeLockHolder(dbPath: string): LockHolder | undefined {
  const h = readHolder(lockPathOf(dbPath));
  if (!h || h === 'unreadable' || h.pid === process.pid) return undefined;
  return holderAlive(h) ? h : undefined;
}

/** The conflict an operation meets while another process writes: 409 through the API, exit 1 on the command line. */
export function lockConflict(dbPath: string, h: LockHolder): AppError {
  return new AppError(
    'conflict',
    `${dbPath} is being written by another process: \`${h.command}\` (pid ${h.pid}, since ${h.since || 'an unknown time'}); try again when it finishes`,
    { field: 'database', code: 'database_locked', retryAfterSeconds: 5 },
  );
}

/** The command this process runs, for the lock file ("sbb import a.json", "sbb serve"), at most 120 characters. */
export function currentCommand(): string {
  const line = ['sbb', ...process.argv.slice(2)].join(' ');
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/**
 * Takes the database's write lock (or joins this process's own hold) and returns its release. A lock left by a
 * process that is gone (kill -9) is taken over; one held by a live process throws a conflict naming it.
 */
export function acquireWriteLock(dbPath: string, command = currentCommand()): () => void {
  const lockPath = lockPathOf(dbPath);
  const mine = held.get(lockPath);
  if (mine) {
    mine.count++;
    return once(() => release(lockPath));
  }
  const start = processStart(process.pid);
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString(), ...(start === undefined ? {} : { start }) };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      held.set(lockPath, { count: 1, holder });
      return once(() => release(lockPath));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw permissionOrError(lockPath, e);
    }
    const other = readHolder(lockPath);
    if (other === 'unreadable') throw new AppError('unavailable', `cannot read the lock file ${lockPath}: check its permissions`);
    if (other && other.pid !== 0 && other.pid !== process.pid && holderAlive(other)) throw lockConflict(dbPath, other);
    // Garbage may be a lock being written right now: give it a moment before treating it as stale.
    if (other && other.pid === 0 && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    // A stale lock (its process is gone): take it over, unless someone else just did.
    const again = readHolder(lockPath);
    if (again !== 'unreadable' && JSON.stringify(again) === JSON.stringify(other)) rmSync(lockPath, { force: true });
  }
  throw new AppError('conflict', `could not take the write lock ${lockPath}: other processes keep taking it`, { code: 'database_locked', retryAfterSeconds: 5 });
}

function permissionOrError(lockPath: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('unavailable', `permission problem: cannot create the lock file ${lockPath} (${code === 'EROFS' ? 'read-only file system' : 'permission denied'}); writing needs a writable folder`, { cause: e });
  return new AppError('unavailable', `cannot create the lock file ${lockPath}: ${(e as Error).message}`, { cause: e });
}

function release(lockPath: string): void {
  const mine = held.get(lockPath);
  if (!mine || --mine.count > 0) return;
  held.delete(lockPath);
  const now = readHolder(lockPath);
  if (now && now !== 'unreadable' && now.pid === process.pid) rmSync(lockPath, { force: true });
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

/**
 * Like acquireWriteLock, but waits up to `waitMs` for a live holder to finish (an API import holds the lock for a
 * moment); a holder still there after that is the conflict naming it.
 */
export async function waitForWriteLock(dbPath: string, command = currentCommand(), waitMs = 5000): Promise<() => void> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return acquireWriteLock(dbPath, command);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'database_locked' || Date.now() >= until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
