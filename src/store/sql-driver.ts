// The one async SQL port every store method is written against, with the rules both drivers enforce.

/** Values that bind the same way in better-sqlite3 and D1: no booleans, no undefined. */
export type SqlValue = string | number | null | Uint8Array;
import { AppError } from '../domain/errors.js';

export interface SqlStatement {
  sql: string;
  params?: readonly SqlValue[];
}

export type SqlRow = Record<string, unknown>;

export interface SqlDriver {
  readonly name: 'better-sqlite3' | 'd1';
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs every statement or none: the only way to write atomically (D1 has no BEGIN/COMMIT). */
  batch(statements: readonly SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}

/** D1 rejects more than 100 bound parameters in one statement. */
export const MAX_PARAMS = 100;

/** A statement bound wrongly: a bug in the store's SQL, never the user's input. */
const paramError = (message: string) => new AppError('internal', message);

/** SQL texts already checked for numbered parameters (the same few statements run many times). */
const checkedSql = new Set<string>();

/** Rejects parameters that one of the drivers would reject, so both behave alike. */
export function checkParams(sql: string, params: readonly unknown[] = []): readonly SqlValue[] {
  if (params.length > MAX_PARAMS)
    throw paramError(`${params.length} parameters bound (at most ${MAX_PARAMS}): ${sql.slice(0, 80)}`);
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === null || typeof p === 'string') continue;
    if (typeof p === 'number') {
      if (!Number.isFinite(p)) throw paramError(`parameter ${i + 1} is ${p}: ${sql.slice(0, 80)}`);
      continue;
    }
    if (p instanceof Uint8Array) continue;
    throw paramError(`parameter ${i + 1} is ${p === undefined ? 'undefined' : typeof p}; bind null, a string, a number or bytes: ${sql.slice(0, 80)}`);
  }
  if (!checkedSql.has(sql)) {
    if (/\?\d/.test(sql)) throw paramError(`numbered parameters (?1) do not work in better-sqlite3; use ?: ${sql.slice(0, 80)}`);
    if (checkedSql.size > 10_000) checkedSql.clear();
    checkedSql.add(sql);
  }
  return params as readonly SqlValue[];
}
