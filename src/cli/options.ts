// Shared pieces of the commands: option parsers that reject a wrong value as a usage error naming the flag, the
// database a command works on, and core errors said again in terms of the flags the user typed.
import { AppError, isAppError } from '../domain/errors.js';
import { withFlags, type Config, type ConfigFlags } from '../node/config.js';

/** A malformed command line (exit 2). */
export const usage = (message: string) => new AppError('usage', message);

export const intOption = (flag: string, min: number, max = Number.MAX_SAFE_INTEGER) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw usage(`${flag}: "${v}" is not a whole number from ${min} to ${max}`);
  return n;
};

/** Commander collector for options given more than once (--allow-host a --allow-host b). */
export const collect = (v: string, previous: string[] = []) => [...previous, v];

/** The database file a command works on: --db, else the configuration's. */
export const databaseOf = (config: Config, flags: ConfigFlags) => withFlags(config, flags).database;

/** Runs `fn`; an AppError about one of the core's fields (`councils`) is said again of the flag typed (`--council: ...`). */
export async function inFlagTerms<T>(flags: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const flag = isAppError(e) && e.field ? flags[e.field] : undefined;
    if (!flag || !isAppError(e)) throw e;
    const problems = e.problems.map((p) => (p.field === e.field ? { ...p, field: flag } : p));
    throw new AppError(e.kind, `${flag}: ${e.message}`, { field: flag, problems, cause: e, code: e.code });
  }
}
